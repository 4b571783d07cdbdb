using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using ReuseDetect.Attribution;
using ReuseDetect.Clustering;
using ReuseDetect.Ingestion;
using ReuseDetect.Internal;

namespace ReuseDetect.Reporting;

/// <summary>
/// Builds the <see cref="ReuseReport"/> from the pipeline's results. Pure: same inputs, same report, whatever the
/// parallelism (the span text function is called from several threads).
/// </summary>
static class ReportBuilder
{
    public static ReuseReport Build(
        ReportParameters parameters,
        IReadOnlyList<ReportInputDocument> inputs,
        IReadOnlyList<AttributionDocument> attributionDocs,
        IReadOnlyList<AttributedCluster> clusters,
        IReadOnlyList<NearDuplicatePair> nearDuplicates,
        IReadOnlyList<IngestError> errors,
        Func<int, int, int, string> spanText,
        IReadOnlyList<string>? paths = null,
        IReadOnlyList<IgnoredFile>? ignored = null,
        int parallelism = 1,
        ReportMemo? memo = null)
    {
        // Each cluster's members are quoted and counted on their own, and each document's figures and sharing on their
        // own (in parallel when allowed); the spans are gathered in cluster order between the two.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var built = new ReportCluster[clusters.Count];
        var clusterDocs = new int[]?[clusters.Count];
        // One id per cluster: each from its anchor member, and from all its members where two share an anchor.
        string[] ids = ClusterIds(clusters.Count, ci => Member(clusters[ci].Cluster.Members[0]),
            ci => new ClusterKey(clusters[ci].Kind, clusters[ci].Boilerplate, [.. clusters[ci].Cluster.Members.Select(Member)]));
        (string, int, int) Member(ClusterMember m) => (inputs[m.Document].Id, m.Start, m.End);
        Parallel.For(0, clusters.Count, parallel, ci =>
        {
            AttributedCluster ac = clusters[ci];
            built[ci] = ToReportCluster(ac, ids[ci], inputs, spanText, memo);
            if (ac.Boilerplate || ac.Kind == "internal") return;
            // The cluster's documents, once per cluster (not once per member).
            var docs = new int[ac.Cluster.Members.Count];
            for (int i = 0; i < docs.Length; i++) docs[i] = ac.Cluster.Members[i].Document;
            clusterDocs[ci] = SortedSets.SortDistinct(docs);
        });
        var reused = new List<(int Start, int End)>[inputs.Count];
        var internalSpans = new List<(int Start, int End)>[inputs.Count];
        var boilerplate = new List<(int Start, int End)>[inputs.Count];
        // Each document's spans in clusters it shares with other documents, in cluster order.
        var sharedSpans = new List<(int Cluster, int Start, int End)>?[inputs.Count];
        var reportClusters = new List<(ReportCluster Cluster, long Chars)>(clusters.Count);
        for (int ci = 0; ci < clusters.Count; ci++)
        {
            AttributedCluster ac = clusters[ci];
            IReadOnlyList<ClusterMember> members = ac.Cluster.Members;
            foreach (ClusterMember m in members)
            {
                var target = ac.Boilerplate ? boilerplate : ac.Kind == "internal" ? internalSpans : reused;
                (target[m.Document] ??= []).Add((m.Start, m.End));
                if (clusterDocs[ci] is not null) (sharedSpans[m.Document] ??= []).Add((ci, m.Start, m.End));
            }
            reportClusters.Add((built[ci], members.Sum(m => (long)m.Length)));
        }

        var perDocument = new ReportDocument[inputs.Count];
        Parallel.For(0, inputs.Count, parallel, d =>
        {
            ReportInputDocument doc = inputs[d];
            // Boilerplate is excluded from reuse figures, also where an aligned passage runs across it.
            long reusedChars = UnionLength(reused[d], boilerplate[d]);
            var shares = SharedWith(d, sharedSpans[d], clusterDocs, inputs, boilerplate[d]);
            int bodyLength = Math.Max(1, doc.BodyEnd - doc.BodyStart);
            perDocument[d] = new ReportDocument
            {
                Id = doc.Id, Path = paths?[d] ?? doc.Id, Outlet = doc.Metadata.Outlet, Published = FormatDate(doc.Metadata.Published),
                Title = doc.Metadata.Title, Url = doc.Metadata.Url, Encoding = doc.Encoding, Length = doc.Length, BodyStart = doc.BodyStart,
                Tokens = doc.Tokens, ReusedChars = reusedChars, ReusedFraction = Math.Round((double)reusedChars / bodyLength, 4),
                InternalRepeatChars = UnionLength(internalSpans[d]), BoilerplateChars = UnionLength(boilerplate[d]),
                SharedWithCount = shares.Count, SharedWith = shares.Listed,
                Credits = Credits(attributionDocs[d].Credits),
                Warnings = doc.Warnings ?? [],
            };
        });
        var documents = new List<ReportDocument>(inputs.Count + errors.Count);
        documents.AddRange(perDocument);
        // A document read and signed but not aligned later (changed or gone during the scan) keeps its one entry, with the reason.
        if (errors.Count > 0)
        {
            var signedAt = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int d = 0; d < documents.Count; d++) signedAt.TryAdd(documents[d].Id, d);
            foreach (IngestError e in errors)
            {
                if (signedAt.TryGetValue(e.Id, out int at)) documents[at] = documents[at] with { Error = e.Reason };
                else documents.Add(new ReportDocument { Id = e.Id, Path = e.Id, Error = e.Reason });
            }
        }
        // Documents come in file order, which is id order for a folder: sorted only when they are not already.
        if (!InIdOrder(documents)) documents.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        // An entry equal in everything to the last scan's is that object, so the writers copy what they wrote of it.
        memo?.KeepDocuments(documents);

