using System.Globalization;
using System.Text;
using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Pipeline;

public sealed class LearnedBoilerplateTests
{
    const string Footer = "Sign up for the Daily Courier newsletter to get the region's top stories delivered to your inbox every morning, and follow us on social media for breaking news alerts.";

    /// <summary>A made-up story of <paramref name="words"/> words, different for each <paramref name="seed"/> (fixed-seed generator).</summary>
    static string Story(int seed, int words = 120)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            if (i > 0) sb.Append(i % 15 == 0 ? ". " : " ");
            sb.Append("w").Append(random.Next(0, 20000).ToString(CultureInfo.InvariantCulture));
        }
        return sb.Append('.').ToString();
    }

    [Fact]
    public void Should_learn_an_outlets_footer_from_500_documents_even_when_too_common_to_align()
    {
        // Given 500 stories of one outlet, all ending with the same sign-up footer, and another outlet reposting one of them with it
        using var tmp = new TempFolder();
        for (int i = 0; i < 500; i++) tmp.Write($"courier/{i:D3}.txt", Story(i) + "\n\n" + Footer);
        tmp.Write("herald/repost.txt", "Herald intro text that says nothing much at all.\n\n" + Story(7) + "\n\n" + Footer);
        // And fingerprints held by more than 100 documents are too common to align
        var options = new ReuseDetectOptions { Parallelism = 2, MaxDocumentFrequency = 100, Ingest = new IngestOptions { OutletFromFolder = true } };
        // When
        ReuseReport r = new ReuseDetector(options).Scan(tmp.Path);
        // Then the footer is one boilerplate cluster of the outlet, with the exact footer in each of its 500 documents
        ReportCluster footer = Assert.Single(r.Clusters, c => c.Boilerplate);
        Assert.Equal(500, footer.Members.Count);
        Assert.All(footer.Members, m => Assert.Equal(Footer, m.Text));
        Assert.Equal(("courier", SourceAttributor.OutletBoilerplate), (footer.Origin.Outlet, footer.Origin.Basis));
        Assert.Equal(1, r.Summary.BoilerplateClusters);
        // And it is excluded from reuse figures: only the reposted story is reuse
        ReportCluster repost = Assert.Single(r.Clusters, c => c.Kind == "passage" && !c.Boilerplate);
        Assert.Equal(["courier/007.txt", "herald/repost.txt"], repost.Members.Select(m => m.Id));
        Assert.All(repost.Members, m => Assert.Contains(Story(7), m.Text, StringComparison.Ordinal));
        ReportDocument plain = r.Documents.Single(d => d.Id == "courier/123.txt");
        Assert.Equal(0, plain.ReusedChars);
        Assert.Equal(Footer.Length, plain.BoilerplateChars);
        // (the repost copied the footer too, so the aligned passage may run across it: those characters are still not reuse)
        ReportMember inOrigin = repost.Members[0];
        int footerInside = inOrigin.Text.Contains(Footer, StringComparison.Ordinal) ? Footer.Length : 0;
        Assert.Equal(inOrigin.End - inOrigin.Start - footerInside, r.Documents.Single(d => d.Id == "courier/007.txt").ReusedChars);
        // And the boilerplate is listed last
        Assert.True(r.Clusters[^1].Boilerplate);
    }

    [Fact]
    public void Should_not_learn_a_phrase_shared_across_outlets_or_held_by_too_few_documents()
    {
        var fp = (ulong h) => new Fingerprint[] { new(h, 0) };
        string[] outlets = ["a", "a", "a", "b", "b", "b", "c", "c", "unknown", "unknown", "unknown"];
        Fingerprint[][] prints =
        [
            [new(1, 0), new(2, 0), new(9, 0)], [new(1, 0), new(2, 5)], [new(1, 0), new(2, 5)], // 1: a's own; 2: a's own
            fp(2), fp(2), fp(2),                                                               // 2 also in b: 3 of 6, not a majority
            fp(3), fp(3),                                                                      // 3: only two documents of c
            fp(4), fp(4), fp(4),                                                               // 4: unknown outlet
        ];
        BoilerplateModel model = new BoilerplateLearner(minDocuments: 3).Learn(outlets, prints);
        Assert.True(model.IsBoilerplate("a", 1));
        Assert.False(model.IsBoilerplate("a", 2));
        Assert.False(model.IsBoilerplate("b", 2));
        Assert.False(model.IsBoilerplate("c", 3));
        Assert.False(model.IsBoilerplate("unknown", 4));
        Assert.Equal(["a"], model.Groups);
    }
}
