using ReuseDetect.Attribution;

namespace ReuseDetect.Tests.Attribution;

public sealed class CreditLineDetectorTests
{
    [Theory]
    [InlineData("Reposted on ANN/Armenian News with permission from RFE/RL Copyright (c) 2023 Radio Free Europe / Radio Liberty, Inc.", "RFE/RL")]
    [InlineData("MOSCOW (RFE/RL) — The Kremlin has said that", "RFE/RL")]
    [InlineData("the statement signed on November 9, 2020, TASS reports.", "TASS")]
    [InlineData("TASS quoted the Russian foreign ministry as saying", "TASS")]
    [InlineData("YEREVAN, NOVEMBER 8, ARMENPRESS. The President said", "Armenpress")]
    [InlineData("This article is republished from Anadolu Agency under its terms.", "Anadolu Agency")]
    [InlineData("Photo courtesy of Reuters", "Reuters")]
    [InlineData("Copyright © 2021 Radio Free Europe/Radio Liberty", "RFE/RL")]
    [InlineData("ANKARA (AA) - Turkish Foreign Minister said", "Anadolu Agency")]
    [InlineData("Elena Teslova\nMOSCOW\nBy Elena Teslova | Anadolu Agency\nRussian President", "Anadolu Agency")]
    [InlineData("Story text.\nAnadolu Ajansı\nMore text.", "Anadolu Agency")]
    public void Should_find_the_credited_outlet(string text, string outlet)
    {
        var credits = CreditLineDetector.Find(text);
        Assert.Contains(credits, c => c.Outlet == outlet);
        Assert.All(credits, c => Assert.Equal(text.Substring(c.Start, c.End - c.Start).Trim(), c.Evidence));
    }

    [Theory]
    [InlineData("a ministry spokeswoman told RFE/RL’s Armenian Service.")]
    [InlineData("the Organization for Security and Cooperation in Europe (OSCE) Minsk Group")]
    [InlineData("Peskov told the Interfax news agency on Sunday.")]
    [InlineData("The report said nothing.")]
    public void Should_not_take_a_quote_or_acronym_for_a_credit(string text) =>
        Assert.Empty(CreditLineDetector.Find(text));

    [Fact]
    public void Should_respect_the_body_region()
    {
        string text = "MOSCOW (TASS) — header. Body: MOSCOW (RFE/RL) — story.";
        int body = text.IndexOf("Body", StringComparison.Ordinal);
        var credit = Assert.Single(CreditLineDetector.Find(text, body, text.Length));
        Assert.Equal("RFE/RL", credit.Outlet);
        Assert.Equal(text.IndexOf("(RFE/RL)", StringComparison.Ordinal), credit.Start);
    }

    [Fact]
    public void Should_end_the_evidence_where_the_outlets_name_ends()
    {
        const string text = "Reposted on ANN/Armenian News with permission from RFE/RL Copyright (c) 2023 Radio Free Europe / Radio Liberty, Inc.";
        var credits = CreditLineDetector.Find(text);
        Assert.Equal(["with permission from RFE/RL", "Copyright (c) 2023 Radio Free Europe / Radio Liberty"], credits.Select(c => c.Evidence));
        Assert.Equal(["permission", "copyright"], credits.Select(c => c.Kind));
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

    [Theory]
    [InlineData("Radio Free Europe / Radio Liberty, Inc.", "RFE/RL")]
    [InlineData("ITAR-TASS", "TASS")]
    [InlineData("Hetq Online", "Hetq Online")]
    [InlineData("Copyright", null)]
    public void Should_canonicalise_outlet_names(string printed, string? canonical) =>
        Assert.Equal(canonical, CreditLineDetector.Canonical(printed));
}
