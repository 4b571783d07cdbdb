using System.Buffers;
using System.Text.Json;

namespace ReuseDetect.Reporting;

/// <summary>
/// The data <c>report.html</c> embeds: a compact JSON view of the report. Documents and members refer to one another
/// by index; each cluster names a base member (the origin's copy when the origin is in the corpus, else the first) whose
/// text is stored once, and every other member stores a word diff against it (<c>[kind, text]</c> pairs, kind 0 kept,
/// 1 added, -1 dropped), or <c>same: true</c> when identical. Every string from the input is display-safe
/// (<see cref="DisplayText"/>): names carry no control or bidi character, so none can reorder the text beside it.
/// </summary>
static class HtmlReportModel
{
    /// <summary>Span kinds in a document's <c>spans</c>: <c>[start, end, cluster index, kind]</c>.</summary>
    const int SpanPassage = 0, SpanInternal = 1, SpanBoilerplate = 2;

    /// <summary>Documents or clusters written at once (in parallel, each to its buffer) before they are copied out: bounds the memory held.</summary>
    const int Batch = 256;

    /// <summary>
    /// Writes the model as one JSON object straight to the writer (no node tree): only a batch of clusters is held at
    /// once, as the bytes of their objects.
    /// </summary>
    public static void Write(Utf8JsonWriter w, ReuseReport report, JsonSerializerOptions options, int parallelism = -1, ReportFragments? fragments = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var docIndex = new Dictionary<string, int>(report.Documents.Count, StringComparer.Ordinal);
        for (int i = 0; i < report.Documents.Count; i++) docIndex[report.Documents[i].Id] = i;
        var spans = new List<(int Start, int End, int Cluster, int Kind)>?[report.Documents.Count];
        for (int ci = 0; ci < report.Clusters.Count; ci++)
        {
            ReportCluster c = report.Clusters[ci];
            int kind = c.Boilerplate ? SpanBoilerplate : c.Kind == "internal" ? SpanInternal : SpanPassage;
            foreach (ReportMember m in c.Members)
                if (docIndex.TryGetValue(m.Id, out int d)) (spans[d] ??= []).Add((m.Start, m.End, ci, kind));
        }

        ReportSummary s = report.Summary;
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", report.SchemaVersion);
        w.WriteStartObject("summary");
        w.WriteNumber("documents", s.Documents);
        w.WriteNumber("skipped", s.Skipped);
        w.WriteNumber("ignored", s.Ignored);
        w.WriteNumber("clusters", s.Clusters);
        w.WriteNumber("passageClusters", s.PassageClusters);
        w.WriteNumber("internalClusters", s.InternalClusters);
        w.WriteNumber("boilerplateClusters", s.BoilerplateClusters);
        w.WriteNumber("nearDuplicatePairs", s.NearDuplicatePairs);
        w.WriteNumber("totalChars", s.TotalChars);
        w.WriteNumber("reusedChars", s.ReusedChars);
        w.WriteNumber("reusedFraction", s.ReusedFraction);
        w.WriteNumber("outlets", report.Documents.Where(d => d.Error is null).Select(d => d.Outlet ?? ReuseGraph.UnknownOutlet).Distinct(StringComparer.Ordinal).Count());
        w.WriteEndObject();
        w.WriteStartObject("parameters");
        w.WriteNumber("shingle", report.Parameters.Shingle);
        w.WriteNumber("permutations", report.Parameters.Permutations);
        w.WriteNumber("threshold", report.Parameters.NearDuplicateThreshold);
        w.WriteNumber("minWords", report.Parameters.MinWords);
        w.WriteEndObject();

        // Each document's object and each cluster's (whose word diffs are most of the page's cost) is written on its own:
        // a batch at a time in parallel, each into its own buffer with the page's writer options, then copied in order,
        // so the bytes do not depend on the number of threads.
        var batches = new Batches(parallelism, new JsonWriterOptions { Encoder = options.Encoder, Indented = false, SkipValidation = true });
        w.WriteStartArray("documents");
        if (fragments is null)
        {
            batches.Write(w, report.Documents.Count, (dw, i) =>
            {
                SortSpans(spans[i]);
                Document(dw, report.Documents[i], spans[i], docIndex);
                spans[i] = null;
            });
        }
        else
        {
            // A document entry written before (the same object: its fields unchanged) whose spans and shared documents
            // keep their cluster and document indexes is copied from its kept bytes; the others are written and kept.
            var shapes = new int[]?[report.Documents.Count];
            var keep = new ReportFragments.HtmlDocument?[report.Documents.Count];
            batches.Write(w, report.Documents.Count, (dw, i) =>
            {
                ReportDocument d = report.Documents[i];
                SortSpans(spans[i]);
                int[] shape = Shape(d, spans[i], docIndex);
                if (fragments.HtmlDocuments.TryGetValue(d, out ReportFragments.HtmlDocument? kept) && kept.Shape.AsSpan().SequenceEqual(shape))
                {
                    dw.WriteRawValue(kept.Bytes, skipInputValidation: true);
                    keep[i] = kept;
                    fragments.CountReuse();
                }
                else
                {
                    Document(dw, d, spans[i], docIndex);
                    shapes[i] = shape;
                }
                spans[i] = null;
            }, (i, bytes) =>
            {
                if (shapes[i] is { } shape) keep[i] = new ReportFragments.HtmlDocument(shape, bytes.ToArray());
            });
            fragments.HtmlDocuments.Keep(report.Documents, keep);
        }
        w.WriteEndArray();

        w.WriteStartArray("clusters");
        if (fragments is null) batches.Write(w, report.Clusters.Count, (cw, i) => Cluster(cw, report.Clusters[i], docIndex));
        else
        {
            // A cluster written before, whose members' documents keep their indexes, is copied; the others are kept.
            // When only their indexes moved (a document added or removed before them), it is written again from its kept
            // word diffs.
            var made = new (int[] Documents, byte[]?[] Diffs)?[report.Clusters.Count];
            var keep = new ReportFragments.HtmlCluster?[report.Clusters.Count];
            batches.Write(w, report.Clusters.Count, (cw, i) =>
            {
                ReportCluster c = report.Clusters[i];
                int[] documents = Documents(c, docIndex);
                fragments.Html.TryGetValue(c, out ReportFragments.HtmlCluster? kept);
                if (kept is not null && kept.Documents.AsSpan().SequenceEqual(documents))
                {
                    cw.WriteRawValue(kept.Bytes, skipInputValidation: true);
                    keep[i] = kept;
                    fragments.CountReuse();
                    return;
                }
                byte[]?[] diffs = kept?.Diffs ?? DiffsOfLast(c, fragments);
                Cluster(cw, c, docIndex, diffs);
                made[i] = (documents, diffs);
            }, (i, bytes) =>
            {
                if (made[i] is var (documents, diffs)) keep[i] = new ReportFragments.HtmlCluster(documents, bytes.ToArray(), diffs);
            });
            fragments.Html.Keep(report.Clusters, keep);
            fragments.KeepHtmlLast(report.Clusters, keep, BaseIndex);
        }
        w.WriteEndArray();

        w.WriteStartArray("nearDuplicates");
        foreach (ReportNearDuplicate n in report.NearDuplicates)
        {
            w.WriteStartObject();
            w.WriteStartArray("ids");
            foreach (string id in n.Ids) w.WriteStringValue(Name(id));
            w.WriteEndArray();
            w.WriteNumber("jaccard", n.Jaccard);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        ReuseGraph graph = ReuseGraph.From(report);
        w.WriteStartObject("graph");
        w.WriteString("nodeKind", graph.NodeKind);
        w.WriteStartArray("nodes");
        foreach (ReuseGraphNode n in graph.Nodes)
        {
            w.WriteStartObject();
            w.WriteString("id", Name(n.Id));
            w.WriteString("kind", n.Kind);
            w.WriteNumber("documents", n.Documents);
            w.WriteNumber("reusedChars", n.ReusedChars);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("edges");
        foreach (ReuseGraphEdge e in graph.Edges)
        {
            w.WriteStartArray();
            w.WriteStringValue(Name(e.Source));
            w.WriteStringValue(Name(e.Target));
            w.WriteNumberValue(e.Chars);
            w.WriteNumberValue(e.Clusters);
            w.WriteBooleanValue(e.Directed);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A document's spans in the page's order: start, then end; equal spans keep the cluster order they were added in.</summary>
    static void SortSpans(List<(int Start, int End, int Cluster, int Kind)>? spans) =>
        spans?.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End != y.End ? x.End.CompareTo(y.End) : x.Cluster.CompareTo(y.Cluster));

    /// <summary>
    /// What a document's object takes besides the entry's own fields: its spans (sorted), with their cluster numbers, and
    /// the document numbers of those it shares most with. Equal shapes of one entry give equal bytes.
    /// </summary>
    static int[] Shape(ReportDocument d, List<(int Start, int End, int Cluster, int Kind)>? spans, Dictionary<string, int> docIndex)
    {
        int shown = Math.Min(ReportShare.Shown, d.SharedWith.Count), count = spans?.Count ?? 0;
        var shape = new int[1 + shown + 4 * count];
        shape[0] = shown;
        for (int k = 0; k < shown; k++) shape[1 + k] = docIndex.GetValueOrDefault(d.SharedWith[k].Id, -1);
        for (int k = 0, at = 1 + shown; k < count; k++, at += 4)
            (shape[at], shape[at + 1], shape[at + 2], shape[at + 3]) = spans![k];
        return shape;
    }

    /// <summary>
    /// One document's object: its figures, the documents it shares most with, and its spans (<paramref name="spans"/>,
    /// already sorted by <see cref="SortSpans"/>).
    /// </summary>
    static void Document(Utf8JsonWriter w, ReportDocument d, List<(int Start, int End, int Cluster, int Kind)>? spans, Dictionary<string, int> docIndex)
    {
        w.WriteStartObject();
        w.WriteString("id", Name(d.Id));
        w.WriteString("outlet", NameOrNull(d.Outlet));
        w.WriteString("published", NameOrNull(d.Published));
        w.WriteString("title", NameOrNull(d.Title));
        w.WriteString("url", NameOrNull(d.Url));
        w.WriteNumber("length", d.Length);
        w.WriteNumber("bodyStart", d.BodyStart);
        w.WriteNumber("reusedChars", d.ReusedChars);
        w.WriteNumber("reusedFraction", d.ReusedFraction);
        w.WriteNumber("internalChars", d.InternalRepeatChars);
        w.WriteNumber("boilerplateChars", d.BoilerplateChars);
        w.WriteString("error", NameOrNull(d.Error));
        w.WriteNumber("sharedCount", d.SharedWithCount);
        w.WriteStartArray("shared");
        // The page names the documents a document shares most with (report.json lists the ten sharing most): five in
        // its card, with how many more there are, three in the documents table (d.shared.slice in HtmlReportAssets).
        for (int k = 0; k < Math.Min(ReportShare.Shown, d.SharedWith.Count); k++)
        {
            ReportShare x = d.SharedWith[k];
            w.WriteStartArray();
            w.WriteNumberValue(docIndex.GetValueOrDefault(x.Id, -1));
            w.WriteNumberValue(x.Chars);
            w.WriteNumberValue(x.Clusters);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("spans");
        if (spans is not null)
        {
            foreach (var (start, end, cluster, kind) in spans)
            {
                w.WriteStartArray();
                w.WriteNumberValue(start);
                w.WriteNumberValue(end);
                w.WriteNumberValue(cluster);
                w.WriteNumberValue(kind);
                w.WriteEndArray();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the items of an array a batch at a time (<see cref="Batch"/>): each item in parallel into its own buffer
    /// (kept for the next batch), then the buffers copied into the page in order. Bounds the memory held to a batch.
    /// </summary>
    sealed class Batches(int parallelism, JsonWriterOptions writerOptions)
    {
        readonly ArrayBufferWriter<byte>?[] _buffers = new ArrayBufferWriter<byte>?[Batch];
        // One writer per buffer, reset for each item: a page has an item per document and per cluster (Reuters-21578:
        // 22,000), and a writer each came to 15 MB of a watch rescan's allocations.
        readonly Utf8JsonWriter?[] _writers = new Utf8JsonWriter?[Batch];
        readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = parallelism };

        /// <summary>Writes items 0 to <paramref name="count"/> - 1; <paramref name="written"/>, when given, sees each item's bytes.</summary>
        public void Write(Utf8JsonWriter w, int count, Action<Utf8JsonWriter, int> item, Action<int, ReadOnlySpan<byte>>? written = null)
        {
            for (int from = 0; from < count; from += Batch)
            {
                int n = Math.Min(Batch, count - from);
                Parallel.For(0, n, _parallel, i =>
                {
                    ArrayBufferWriter<byte> buffer = _buffers[i] ??= new ArrayBufferWriter<byte>(4096);
                    buffer.ResetWrittenCount();
                    Utf8JsonWriter iw = _writers[i] ??= new Utf8JsonWriter(buffer, writerOptions);
                    iw.Reset(buffer);
                    item(iw, from + i);
                    iw.Flush();
                    written?.Invoke(from + i, buffer.WrittenSpan);
                });
                for (int i = 0; i < n; i++) w.WriteRawValue(_buffers[i]!.WrittenSpan, skipInputValidation: true);
            }
        }
    }

    /// <summary>The member whose text the others are shown against: the origin's (its first member), else the first.</summary>
    static int BaseIndex(ReportCluster c)
    {
        if (c.Origin.Id is { } originId)
            for (int i = 0; i < c.Members.Count; i++)
                if (c.Members[i].Id == originId) return i;
        return 0;
    }

    /// <summary>
    /// The word diffs a new cluster object can take from the last page (one per member; null where there is none): from
    /// its cluster of the same id, else from one with the same base document. A member's diff depends on its text and
    /// its base's alone, so when the base's text is the same, each member whose text the last cluster had takes its
    /// diff: a repost added to a story of 240 copies costs one diff, not 239 (the cluster changed, so its bytes were not
    /// copied whole).
    /// </summary>
    static byte[]?[] DiffsOfLast(ReportCluster c, ReportFragments fragments)
    {
        var diffs = new byte[]?[c.Members.Count];
        if (c.Members.Count == 0) return diffs;
        var (byId, byBase) = fragments.HtmlLast;
        ReportMember baseMember = c.Members[BaseIndex(c)];
        string baseText = DisplayText.Text(baseMember.Text);
        bool SameBase((ReportCluster Cluster, ReportFragments.HtmlCluster Kept) last) =>
            DisplayText.Text(last.Cluster.Members[BaseIndex(last.Cluster)].Text) == baseText;
        (ReportCluster Cluster, ReportFragments.HtmlCluster Kept)? found = null;
        if (byId.TryGetValue(c.Id, out var sameId) && SameBase(sameId)) found = sameId;
        else if (byBase.TryGetValue(baseMember.Id, out var sameBase))
            foreach (var candidate in sameBase)
                if (SameBase(candidate))
                {
                    found = candidate;
                    break;
                }
        if (found is not { } last) return diffs;
        int lastBase = BaseIndex(last.Cluster);
        var byText = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (int i = 0; i < last.Cluster.Members.Count; i++)
            if (i != lastBase && last.Kept.Diffs[i] is { } diff) byText.TryAdd(last.Cluster.Members[i].Text, diff);
        int taken = 0;
        for (int i = 0; i < diffs.Length; i++)
            if (byText.TryGetValue(c.Members[i].Text, out byte[]? diff))
            {
                diffs[i] = diff;
                taken++;
            }
        fragments.CountDiffReuse(taken);
        return diffs;
    }

    /// <summary>
    /// One cluster's object: its base member's text once, every other member as a word diff against it. With
    /// <paramref name="diffs"/> (one per member), a member's diff found there is copied instead of made (empty: the same
    /// text as the base), and a diff made is put there.
    /// </summary>
    static void Cluster(Utf8JsonWriter w, ReportCluster c, Dictionary<string, int> docIndex, byte[]?[]? diffs = null)
    {
        int baseIndex = BaseIndex(c);
        string baseText = c.Members.Count > 0 ? DisplayText.Text(c.Members[baseIndex].Text) : "";
        w.WriteStartObject();
        w.WriteString("id", Name(c.Id));
        w.WriteString("kind", c.Kind);
        w.WriteBoolean("boilerplate", c.Boilerplate);
        w.WriteNumber("words", c.Words);
        w.WriteNumber("documents", c.Documents);
        w.WriteStartArray("outlets");
        foreach (string outlet in c.Outlets) w.WriteStringValue(Name(outlet));
        w.WriteEndArray();
        w.WriteNumber("minIdentity", c.MinIdentity);
        w.WriteStartObject("origin");
        w.WriteString("id", NameOrNull(c.Origin.Id));
        w.WriteString("outlet", NameOrNull(c.Origin.Outlet));
        w.WriteString("basis", c.Origin.Basis);
        w.WriteString("evidence", NameOrNull(c.Origin.Evidence));
        w.WriteEndObject();
        if (c.Source is { } source)
        {
            w.WriteStartObject("source");
            w.WriteString("name", Name(source.Name));
            w.WriteString("evidence", NameOrNull(source.Evidence));
            w.WriteEndObject();
        }
        else w.WriteNull("source");
        w.WriteNumber("base", baseIndex);
        w.WriteString("text", baseText);
        w.WriteStartArray("members");
        WordDiff.Origin? origin = null;
        for (int i = 0; i < c.Members.Count; i++)
        {
            ReportMember m = c.Members[i];
            w.WriteStartObject();
            w.WriteNumber("doc", docIndex.GetValueOrDefault(m.Id, -1));
            w.WriteString("outlet", Name(m.Outlet));
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WritePropertyName("credited");
            if (m.Credited is bool credited) w.WriteBooleanValue(credited);
            else w.WriteNullValue();
            w.WriteString("credit", NameOrNull(m.Credit));
            if (i != baseIndex)
            {
                if (diffs?[i] is { } kept)
                {
                    if (kept.Length == 0) w.WriteBoolean("same", true);
                    else
                    {
                        w.WritePropertyName("diff");
                        w.WriteRawValue(kept, skipInputValidation: true);
                    }
                }
                else
                {
                    string text = DisplayText.Text(m.Text);
                    IReadOnlyList<DiffOp> ops = (origin ??= new WordDiff.Origin(baseText)).DiffTo(text);
                    if (WordDiff.IsIdentical(ops) && text == baseText)
                    {
                        w.WriteBoolean("same", true);
                        if (diffs is not null) diffs[i] = [];
                    }
                    else if (diffs is null)
                    {
                        w.WritePropertyName("diff");
                        Diff(w, ops);
                    }
                    else
                    {
                        // Written on its own with the page's options (the same bytes as in place), kept, then copied in.
                        var buffer = new ArrayBufferWriter<byte>(256);
                        using (var dw = new Utf8JsonWriter(buffer, w.Options)) Diff(dw, ops);
                        diffs[i] = buffer.WrittenSpan.ToArray();
                        w.WritePropertyName("diff");
                        w.WriteRawValue(diffs[i]!, skipInputValidation: true);
                    }
                }
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A member's word diff: <c>[kind, text]</c> pairs.</summary>
    static void Diff(Utf8JsonWriter w, IReadOnlyList<DiffOp> ops)
    {
        w.WriteStartArray();
        foreach (DiffOp op in ops)
        {
            w.WriteStartArray();
            w.WriteNumberValue((int)op.Kind);
            w.WriteStringValue(op.Text);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <summary>The document index each member of <paramref name="c"/> names in the page.</summary>
    static int[] Documents(ReportCluster c, Dictionary<string, int> docIndex)
    {
        var docs = new int[c.Members.Count];
        for (int i = 0; i < docs.Length; i++) docs[i] = docIndex.GetValueOrDefault(c.Members[i].Id, -1);
        return docs;
    }

    static string Name(string? s) => DisplayText.Name(s);

    static string? NameOrNull(string? s) => s is null ? null : DisplayText.Name(s);
}
