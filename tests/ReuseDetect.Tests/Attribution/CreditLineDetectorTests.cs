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

    [Theory]
    [InlineData("Radio Free Europe / Radio Liberty, Inc.", "RFE/RL")]
    [InlineData("ITAR-TASS", "TASS")]
    [InlineData("Hetq Online", "Hetq Online")]
    [InlineData("Copyright", null)]
    public void Should_canonicalise_outlet_names(string printed, string? canonical) =>
        Assert.Equal(canonical, CreditLineDetector.Canonical(printed));
}
