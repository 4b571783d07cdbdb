using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>The product's acceptance on the five real articles in <c>seeds/</c>.</summary>
public sealed class SeedsEndToEndTests
{
    const string Ann1 = "000_f10bc7b7f9047a21.txt", Digest = "001_43a853f10424dbd0.txt", Massis = "002_07c4587160c772e7.txt",
        Hyetert = "003_7fa586ce3e554acf.txt", Mirror = "004_613e7597b781f811.txt";

    static readonly Lazy<ReuseReport> s_report = new(() => new ReuseDetector(new ReuseDetectOptions { Parallelism = 2 }).Scan(TestPaths.Seeds));

    static string Text(string id) => File.ReadAllText(Path.Combine(TestPaths.Seeds, id));

    static ReportMember At(string id, string exact, bool last = false)
    {
        string text = Text(id);
        int start = last ? text.LastIndexOf(exact, StringComparison.Ordinal) : text.IndexOf(exact, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{exact}' not in {id}");
        return new ReportMember(id, "unknown", start, start + exact.Length, exact, null, null);
    }

    static ReportCluster ClusterHolding(ReportMember expected) =>
        s_report.Value.Clusters.SingleOrDefault(c => c.Members.Any(m => m.Id == expected.Id && m.Start == expected.Start && m.End == expected.End))
        ?? throw new Xunit.Sdk.XunitException($"No cluster has {expected.Id} [{expected.Start}, {expected.End}): \"{expected.Text}\"");

    [Fact]
    public void Should_find_the_RFE_RL_repost_footer_shared_by_the_two_ANN_files_with_exact_spans()
    {
        // Given the credit footer both ANN reposts end with
        const string footer = "Reposted on ANN/Armenian News with permission from RFE/RL Copyright (c) 2023 Radio Free Europe / Radio Liberty, Inc. 1201 Connecticut Ave., N.W. Washington DC 20036.";
        ReportMember a = At(Ann1, footer), b = At(Digest, footer);
        // When / Then
        ReportCluster c = ClusterHolding(a);
        Assert.Equal("passage", c.Kind);
        Assert.Equal([a.Id, b.Id], c.Members.Select(m => m.Id));
        Assert.Equal([(a.Start, a.End), (b.Start, b.End)], c.Members.Select(m => (m.Start, m.End)));
        Assert.All(c.Members, m => Assert.Equal(footer, m.Text));
        // And RFE/RL, credited by both, is the origin outside the corpus
        Assert.Equal("RFE/RL", c.Origin.Outlet);
        Assert.Equal("credit-line", c.Origin.Basis);
        Assert.All(c.Members, m => Assert.True(m.Credited));
    }

    [Fact]
    public void Should_find_the_quote_the_digest_repeats_with_exact_spans()
    {
        const string quote = "Pashinian regretted that “Yerevan and Baku still speak different diplomatic languages” and that “we often do not understand each other.”";
        ReportMember first = At(Digest, quote), second = At(Digest, quote, last: true);
        Assert.NotEqual(first.Start, second.Start);
        ReportCluster c = ClusterHolding(first);
        Assert.Equal("internal", c.Kind);
        Assert.Equal([(first.Start, first.End), (second.Start, second.End)], c.Members.Select(m => (m.Start, m.End)));
    }

    [Fact]
    public void Should_find_the_paragraphs_the_digest_repeats()
    {
        // The "new war" quote and the Simonian paragraph are told twice in the digest, with edits around them.
        string text = Text(Digest);
        var internals = s_report.Value.Clusters.Where(c => c.Kind == "internal" && c.Members[0].Id == Digest).ToList();
        foreach (string phrase in (string[])[
            "This seems to us to be a preparation for a new war, a new military aggression against Armenia, and it is one of the main obstacles to progress in the peace process",
            "“I have a great hope that these negotiations will yield the desired results in the near future,” Simonian said, stressing that the region needs peace."])
        {
            int first = text.IndexOf(phrase, StringComparison.Ordinal), second = text.LastIndexOf(phrase, StringComparison.Ordinal);
            Assert.True(first >= 0 && second > first);
            Assert.Contains(internals, c => c.Members.Count >= 2
                && c.Members.Any(m => m.Start <= first && m.End >= first + phrase.Length)
                && c.Members.Any(m => m.Start <= second && m.End >= second + phrase.Length));
        }
    }

    [Fact]
    public void Should_find_the_sentence_the_Mirror_Spectator_article_repeats_with_exact_spans()
    {
        ReportMember first = At(Mirror, "Aliyev and Pashinyan will sign two Russian-drafted documents announcing the start of the demarcation of the Armenian-Azerbaijani border and the opening of transport links between the two South Caucasus states.");
        ReportMember second = At(Mirror, "Aliyev and Pashinyan will sign two documents envisaging the demarcation of the Armenian-Azerbaijani border and the opening of transport links between the two South Caucasus states.");
        ReportCluster c = ClusterHolding(first);
        Assert.Equal([(first.Start, first.End), (second.Start, second.End)], c.Members.Select(m => (m.Start, m.End)));
    }

    [Fact]
    public void Should_not_make_clusters_of_common_names_phrases_or_retellings()
    {
        ReuseReport r = s_report.Value;
        // The OSCE name and other shared phrases across outlets are not reuse; the Anadolu retelling and the
        // TASS story share only phrases with the others.
        Assert.DoesNotContain(r.Clusters, c => c.Kind == "passage" && c.Members.Any(m => m.Id is Massis or Hyetert or Mirror));
        Assert.All(r.Clusters, c => Assert.True(c.Words >= r.Parameters.MinWords, $"{c.Id} has {c.Words} words"));
        Assert.DoesNotContain(r.Clusters, c => c.Members.All(m =>
            "the Organization for Security and Cooperation in Europe (OSCE) Minsk Group".Contains(m.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_report_each_documents_reused_share_and_sources()
    {
        ReuseReport r = s_report.Value;
        Assert.Equal(5, r.Summary.Documents);
        Assert.Equal(0, r.Summary.Skipped);
        ReportDocument ann = r.Documents.Single(d => d.Id == Ann1);
        ReportShare share = Assert.Single(ann.SharedWith);
        Assert.Equal(Digest, share.Id);
        Assert.Equal(ann.ReusedChars, share.Chars);
        Assert.Equal(Math.Round((double)ann.ReusedChars / ann.Length, 4), ann.ReusedFraction);
        Assert.Contains(ann.Credits, c => c.Outlet == "RFE/RL");
        Assert.Contains(r.Documents.Single(d => d.Id == Massis).Credits, c => c.Outlet == "TASS");
        Assert.True(r.Documents.Single(d => d.Id == Digest).InternalRepeatChars > 1000);
        Assert.Empty(r.NearDuplicates);
    }

    [Fact]
    public void Should_match_the_golden_reports()
    {
        Golden.Verify("Reporting/seeds.report.json", JsonReportWriter.ToJson(s_report.Value));
        Golden.Verify("Reporting/seeds.report.md", MarkdownReportWriter.ToMarkdown(s_report.Value));
    }

    [Fact]
    public void Should_give_byte_identical_reports_on_one_and_two_threads()
    {
        string one = JsonReportWriter.ToJson(new ReuseDetector(new ReuseDetectOptions { Parallelism = 1 }).Scan(TestPaths.Seeds));
        Assert.Equal(JsonReportWriter.ToJson(s_report.Value), one);
    }

    [Fact]
    public void Should_round_trip_the_json_report()
    {
        string json = JsonReportWriter.ToJson(s_report.Value);
        ReuseReport? back = JsonReportWriter.FromJson(json);
        Assert.NotNull(back);
        Assert.Equal(ReuseReport.CurrentSchemaVersion, back.SchemaVersion);
        Assert.Equal(2, back.SchemaVersion);
        Assert.Equal(json, JsonReportWriter.ToJson(back));
    }
}
