using ReuseDetect.Attribution;

namespace ReuseDetect.Tests.Attribution;

public sealed class CreditLineDetectorTests
{
    [Theory]
    // Datelines opening a paragraph: a place (and date) then a curated agency in parentheses and a dash.
    [InlineData("MOSCOW (RFE/RL) — The Kremlin has said that", "RFE/RL", "dateline", "(RFE/RL) —")]
    [InlineData("LONDON (Reuters) - Britain's economy grew faster than expected.", "Reuters", "dateline", "(Reuters) -")]
    [InlineData("NEW YORK, March 3 (Reuters) - Stocks fell on Friday.", "Reuters", "dateline", "(Reuters) -")]
    [InlineData("WASHINGTON, D.C., Jan. 12 (AP) — The Senate voted.", "AP", "dateline", "(AP) —")]
    [InlineData("KYIV, Ukraine (AP) — Russian forces shelled the city.", "AP", "dateline", "(AP) —")]
    [InlineData("ANKARA (AA) - Turkish Foreign Minister said", "Anadolu Agency", "dateline", "(AA) -")]
    [InlineData("BEIJING, Nov. 3 (Xinhua) -- China's exports rose.", "Xinhua", "dateline", "(Xinhua) --")]
    [InlineData("Headline of the story\n\nPARIS (AFP) – French unions called a strike.", "AFP", "dateline", "(AFP) –")]
    [InlineData("(Reuters) - The dollar rose.", "Reuters", "dateline", "(Reuters) -")]
    [InlineData("WASHINGTON, March 3 (UPI) -- The Senate voted.", "UPI", "dateline", "(UPI) --")]
    [InlineData("TORONTO (CP) — The loonie fell.", "Canadian Press", "dateline", "(CP) —")]
    [InlineData("The minister said so on Monday.\n— The Canadian Press", "Canadian Press", "signoff", "— The Canadian Press")]
    [InlineData("TOKYO, March 3 (Jiji Press) — The yen rose.", "Jiji Press", "dateline", "(Jiji Press) —")]
    [InlineData("YEREVAN, MARCH 3, ARMENPRESS. The President said", "Armenpress", "agency-dateline", "YEREVAN, MARCH 3, ARMENPRESS.")]
    [InlineData("YEREVAN, NOVEMBER 8, ARMENPRESS. The President said", "Armenpress", "agency-dateline", "YEREVAN, NOVEMBER 8, ARMENPRESS.")]
    [InlineData("MOSCOW, March 3. /TASS/. The Kremlin said", "TASS", "agency-dateline", "MOSCOW, March 3. /TASS/.")]
    // Wire sign-offs on the last lines.
    [InlineData("The minister spoke.\nHe said more on Monday.\n(Reuters)", "Reuters", "signoff", "(Reuters)")]
    [InlineData("The minister said so on Monday. (Reuters)", "Reuters", "signoff", "(Reuters)")]
    [InlineData("The minister said so on Monday.\n— AP", "AP", "signoff", "— AP")]
    [InlineData("The minister said so on Monday.\n/TASS/", "TASS", "signoff", "/TASS/")]
    [InlineData("The minister said so.\nReporting by Jane Doe; Editing by John Roe\nOur Standards: The Trust Principles.", "Reuters", "signoff",
        "Reporting by Jane Doe; Editing by John Roe")]
    [InlineData("The minister said so.\n(Writing by Jane Doe; Editing by John Roe)", "Reuters", "signoff", "(Writing by Jane Doe; Editing by John Roe)")]
    [InlineData("The minister said so.\nCompiled by Jane Doe; Editing by John Roe", "Reuters", "signoff", "Compiled by Jane Doe; Editing by John Roe")]
    // Agency reports (known agencies only).
    [InlineData("As Reuters reported: the deal was signed.", "Reuters", "reports", "As Reuters reported")]
    [InlineData("Reuters reports that the bank cut rates.", "Reuters", "reports", "Reuters reports")]
    [InlineData("the statement signed on November 9, 2020, TASS reports.", "TASS", "reports", "TASS reports")]
    [InlineData("The Associated Press has reported that", "AP", "reports", "Associated Press has reported")]
    [InlineData("the Interfax news agency reported.", "Interfax", "reports", "Interfax news agency reported")]
    [InlineData("the deal, according to the Associated Press, was", "AP", "reports", "according to the Associated Press")]
    [InlineData("deals made before 2005, according to the French news agency AFP.", "AFP", "reports", "according to the French news agency AFP")]
    [InlineData("Everasia is reported by Reuters to have won a contract", "Reuters", "reports", "reported by Reuters")]
    [InlineData("On Tuesday, Agence France Presse reported that", "AFP", "reports", "Agence France Presse reported")]
    // Wordings that may name any outlet.
    [InlineData("Reposted on ANN/Armenian News with permission from RFE/RL Copyright (c) 2023 Radio Free Europe / Radio Liberty, Inc.", "RFE/RL",
        "permission", "with permission from RFE/RL")]
    [InlineData("Reprinted with kind permission from Hetq Online.", "Hetq Online", "permission", "with kind permission from Hetq Online")]
    [InlineData("Reprinted by permission of The New York Times.", "New York Times", "permission", "by permission of The New York Times")]
    [InlineData("Photo courtesy of Reuters", "Reuters", "courtesy", "courtesy of Reuters")]
    [InlineData("This article is republished from Anadolu Agency under its terms.", "Anadolu Agency", "republished", "republished from Anadolu Agency")]
    [InlineData("This story was originally published by Hetq.", "Hetq", "republished", "originally published by Hetq")]
    [InlineData("Reprinted from The Economist, with thanks.", "Economist", "republished", "Reprinted from The Economist")]
    [InlineData("It originally ran on CivilNet.am last week.", "CivilNet.am", "republished", "originally ran on CivilNet.am")]
    [InlineData("This review originally appeared in the Fall 2002 Design Management Review", "Design Management Review", "republished",
        "originally appeared in the Fall 2002 Design Management Review")]
    [InlineData("Source: Reuters", "Reuters", "source", "Source: Reuters")]
    [InlineData("Source: armenpress.am", "Armenpress", "source", "Source: armenpress.am")]
    [InlineData("Elena Teslova\nMOSCOW\nBy Elena Teslova | Anadolu Agency\nRussian President", "Anadolu Agency", "byline", "By Elena Teslova | Anadolu Agency")]
    [InlineData("Story text.\nAnadolu Ajansı\nMore text.", "Anadolu Agency", "byline", "Anadolu Ajansı")]
    [InlineData("By Jane Doe | Daily Courier\nThe council met.", "Daily Courier", "byline", "By Jane Doe | Daily Courier")]
    // Who contributed to the story: any name, resolution keeps agencies and outlets of the corpus.
    [InlineData("The vote was 86-11.\n\nThe Associated Press contributed to this report.", "AP", "contributed", "The Associated Press contributed to this report")]
    [InlineData("Associated Press writers Jane Doe and John Roe contributed to this report.", "AP", "contributed",
        "Associated Press writers Jane Doe and John Roe contributed to this report")]
    [InlineData("Reuters contributed reporting.", "Reuters", "contributed", "Reuters contributed reporting")]
    // A part of an agency, named with a possessive, is the agency.
    [InlineData("The court ruled.\n\nWith reporting by RFE/RL's Armenian Service", "RFE/RL", "contributed", "With reporting by RFE/RL's Armenian Service")]
    [InlineData("Additional reporting by Reuters’ Moscow bureau.", "Reuters", "contributed", "Additional reporting by Reuters’ Moscow")]
    [InlineData("Staff writers contributed to this report. Bloomberg News also contributed to this report.", "Bloomberg", "contributed",
        "Bloomberg News also contributed to this report")]
    [InlineData("Additional reporting by Reuters.", "Reuters", "contributed", "Additional reporting by Reuters")]
    // Contribution lines are matched line by line, on the lines holding one of their words, whatever the spacing.
    [InlineData("Additional\treporting by Reuters.", "Reuters", "contributed", "Additional\treporting by Reuters")]
    [InlineData("The vote was 86-11.\nAdditional  reporting by Reuters.\nThe council contributed nothing.", "Reuters", "contributed", "Additional  reporting by Reuters")]
    [InlineData("The vote was 86-11.\nHe left.\n\nThe Associated Press contributed to this report.", "AP", "contributed", "The Associated Press contributed to this report")]
    [InlineData("Material from the Associated Press was used in this report.", "AP", "contributed", "Material from the Associated Press was used")]
    [InlineData("With files from The Canadian Press", "Canadian Press", "contributed", "With files from The Canadian Press")]
    [InlineData("The vote was 86-11.\nThis article was provided by The Associated Press.", "AP", "contributed", "This article was provided by The Associated Press")]
    [InlineData("The vote was 86-11.\nDistributed by Reuters", "Reuters", "contributed", "Distributed by Reuters")]
    [InlineData("The vote was 86-11.\nHe left.\nThey met.\n— The Associated Press", "AP", "signoff", "— The Associated Press")]
    [InlineData("By JANE DOE Associated Press\nThe vote was 86-11.", "AP", "byline", "By JANE DOE Associated Press")]
    [InlineData("By Jane Doe, Associated Press Writer\nThe vote was 86-11.", "AP", "byline", "By Jane Doe, Associated Press Writer")]
    [InlineData("© Copyright 2022 The Associated Press", "AP", "copyright", "© Copyright 2022 The Associated Press")]
    // An agency's own notice under its stories, carried along by reposts.
    [InlineData("The vote was 86-11.\nOur Standards: The Thomson Reuters Trust Principles.\nRelated coverage", "Reuters", "signoff", "Thomson Reuters Trust Principles")]
    [InlineData("The vote was 86-11.\n\nThe Associated Press receives support from the Walton Family Foundation for coverage of water.", "AP", "signoff",
        "The Associated Press receives support from")]
    // Copyright lines: candidates; resolution decides whether they credit anyone.
    [InlineData("Copyright © 2021 Radio Free Europe/Radio Liberty", "RFE/RL", "copyright", "Copyright © 2021 Radio Free Europe/Radio Liberty")]
    [InlineData("Copyright 2023 Outlet Media Group. All rights reserved.", "Outlet Media Group", "copyright", "Copyright 2023 Outlet Media Group")]
    [InlineData("© 2023 Thomson Reuters", "Reuters", "copyright", "© 2023 Thomson Reuters")]
    public void Should_find_each_pattern(string text, string outlet, string kind, string evidence)
    {
        // When
        var credits = CreditLineDetector.Find(text);
        // Then the credit is found with its kind and evidence, and every evidence is exactly the text its span covers
        Assert.Contains(new CreditLine(outlet, evidence, text.IndexOf(evidence, StringComparison.Ordinal), text.IndexOf(evidence, StringComparison.Ordinal) + evidence.Length, kind), credits);
        Assert.All(credits, c => Assert.Equal(text[c.Start..c.End], c.Evidence));
    }