        // Cross-document reuse first, uncredited reposts before credited ones, biggest first; then internal repeats; boilerplate last.
        var ordered = reportClusters
            .OrderBy(c => c.Cluster.Boilerplate ? 2 : c.Cluster.Kind == "internal" ? 1 : 0)
            .ThenBy(c => c.Cluster.Uncredited > 0 ? 0 : 1)
            .ThenByDescending(c => c.Cluster.Documents).ThenByDescending(c => c.Chars).ThenBy(c => c.Cluster.Id, StringComparer.Ordinal)
            .Select(c => c.Cluster).ToList();

        memo?.KeepClusters(ordered);
        long totalChars = inputs.Sum(i => (long)(i.BodyEnd - i.BodyStart));
        long totalReused = documents.Sum(d => d.ReusedChars);
        return new ReuseReport
        {
            Parameters = parameters,
            Summary = new ReportSummary(CountFiles(inputs, paths, errors), inputs.Count, errors.Count,
                ordered.Count, ordered.Count(c => c.Kind == "passage" && !c.Boilerplate), ordered.Count(c => c.Kind == "internal"),
                ordered.Count(c => c.Boilerplate), nearDuplicates.Count, totalChars, totalReused,
                totalChars == 0 ? 0 : Math.Round((double)totalReused / totalChars, 4), ignored?.Count ?? 0),
            Documents = documents,
            Ignored = [.. (ignored ?? []).Select(i => new ReportIgnoredFile(i.Id, i.Reason))],
            Clusters = ordered,
            NearDuplicates = [.. nearDuplicates.Select(n => new ReportNearDuplicate([inputs[n.A].Id, inputs[n.B].Id],
                Math.Round(n.Jaccard, 4), Math.Round(n.Estimate, 4), n.SimHashDistance))],
        };
    }

    /// <summary>A document's credit lines as the report lists them (none: the one empty list).</summary>
    static IReadOnlyList<ReportCredit> Credits(IReadOnlyList<CreditLine> credits)
    {
        if (credits.Count == 0) return [];
        var listed = new ReportCredit[credits.Count];
        for (int i = 0; i < listed.Length; i++)
        {
            CreditLine c = credits[i];
            listed[i] = new ReportCredit(c.Outlet, c.Evidence, c.Start, c.End, c.Kind);
        }
        return listed;
    }

    /// <summary>Whether <paramref name="documents"/> are in ascending ordinal order of their ids.</summary>
    static bool InIdOrder(List<ReportDocument> documents)
    {
        for (int i = 1; i < documents.Count; i++)
            if (string.CompareOrdinal(documents[i - 1].Id, documents[i].Id) > 0) return false;
        return true;
    }

    /// <summary>
    /// The documents <paramref name="d"/> shares passages with: how many, and the <see cref="ReportShare.Listed"/> sharing
    /// the most, most characters first (ties by id). For each other document: the union of <paramref name="d"/>'s spans
    /// in the clusters both are in (boilerplate left out) and how many such clusters. Made from one pooled array of
    /// (other document, cluster, span) sorted once, not a list per other document: a document in a cluster of n copies
    /// shares with n - 1 others (Reuters-21578 has clusters of 240).
    /// </summary>
    static (int Count, List<ReportShare> Listed) SharedWith(int d, List<(int Cluster, int Start, int End)>? spans, int[]?[] clusterDocs,
        IReadOnlyList<ReportInputDocument> inputs, List<(int Start, int End)>? boilerplate)
    {
        if (spans is null) return (0, []);
        int most = 0;
        foreach (var (ci, _, _) in spans) most += clusterDocs[ci]!.Length;
        var shared = ArrayPool<(int Other, int Cluster, int Start, int End)>.Shared.Rent(most);
        var merged = ArrayPool<(int Start, int End)>.Shared.Rent(most);
        // One entry per other document (at most one per shared span), pooled too: a document in a large cluster shares
        // with hundreds of others, and a list grown for each was most of a watch rescan's report-model allocations.
        var others = ArrayPool<(long Chars, int Other, int Clusters)>.Shared.Rent(most);
        try
        {
            int n = 0;
            foreach (var (ci, start, end) in spans)
                foreach (int other in clusterDocs[ci]!)
                    if (other != d) shared[n++] = (other, ci, start, end);
            Span<(int Other, int Cluster, int Start, int End)> all = shared.AsSpan(0, n);
            all.Sort();
            // The boilerplate's spans, disjoint and in order, to leave out of every share.
            (int Start, int End)[] excluded = Disjoint(boilerplate);
            int count = 0;
            for (int from = 0; from < n;)
            {
                int other = all[from].Other, to = from, clusters = 0, last = -1;
                for (; to < n && all[to].Other == other; to++)
                {
                    if (all[to].Cluster != last) (last, clusters) = (all[to].Cluster, clusters + 1);
                    merged[to - from] = (all[to].Start, all[to].End);
                }
                Span<(int Start, int End)> group = merged.AsSpan(0, to - from);
                group.Sort();
                others[count++] = (LengthOutside(group, excluded), other, clusters);
                from = to;
            }
            Span<(long Chars, int Other, int Clusters)> list = others.AsSpan(0, count);
            list.Sort((x, y) => x.Chars != y.Chars ? y.Chars.CompareTo(x.Chars) : string.CompareOrdinal(inputs[x.Other].Id, inputs[y.Other].Id));
            var listed = new List<ReportShare>(Math.Min(ReportShare.Listed, count));
            for (int k = 0; k < listed.Capacity; k++)
            {
                var (chars, other, clusters) = list[k];
                listed.Add(new ReportShare(inputs[other].Id, inputs[other].Metadata.Outlet, chars, clusters));
            }
            return (count, listed);
        }
        finally
        {
            ArrayPool<(int, int, int, int)>.Shared.Return(shared);
            ArrayPool<(int, int)>.Shared.Return(merged);
            ArrayPool<(long, int, int)>.Shared.Return(others);
        }
    }

    /// <summary>
    /// Characters covered by <paramref name="spans"/> (sorted by start) and not by <paramref name="excluded"/> (disjoint,
    /// in order): the length of the union of <paramref name="spans"/> less what the excluded spans cover of it, without
    /// building either union.
    /// </summary>
    internal static long LengthOutside(ReadOnlySpan<(int Start, int End)> spans, ReadOnlySpan<(int Start, int End)> excluded)
    {
        long total = 0;
        int end = int.MinValue, x = 0;
        foreach (var (s, e) in spans)
        {
            // The part of [s, e) not counted yet (its start only moves right), less what the excluded spans cover of it.
            int from = Math.Max(s, end);
            if (e > from)
            {
                total += e - from;
                while (x < excluded.Length && excluded[x].End <= from) x++;
                for (int i = x; i < excluded.Length && excluded[i].Start < e; i++)
                    total -= Math.Max(0, Math.Min(excluded[i].End, e) - Math.Max(excluded[i].Start, from));
            }
            end = Math.Max(end, e);
        }
        return total;
    }

    /// <summary>The union of <paramref name="spans"/> as disjoint spans in order (empty for none).</summary>
    internal static (int Start, int End)[] Disjoint(List<(int Start, int End)>? spans)
    {
        if (spans is null || spans.Count == 0) return [];
        spans.Sort();
        var union = new List<(int Start, int End)>(spans.Count);
        foreach (var (s, e) in spans)
        {
            if (e <= s) continue;
            if (union.Count > 0 && s <= union[^1].End) union[^1] = (union[^1].Start, Math.Max(union[^1].End, e));
            else union.Add((s, e));
        }
        return [.. union];
    }

    /// <summary>
    /// The report's view of one cluster. With a <paramref name="memo"/>, the last scan's object for the same cluster when
    /// it equals the one built here (then its words are not counted again, and the writers' bytes for it are reused).
    /// </summary>
    static ReportCluster ToReportCluster(AttributedCluster ac, string id, IReadOnlyList<ReportInputDocument> inputs, Func<int, int, int, string> spanText,
        ReportMemo? memo)
    {
        IReadOnlyList<ClusterMember> members = ac.Cluster.Members;
        var members2 = new List<ReportMember>(members.Count);
        for (int i = 0; i < members.Count; i++)
        {
            ClusterMember m = members[i];
            members2.Add(new ReportMember(inputs[m.Document].Id, inputs[m.Document].Metadata.Outlet, m.Start, m.End, spanText(m.Document, m.Start, m.End),
                ac.Credits[i].Credited, ac.Credits[i].Evidence));
        }
        Origin o = ac.Origin;
        ReportCluster built = new()
        {
            Id = id,
            Kind = ac.Kind,
            Boilerplate = ac.Boilerplate,
            Documents = members.Select(m => m.Document).Distinct().Count(),
            Outlets = [.. members.Select(m => inputs[m.Document].Metadata.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            MinIdentity = Math.Round(ac.Cluster.MinIdentity, 4),
            Uncredited = ac.Credits.Count(c => c.Credited == false),
            Origin = new ReportOrigin(o.Document is int od ? inputs[od].Id : null, o.Outlet, o.Basis, o.Evidence),
            Source = ac.Source is { } s ? new ReportSource(s.Name, s.Evidence) : null,
            Members = members2,
            Alignments = Alignments(ac.Cluster),
        };
        if (memo?.Cluster(built.Id) is { } kept && ReportMemo.SameButWords(kept, built)) return kept;
        int words = 0;
        foreach (ReportMember m in members2) words = Math.Max(words, CountWords(m.Text));
        return built with { Words = words };
    }

    /// <summary>The cluster's links as pairs of member indexes (the member of each span's document that contains it), in content order.</summary>
    static List<ReportAlignment> Alignments(SpanCluster cluster)
    {
        IReadOnlyList<ClusterMember> members = cluster.Members;
        int MemberOf(int doc, int start, int end)
        {
            for (int i = 0; i < members.Count; i++)
                if (members[i].Document == doc && members[i].Start <= start && members[i].End >= end) return i;
            throw new InvalidOperationException($"No member of document {doc} holds [{start}, {end}).");
        }
        var result = new List<ReportAlignment>(cluster.Links.Count);
        foreach (PassageLink l in cluster.Links)
        {
            int a = MemberOf(l.DocA, l.AStart, l.AEnd), b = MemberOf(l.DocB, l.BStart, l.BEnd);
            result.Add(a <= b ? new ReportAlignment(a, l.AStart, l.AEnd, b, l.BStart, l.BEnd, Math.Round(l.Identity, 4))
                : new ReportAlignment(b, l.BStart, l.BEnd, a, l.AStart, l.AEnd, Math.Round(l.Identity, 4)));
        }
        result.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B != y.B ? x.B.CompareTo(y.B) : x.AStart != y.AStart ? x.AStart.CompareTo(y.AStart) : x.BStart.CompareTo(y.BStart));
        return result;
    }

    /// <summary>
    /// A cluster id from its anchor member (first document in id order, first span): stable across runs and
    /// across added documents that do not precede the anchor or change its span.
    /// </summary>
    internal static string ClusterId(string anchorId, int start, int end) =>
        Hashed(string.Create(CultureInfo.InvariantCulture, $"{anchorId}\n{start}\n{end}"));

    static string Hashed(string key) => "c" + (XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key)) & 0xFFFF_FFFFFF).ToString("x10", CultureInfo.InvariantCulture);

    /// <summary>What a cluster's id is made from: its kind and its members (document id and span), the anchor first.</summary>
    internal readonly record struct ClusterKey(string Kind, bool Boilerplate, (string Document, int Start, int End)[] Members);

    /// <summary>
    /// The id of each cluster, every one different. A cluster's id comes from its anchor member (<see cref="ClusterId"/>).
    /// Two clusters can have the same anchor span (one document's passage in two clusters whose other members differ:
    /// Reuters-21578 has ten such pairs), and one id for two clusters is no id: those take theirs from their kind and
    /// every member, which tells them apart and stays while the cluster's members do; clusters alike in all of that (or a
    /// hash collision) are numbered after the first in the order given ("-2", "-3"; the clusters' content order, the same
    /// for the same input).
    /// </summary>
    internal static string[] ClusterIds(IReadOnlyList<ClusterKey> clusters) => ClusterIds(clusters.Count, i => clusters[i].Members[0], i => clusters[i]);

    /// <summary>
    /// <see cref="ClusterIds(IReadOnlyList{ClusterKey})"/> of <paramref name="count"/> clusters, each given by its
    /// <paramref name="anchor"/>, and by its whole <paramref name="key"/> only when another cluster has the same anchor.
    /// </summary>
    internal static string[] ClusterIds(int count, Func<int, (string Document, int Start, int End)> anchor, Func<int, ClusterKey> key)
    {
        var ids = new string[count];
        var seen = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            var (document, start, end) = anchor(i);
            ids[i] = ClusterId(document, start, end);
            seen[ids[i]] = seen.GetValueOrDefault(ids[i]) + 1;
        }
        for (int i = 0; i < ids.Length; i++)
        {
            if (seen[ids[i]] < 2) continue;
            ClusterKey cluster = key(i);
            var text = new StringBuilder();
            text.Append(cluster.Kind).Append(cluster.Boilerplate ? "\nboilerplate" : "\n");
            foreach (var (document, start, end) in cluster.Members)
                text.Append('\n').Append(document).Append('\n').Append(start.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(end.ToString(CultureInfo.InvariantCulture));
            ids[i] = Hashed(text.ToString());
        }
        var taken = new HashSet<string>(ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            if (taken.Add(ids[i])) continue;
            int n = 2;
            while (!taken.Add(string.Create(CultureInfo.InvariantCulture, $"{ids[i]}-{n}"))) n++;
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"{ids[i]}-{n}");
        }
        return ids;
    }

    /// <summary>Files read or tried: distinct document paths, plus files that gave only errors (a record's error id is <c>file#record</c>).</summary>
    static int CountFiles(IReadOnlyList<ReportInputDocument> inputs, IReadOnlyList<string>? paths, IReadOnlyList<IngestError> errors)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        for (int d = 0; d < inputs.Count; d++) files.Add(paths?[d] ?? inputs[d].Id);
        foreach (IngestError e in errors)
        {
            if (e.Id.EndsWith('/') || e.Id == ".") continue;
            int hash = e.Id.IndexOf('#', StringComparison.Ordinal);
            if (hash < 0 || !files.Contains(e.Id[..hash])) files.Add(hash < 0 ? e.Id : e.Id[..hash]);
        }
        return files.Count;
    }

    static int CountWords(string text) => Text.Tokenizer.Tokenize(text).Count;

    static string? FormatDate(DateTimeOffset? d) => d?.ToString(d.Value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>
    /// Characters covered by <paramref name="spans"/> and not by <paramref name="excluded"/> (none: the length of their
    /// union); sorts both lists in place. The one span arithmetic of the report, with <see cref="SharedWith"/>'s.
    /// </summary>
    static long UnionLength(List<(int Start, int End)>? spans, List<(int Start, int End)>? excluded = null)
    {
        if (spans is null || spans.Count == 0) return 0;
        spans.Sort();
        return LengthOutside(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans), Disjoint(excluded));
    }
}
