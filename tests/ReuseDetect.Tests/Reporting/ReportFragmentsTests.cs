using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Testbed;

namespace ReuseDetect.Tests.Reporting;

/// <summary>
/// What the watch worker keeps between rescans (<see cref="ReportMemo"/> in a detector that keeps its index, the writers'
/// <see cref="ReportFragments"/>) changes no byte of the reports: each rescan's report.json, report.html, report.md and report.csv equal those
/// written without anything kept, while the clusters a change did not touch are passed on and copied.
/// </summary>
public sealed class ReportFragmentsTests
{
    [Fact]
    public void Should_write_the_same_bytes_as_without_kept_fragments_through_adds_edits_and_removals()
    {
        // Given a generated news ecosystem, a detector that keeps its index and one set of kept fragments
        if (TestPaths.SharedData("reuters21578") is not { } reuters) { Assert.Skip("../shared/data/reuters21578 is not present"); return; }
        using var folder = new TempFolder();
        NewsEcosystem.Generate(reuters, folder.Path, new EcosystemOptions { Seed = 5, Stories = 12, Dates = DateMode.All });
        string corpus = Path.Combine(folder.Path, "corpus");
        var options = new ReuseDetectOptions { Parallelism = 2 };
        var detector = new ReuseDetector(options) { KeepIndex = true };
        var fragments = new ReportFragments();
        string[] texts = [.. Directory.GetFiles(corpus, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        Assert.True(texts.Length > 5);
        string copied = File.ReadAllText(texts[0]);
        ReuseReport? before = null;
        int passedOn = 0, documentsPassedOn = 0;
        // When the folder changes step by step: nothing, an article whose name sorts first (every document's index in the
        // page moves), an edit, a removal
        Action[] steps =
        [
            () => { },
            () => { },
            () => File.WriteAllText(Path.Combine(corpus, "!first.txt"), copied + "\n\nAn added closing line that no other article has."),
            () => File.WriteAllText(texts[1], File.ReadAllText(texts[1]).Replace(" the ", " a ", StringComparison.Ordinal)),
            () => File.Delete(texts[2]),
        ];
        foreach (Action step in steps)
        {
            step();
            ReuseReport report = detector.Scan(corpus);

            // Then both reports are byte for byte those written without kept fragments
            Assert.Equal(Json(report, null), Json(report, fragments));
            Assert.Equal(Html(report, null), Html(report, fragments));
            Assert.Equal(MarkdownReportWriter.ToMarkdown(report), Markdown(report, fragments));
            Assert.Equal(CsvReportWriter.ToCsv(report), Csv(report, fragments));
            if (before is not null) passedOn += report.Clusters.Count(c => before.Clusters.Any(b => ReferenceEquals(b, c)));
            if (before is not null) documentsPassedOn += report.Documents.Count(d => before.Documents.Any(b => ReferenceEquals(b, d)));
            before = report;
        }
        // and unchanged clusters were passed on from scan to scan and copied from their kept bytes
        Assert.True(passedOn > 0, "no cluster was passed on from one scan to the next");
        Assert.True(documentsPassedOn > 0, "no document entry was passed on from one scan to the next");
        Assert.True(fragments.Reused > 0, "no cluster was copied from its kept bytes");
        Assert.True(fragments.DiffsReused > 0, $"no word diff was taken from a changed cluster's last page ({fragments.DiffsReused})");
    }

    [Fact]
    public void Should_write_a_cluster_again_when_its_members_documents_move_in_the_page()
    {
        // Given a report written once with kept fragments
        ReuseReport report = Report(["b.txt", "c.txt"]);
        var fragments = new ReportFragments();
        _ = Html(report, fragments);
        // When the same cluster object is written in a report with a document before its members
        ReuseReport moved = report with { Documents = [Document("a.txt"), .. report.Documents] };
        // Then its members name their new document indexes, as without kept fragments; the entries of b and c, which
        // name no other document and whose span keeps its cluster number, are copied; and the bytes kept are the new
        // ones (the cluster and all three document entries copied when the page is written again as it is)
        Assert.Equal(Html(moved, null), Html(moved, fragments));
        Assert.Equal(2, fragments.Reused);
        Assert.Equal(Html(moved, null), Html(moved, fragments));
        Assert.Equal(2 + 1 + moved.Documents.Count, fragments.Reused);
    }

    [Fact]
    public void Should_pass_a_document_entry_on_only_when_every_field_is_the_same()
    {
        // Given a document entry with every field set, and one made the same way (other list objects, equal items)
        Assert.True(ReportMemo.SameDocument(FullDocument(), FullDocument()));
        // When any one property differs, then the entries are not the same (a field added later must be compared too)
        foreach (System.Reflection.PropertyInfo property in typeof(ReportDocument).GetProperties())
        {
            ReportDocument other = FullDocument();
            object? value = property.GetValue(other);
            object changed = value switch
            {
                string text => text + "x",
                int number => number + 1,
                long number => number + 1,
                double number => number + 0.25,
                IReadOnlyList<ReportShare> => new List<ReportShare> { new("c.txt", "outlet-c", 9, 2) },
                IReadOnlyList<ReportCredit> => new List<ReportCredit>(),
                IReadOnlyList<string> => new List<string> { "another warning" },
                _ => throw new InvalidOperationException($"ReportDocument.{property.Name}: no change made for its type {property.PropertyType}"),
            };
            property.SetValue(other, changed);
            Assert.False(ReportMemo.SameDocument(FullDocument(), other), $"a change of {property.Name} went unseen");
        }
    }

    [Fact]
    public void Should_take_the_word_diffs_of_unchanged_members_when_a_cluster_changes()
    {
        // Given a page written with a cluster of four members, three against the origin's text
        ReuseReport first = Report(["a.txt", "b.txt", "c.txt", "d.txt"]);
        ReportCluster cluster = first.Clusters[0];
        IReadOnlyList<ReportMember> m = cluster.Members;
        var fragments = new ReportFragments();
        _ = Html(first, fragments);
        // When the cluster changes (a new object of the same id): one member's text is edited, one member is added
        ReuseReport next = first with
        {
            Documents = [.. first.Documents, Document("e.txt")],
            Clusters =
            [
                cluster with
                {
                    Documents = 5,
                    Members = [m[0], m[1], m[2] with { Text = "one five four" }, m[3] with { Credited = true }, new ReportMember("e.txt", "unknown", 0, 15, "six two four", false, null)],
                },
            ],
        };
        // Then the page is the one written without kept fragments, and only the diffs of the two members whose texts
        // the last page had (b and d; d's other fields changed) were taken: the edited one and the new one were made
        Assert.Equal(Html(next, null), Html(next, fragments));
        Assert.Equal(2, fragments.DiffsReused);
        // and when the cluster's id changes too (a join moved its first member's span), its base document's last cluster
        // gives the diffs of all four other members
        ReuseReport renamed = next with { Clusters = [next.Clusters[0] with { Id = "c0000000002", Words = 4 }] };
        Assert.Equal(Html(renamed, null), Html(renamed, fragments));
        Assert.Equal(6, fragments.DiffsReused);
        // and none is taken when the base's text changed
        ReuseReport rebased = renamed with { Clusters = [renamed.Clusters[0] with { Members = [m[0] with { Text = "zero two three" }, .. renamed.Clusters[0].Members.Skip(1)] }] };
        Assert.Equal(Html(rebased, null), Html(rebased, fragments));
        Assert.Equal(6, fragments.DiffsReused);
    }

    static ReportDocument FullDocument() => new()
    {
        Id = "a.txt", Path = "news/a.txt", Outlet = "outlet-a", Published = "2026-12-02", Title = "Title", Url = "https://a.example/1",
        Encoding = "utf-8", Length = 100, BodyStart = 5, Tokens = 20, ReusedChars = 40, ReusedFraction = 0.4, InternalRepeatChars = 3,
        BoilerplateChars = 7, SharedWithCount = 1, SharedWith = [new ReportShare("b.txt", "outlet-b", 40, 1)],
        Credits = [new ReportCredit("Reuters", "(Reuters)", 0, 9, "dateline")], Error = "an error", Warnings = ["a warning"],
    };

    static ReuseReport Report(string[] ids) => new()
    {
        Parameters = new ReportParameters(5, 128, "0", 0.8, 16, 8, 4, 8, 5, 20, 0.5, 100, 3),
        Summary = new ReportSummary(ids.Length, ids.Length, 0, 1, 1, 0, 0, 0, 200, 100, 0.5),
        Documents = [.. ids.Select(Document)],
        Clusters =
        [
            new ReportCluster
            {
                Id = "c0000000001", Kind = "passage", Documents = ids.Length, Outlets = ["unknown"], Words = 3,
                Origin = new ReportOrigin(ids[0], "unknown", "earliest", null),
                Members = [.. ids.Select(id => new ReportMember(id, "unknown", 0, 15, id == ids[0] ? "one two three" : "one two four", false, null))],
            },
        ],
        NearDuplicates = [],
    };

    static ReportDocument Document(string id) => new() { Id = id, Path = id, Length = 100 };

    static string Json(ReuseReport report, ReportFragments? fragments)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(stream, report, 2, fragments);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    static string Markdown(ReuseReport report, ReportFragments fragments)
    {
        var text = new StringWriter();
        MarkdownReportWriter.Write(text, report, fragments);
        return text.ToString();
    }

    static string Csv(ReuseReport report, ReportFragments fragments)
    {
        var text = new StringWriter();
        CsvReportWriter.Write(text, report, fragments);
        return text.ToString();
    }

    static string Html(ReuseReport report, ReportFragments? fragments)
    {
        using var stream = new MemoryStream();
        HtmlReportWriter.Write(stream, report, 2, fragments);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