    [Theory]
    // Parenthesised acronyms and plurals inside sentences are never datelines (BBC News).
    [InlineData("Operators plan to offer high-speed downlink packet access (HSDPA) - a faster data service.")]
    [InlineData("Sales of sport utility vehicles (SUVs) - which burn more fuel - fell.")]
    [InlineData("The Pakistan Muslim League (PML) - the ruling party - won.")]
    [InlineData("The special drawing right (SDR) -- the IMF's own unit -- rose.")]
    [InlineData("(SUVs) - and other large cars sold well.")]
    [InlineData("(Sunday) - the paper said.")]
    [InlineData("17:26, 8 March 2006 (UTC) -Benbread")]
    [InlineData("Shares rose, he said (Reuters) - and then fell.")]
    [InlineData("The match at Murrayfield (Edinburgh)\n\n- was a draw.")]
    [InlineData("the Organization for Security and Cooperation in Europe (OSCE) Minsk Group")]
    // Quotes given to an agency are not credits, and neither is what it quoted or said.
    [InlineData("a ministry spokeswoman told RFE/RL’s Armenian Service.")]
    [InlineData("Peskov told the Interfax news agency on Sunday.")]
    [InlineData("Reuters quoted a central bank official as saying.")]
    [InlineData("TASS quoted the Russian foreign ministry as saying in the statement.")]
    [InlineData("the minister told TASS on Monday.")]
    [InlineData("Reuters said it would cut jobs.")]
    [InlineData("Peskov was quoted as saying by the Interfax news agency.")]
    [InlineData("The report said nothing.")]
    // Names that are not agencies where only an agency may stand, or that continue past the agency's name.
    [InlineData("Michael Bloomberg reported his earnings.")]
    [InlineData("according to AP Stylebook rules")]
    [InlineData("According to PTI, the party won.")]
    [InlineData("According to UPI, payments rose by a fifth in March.")]
    [InlineData("The Hollywood Foreign Press Association reported a record year.")]
    [InlineData("The Trend reports from the field were poor.")]
    // Wordings that look like credits but name no outlet.
    [InlineData("The course is open with permission of the Department Chair.")]
    [InlineData("This story was originally published on Sunday.")]
    [InlineData("This series was originally published in the Journal caduceus.")]
    [InlineData("BAGHDAD, Iraq (CNN) — officials said")]
    // A roles line without an editor names no agency.
    [InlineData("The minister said so.\nWriting by Jane Doe")]
    public void Should_not_take_acronyms_quotes_or_mentions_for_credits(string text) =>
        Assert.Empty(CreditLineDetector.Find(text));

