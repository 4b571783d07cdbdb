namespace ReuseDetect.Reporting;

/// <summary>
/// What each cluster took in <c>report.json</c>, <c>report.html</c>, <c>report.md</c> and <c>report.csv</c>, kept for writing the reports again: a
/// cluster object written before (the same object, which a detector with <see cref="Pipeline.ReuseDetector.KeepIndex"/>
/// keeps from one scan to the next when the cluster did not change) is copied instead of serialized, and its word diffs
/// are not made again. For a writer of successive reports of one folder (<c>reuse watch</c>); a one-off report gains
/// nothing from it. Each format keeps what the last report written in it used, so it holds about one report's clusters.
/// One report at a time per format; the formats may be written side by side.
/// </summary>
public sealed class ReportFragments
{
    /// <summary>A cluster's element of <c>report.json</c>'s <c>clusters</c> array: a line break and its indented lines.</summary>
    internal readonly Kept<ReportCluster, byte[]> Json = new();

    /// <summary>A document's element of <c>report.json</c>'s <c>documents</c> array, as <see cref="Json"/>.</summary>
    internal readonly Kept<ReportDocument, byte[]> JsonDocuments = new();

    /// <summary>A cluster's object in <c>report.html</c>'s data, valid while its members' documents keep their indexes.</summary>
    internal readonly Kept<ReportCluster, HtmlCluster> Html = new();

    /// <summary>A document's object in <c>report.html</c>'s data, valid while its spans and shared documents keep their indexes.</summary>
    internal readonly Kept<ReportDocument, HtmlDocument> HtmlDocuments = new();

    /// <summary>A cluster's section of <c>report.md</c>.</summary>
    internal readonly Kept<ReportCluster, string> Markdown = new();

    /// <summary>A document's row of <c>report.md</c>'s table of documents.</summary>
    internal readonly Kept<ReportDocument, string> MarkdownDocuments = new();

    /// <summary>A cluster's rows of <c>report.csv</c>.</summary>
    internal readonly Kept<ReportCluster, string> Csv = new();

    /// <summary>
    /// The page's bytes for a cluster, the document index of each member they name, and each member's word diff (null
    /// for the base member; empty for a member with the base's text), to write it again when only the indexes moved.
    /// </summary>
    internal sealed record HtmlCluster(int[] Documents, byte[] Bytes, byte[]?[] Diffs);

    /// <summary>The page's bytes for a document entry and the shape they were written for (HtmlReportModel.Shape).</summary>
    internal sealed record HtmlDocument(int[] Shape, byte[] Bytes);

    /// <summary>Fragments written from the kept bytes (for tests and measurements).</summary>
    public int Reused => Volatile.Read(ref _reused);

    int _reused, _diffsReused;

    internal void CountReuse() => Interlocked.Increment(ref _reused);

    /// <summary>Word diffs of <c>report.html</c> taken from the last page's cluster of the same id (for tests and measurements).</summary>
    internal int DiffsReused => Volatile.Read(ref _diffsReused);

    internal void CountDiffReuse(int count) => Interlocked.Add(ref _diffsReused, count);

    /// <summary>
    /// The clusters of the last page and what they kept, by cluster id and by the document of the member the others are
    /// shown against (its base): where a cluster that changed finds the word diffs of its members that did not
    /// (HtmlReportModel.DiffsOfLast). A cluster a document joined often keeps its id; when the join moved its first
    /// member's span, its id is new but its base, the origin, is most often the same.
    /// </summary>
    internal HtmlPage HtmlLast => Volatile.Read(ref _htmlLast);

    HtmlPage _htmlLast = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>A page's clusters with what each kept, by id and by base document (<see cref="HtmlLast"/>).</summary>
    internal sealed record HtmlPage(Dictionary<string, (ReportCluster Cluster, HtmlCluster Kept)> ById,
        Dictionary<string, List<(ReportCluster Cluster, HtmlCluster Kept)>> ByBase);

    /// <summary>Keeps the clusters of the page just written with what each kept (<see cref="HtmlLast"/>); <paramref name="baseOf"/> gives a cluster's base member.</summary>
    internal void KeepHtmlLast(IReadOnlyList<ReportCluster> clusters, HtmlCluster?[] kept, Func<ReportCluster, int> baseOf)
    {
        var byId = new Dictionary<string, (ReportCluster, HtmlCluster)>(clusters.Count, StringComparer.Ordinal);
        var byBase = new Dictionary<string, List<(ReportCluster, HtmlCluster)>>(StringComparer.Ordinal);
        for (int i = 0; i < clusters.Count; i++)
        {
            if (kept[i] is not { } k || clusters[i].Members.Count == 0) continue;
            byId.TryAdd(clusters[i].Id, (clusters[i], k));
            string baseDocument = clusters[i].Members[baseOf(clusters[i])].Id;
            if (!byBase.TryGetValue(baseDocument, out var list)) byBase[baseDocument] = list = [];
            list.Add((clusters[i], k));
        }
        Volatile.Write(ref _htmlLast, new HtmlPage(byId, byBase));
    }

    /// <summary>
    /// What one format kept of each cluster or document entry object (by reference) of the last report written in it. A writer reads it
    /// (from any thread) while it writes a report, and then <see cref="Keep"/>s what that report used: clusters of older
    /// reports are let go then. A weak table keyed by the cluster objects did the same through the collector, but its
    /// dependent handles, one for every cluster, were scanned at every collection of the watch worker (with the store's
    /// conversions, 10 % of its CPU, perf, 2026-12-02).
    /// </summary>
    internal sealed class Kept<TKey, T> where TKey : class where T : class
    {
        Dictionary<TKey, T> _last = new(ReferenceEqualityComparer.Instance);

        /// <summary>What the last report kept for <paramref name="item"/> (a cluster or a document entry).</summary>
        public bool TryGetValue(TKey item, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value) =>
            Volatile.Read(ref _last).TryGetValue(item, out value);

        /// <summary>Keeps <paramref name="values"/> (null: nothing) of <paramref name="items"/>, the report just written, in place of the last's.</summary>
        public void Keep(IReadOnlyList<TKey> items, T?[] values)
        {
            var next = new Dictionary<TKey, T>(values.Count(v => v is not null), ReferenceEqualityComparer.Instance);
            for (int i = 0; i < items.Count; i++)
                if (values[i] is { } value) next[items[i]] = value;
            Volatile.Write(ref _last, next);
        }
    }
}
