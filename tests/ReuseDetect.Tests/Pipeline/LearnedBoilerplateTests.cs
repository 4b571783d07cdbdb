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
        string[] groups = ["outlet:a", "outlet:a", "outlet:a", "outlet:b", "outlet:b", "outlet:b", "outlet:c", "outlet:c"];
        Fingerprint[][] prints =
        [
            [new(1, 0), new(2, 0), new(9, 0)], [new(1, 0), new(2, 5)], [new(1, 0), new(2, 5)], // 1: a's own; 2: a's own
            fp(2), fp(2), fp(2),                                                               // 2 also in b: 3 of 6, not a majority
            fp(3), fp(3),                                                                      // 3: only two documents of c
        ];
        BoilerplateModel model = new BoilerplateLearner(minDocuments: 3).Learn(groups, prints);
        Assert.True(model.IsBoilerplate("outlet:a", 1));
        Assert.False(model.IsBoilerplate("outlet:a", 2));
        Assert.False(model.IsBoilerplate("outlet:b", 2));
        Assert.False(model.IsBoilerplate("outlet:c", 3));
        Assert.Equal(["outlet:a"], model.Groups);
    }

    [Fact]
    public void Should_learn_a_folders_furniture_only_from_a_share_of_its_documents()
    {
        // Given a folder of fifteen articles from unknown outlets: a footer line in five of them (a third), a story
        // reposted by four (a quarter)
        string[] groups = [.. Enumerable.Repeat("folder:feed", 15)];
        Fingerprint[][] prints = [.. Enumerable.Range(0, 15).Select(d => (Fingerprint[])[
            .. d < 5 ? [new Fingerprint(7, 0)] : Array.Empty<Fingerprint>(), .. d is >= 5 and < 9 ? [new Fingerprint(8, 0)] : Array.Empty<Fingerprint>()])];
        // When
        BoilerplateModel model = new BoilerplateLearner(minDocuments: 3).Learn(groups, prints);
        // Then the footer is the folder's furniture and the story is not
        Assert.True(model.IsBoilerplate("folder:feed", 7));
        Assert.False(model.IsBoilerplate("folder:feed", 8));
        // And in a folder of five articles, a phrase three of them share is their subject, not furniture
        Assert.False(new BoilerplateLearner(minDocuments: 3).Learn([.. Enumerable.Repeat("folder:few", 5)],
            [.. Enumerable.Range(0, 5).Select(d => d < 3 ? new Fingerprint[] { new(9, 0) } : [])]).IsBoilerplate("folder:few", 9));
    }

    [Fact]
    public void Should_learn_short_lines_that_recur_and_words_most_documents_use()
    {
        // Given thirty articles of one folder, each ending with the line hashed 77; the word 5 in all, the word 6 in one
        string[] groups = [.. Enumerable.Repeat("folder:site", 30)];
        Fingerprint[][] prints = [.. Enumerable.Range(0, 30).Select(_ => Array.Empty<Fingerprint>())];
        ulong[][] lines = [.. Enumerable.Range(0, 30).Select(_ => new ulong[] { 77 })];
        ulong[][] words = [.. Enumerable.Range(0, 30).Select(d => d == 0 ? new ulong[] { 5, 6 } : [5])];
        // When
        BoilerplateModel model = new BoilerplateLearner(minDocuments: 3).Learn(groups, prints, lines, words);
        // Then
        Assert.True(model.IsBoilerplate("folder:site", 77));
        Assert.True(model.IsCommonWord(5));
        Assert.False(model.IsCommonWord(6));
    }
}
