using ReuseDetect.Attribution;

namespace ReuseDetect.Tests.Attribution;

/// <summary>The credit lines and datelines printed in the seed articles, extracted with their outlets.</summary>
public sealed class SeedCreditsTests
{
    static List<CreditLine> Credits(string file) => CreditLineDetector.Find(File.ReadAllText(Path.Combine(TestPaths.Seeds, file)));

    [Fact]
    public void Should_extract_the_RFE_RL_permission_and_copyright_lines_of_the_ANN_reposts()
    {
        foreach (string file in (string[])["000_f10bc7b7f9047a21.txt", "001_43a853f10424dbd0.txt"])
        {
            var credits = Credits(file);
            Assert.Contains(credits, c => c is { Outlet: "RFE/RL", Kind: "permission", Evidence: "with permission from RFE/RL" });
            Assert.Contains(credits, c => c is { Outlet: "RFE/RL", Kind: "copyright", Evidence: "Copyright (c) 2023 Radio Free Europe / Radio Liberty" });
        }
    }

    [Fact]
    public void Should_extract_the_ARMENPRESS_datelines_of_the_digest()
    {
        var datelines = Credits("001_43a853f10424dbd0.txt").Where(c => c.Outlet == "Armenpress").ToList();
        Assert.Equal(["YEREVAN, NOVEMBER 8, ARMENPRESS.", "YEREVAN, OCTOBER 31, ARMENPRESS.", "YEREVAN, OCTOBER 25, ARMENPRESS.", "YEREVAN, OCTOBER 12, ARMENPRESS."],
            datelines.Select(c => c.Evidence));
        Assert.All(datelines, c => Assert.Equal("agency-dateline", c.Kind));
    }

    [Fact]
    public void Should_extract_TASS_but_not_the_RFE_RL_teaser_of_the_Massis_Post_article()
    {
        // The article ends with comments, a sign-up prompt and "You May Also Like" teasers, one of them "MOSCOW (RFE/RL) —".
        var credits = Credits("002_07c4587160c772e7.txt");
        // "TASS quoted the Russian foreign ministry as saying" is a quote, not a credit.
        Assert.Equal([("TASS", "TASS reports")], credits.Select(c => (c.Outlet, c.Evidence)));
    }

    [Fact]
    public void Should_extract_the_RFE_RL_dateline_of_the_Mirror_Spectator_repost_and_nothing_from_quotes()
    {
        CreditLine c = Assert.Single(Credits("004_613e7597b781f811.txt"));
        Assert.Equal(("RFE/RL", "(RFE/RL) —", "dateline"), (c.Outlet, c.Evidence, c.Kind));
        // "told RFE/RL’s Armenian Service" in the ANN repost is a quote, not a credit.
        Assert.DoesNotContain(Credits("000_f10bc7b7f9047a21.txt"), x => x.Evidence.Contains("told", StringComparison.Ordinal));
        Assert.Empty(Credits("003_7fa586ce3e554acf.txt"));
    }

    [Fact]
    public void Should_keep_every_seed_credit_through_resolution()
    {
        // Given the five seeds as a scan sees them: outlet unknown, all in the root folder
        string[] files = [.. Directory.GetFiles(TestPaths.Seeds).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];
        var docs = files.Select(f => new CreditDocument(f, new ReuseDetect.Ingestion.DocumentMetadata(), Credits(f))).ToList();
        // When
        var resolved = CreditResolver.ResolveAll(docs);
        // Then the ANN footer credits RFE/RL, the digest its ARMENPRESS datelines, Massis Post TASS, the Mirror-Spectator RFE/RL
        string Outlets(int d) => string.Join(",", resolved[d].Select(c => $"{c.Outlet}:{c.Kind}"));
        Assert.Equal("RFE/RL:permission,RFE/RL:copyright", Outlets(0));
        Assert.Contains("RFE/RL:permission", Outlets(1), StringComparison.Ordinal);
        Assert.Equal(4, resolved[1].Count(c => c is { Outlet: "Armenpress", Kind: "agency-dateline" }));
        Assert.Equal("TASS:reports", Outlets(2));
        Assert.Equal("", Outlets(3));
        Assert.Equal("RFE/RL:dateline", Outlets(4));
    }
}