    [Fact]
    public void Should_respect_the_body_region()
    {
        string text = "MOSCOW (TASS) — header.\nMOSCOW (RFE/RL) — story.";
        int body = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var credit = Assert.Single(CreditLineDetector.Find(text, body, text.Length));
        Assert.Equal("RFE/RL", credit.Outlet);
        Assert.Equal(text.IndexOf("(RFE/RL)", StringComparison.Ordinal), credit.Start);
    }

    [Fact]
    public void Should_reject_a_region_outside_the_text() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditLineDetector.Find("short", 2, 10));

    [Fact]
    public void Should_end_the_evidence_where_the_outlets_name_ends()
    {
        const string text = "Reposted on ANN/Armenian News with permission from RFE/RL Copyright (c) 2023 Radio Free Europe / Radio Liberty, Inc.";
        var credits = CreditLineDetector.Find(text);
        Assert.Equal(["with permission from RFE/RL", "Copyright (c) 2023 Radio Free Europe / Radio Liberty"], credits.Select(c => c.Evidence));
        Assert.Equal(["permission", "copyright"], credits.Select(c => c.Kind));
        Assert.All(credits, c => Assert.True(c.Agency));
    }

    [Fact]
    public void Should_not_count_credits_in_teaser_blocks_or_comment_sections()
    {
        // Given an article whose trailing matter (comments, sign-up prompt, teasers) carries datelines of other stories
        string text = "MOSCOW — The ministry said in a statement, TASS reports.\n\nMore of the story, long enough to make the article body.\n\n"
            + "And the last paragraph of the story, which is the end of it.\n\n"
            + "Leave a Reply\n\nYour email address will not be published.\n\nYou May Also Like\n\nNext Summit ‘Planned For June 20’\n\n"
            + "MOSCOW (RFE/RL) — Russian President Vladimir Putin will host on Monday a…";
        // When
        var credits = CreditLineDetector.Find(text);
        // Then only the article's own credit counts
        Assert.Equal(["TASS"], credits.Select(c => c.Outlet));
        Assert.Equal(text.IndexOf("Leave a Reply", StringComparison.Ordinal), CreditLineDetector.TrailerStart(text, 0, text.Length));
    }

    [Fact]
    public void Should_not_take_a_related_heading_at_the_top_for_the_trailer()
    {
        string text = "Related\nMOSCOW (RFE/RL) — The Kremlin said on Sunday that talks were being prepared, in the format of a video conference.";
        Assert.Equal(text.Length, CreditLineDetector.TrailerStart(text, 0, text.Length));
        Assert.Equal("RFE/RL", Assert.Single(CreditLineDetector.Find(text)).Outlet);
    }
}
