namespace ReuseDetect.Reporting;

/// <summary>A node of the reuse graph: an outlet (or a document when no outlet is known), or an origin outside the corpus.</summary>
public sealed record ReuseGraphNode(string Id, string Label, string Kind, int Documents, long ReusedChars);

/// <summary>
/// An edge of the reuse graph. Directed edges run from the origin to the one who reposted (who reposts whom), and
/// <see cref="Chars"/> counts the reposting side's characters. Undirected ones join two members of a cluster whose
/// origin is undetermined that were aligned with each other (not every pair of members: a cluster's edges grow with
/// its alignments, not with the square of its size); <see cref="Chars"/> then counts the aligned characters of the
/// target's side.
/// </summary>
public sealed record ReuseGraphEdge(string Source, string Target, long Chars, int Clusters, bool Directed);

/// <summary>
/// Who reposts whom, and how much: built from the reposted passages of a report (internal repeats and boilerplate are
/// left out). Nodes are outlets; when every document's outlet is unknown, nodes are documents. Sorted, deterministic.
/// </summary>
public sealed record ReuseGraph(string NodeKind, IReadOnlyList<ReuseGraphNode> Nodes, IReadOnlyList<ReuseGraphEdge> Edges)
{
    /// <summary>The outlet every document without metadata has.</summary>
    public const string UnknownOutlet = "unknown";

    /// <summary>
    /// Graphs already built, by report: report.html and the GraphML file show the same graph, and a report does not
    /// change once built, so its graph is built once (and goes with the report). A caller that asks while another builds
    /// it waits for that build instead of making a second (the writers run side by side, one of them building it).
    /// </summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReuseReport, Lazy<ReuseGraph>> s_built = new();

    /// <summary>The graph of <paramref name="report"/> (built on the first call for that report).</summary>
    public static ReuseGraph From(ReuseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return s_built.GetValue(report, static r => new Lazy<ReuseGraph>(() => Build(r), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    static ReuseGraph Build(ReuseReport report)
    {
        var docs = report.Documents.Where(d => d.Error is null).ToList();
        bool byDocument = docs.All(d => d.Outlet is null or UnknownOutlet);
        var outletOf = docs.ToDictionary(d => d.Id, d => d.Outlet ?? UnknownOutlet, StringComparer.Ordinal);
        string KeyOf(string documentId) => byDocument ? documentId : outletOf.GetValueOrDefault(documentId, UnknownOutlet);

        var nodes = new SortedDictionary<string, ReuseGraphNode>(StringComparer.Ordinal);
        foreach (var group in docs.GroupBy(d => KeyOf(d.Id), StringComparer.Ordinal))
        {
            nodes[group.Key] = new ReuseGraphNode(group.Key, group.Key, byDocument ? "document" : "outlet",
                group.Count(), group.Sum(d => d.ReusedChars));
        }
        List<ReportCluster> passages = [.. report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate)];
        string? OriginOf(ReportCluster c) => c.Origin.Id is { } oid ? KeyOf(oid) : c.Origin.Outlet;
        // Every key an edge can join, numbered in ordinal order: the counting below compares and hashes numbers, not
        // strings, and sorting by number is sorting by key.
        var keys = new SortedSet<string>(nodes.Keys, StringComparer.Ordinal);
        foreach (ReportCluster c in passages)
        {
            if (OriginOf(c) is { } origin)
            {
                if (c.Origin.Id is null && !nodes.ContainsKey(origin)) nodes[origin] = new ReuseGraphNode(origin, origin, "external", 0, 0);
                keys.Add(origin);
            }
            foreach (ReportMember m in c.Members) keys.Add(KeyOf(m.Id));
        }
        string[] names = [.. keys];
        var rank = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) rank[names[i]] = i;

        var edges = new Dictionary<long, (long Chars, int Clusters, bool Directed)>();
        var seen = new HashSet<long>();
        var members = new List<(int Key, long Chars)>();
        foreach (ReportCluster c in passages)
        {
            seen.Clear();
            members.Clear();
            foreach (ReportMember m in c.Members) members.Add((rank[KeyOf(m.Id)], m.End - m.Start));
            if (OriginOf(c) is { } origin)
            {
                int source = rank[origin];
                foreach (var (target, chars) in members)
                    if (target != source) AddEdge(edges, seen, source, target, chars, directed: true);
                continue;
            }
            // Without an origin, who reposted whom is unknown: an undirected edge joins two members the scan aligned with
            // each other (the cluster's alignments), weighted with the aligned characters of the later key's side. Joining
            // every pair of members instead would claim pairs never compared and grow with the square of a cluster's size.
            foreach (ReportAlignment al in c.Alignments)
            {
                int ka = members[al.A].Key, kb = members[al.B].Key;
                if (ka == kb) continue;
                if (ka < kb) AddEdge(edges, seen, ka, kb, al.BEnd - al.BStart, directed: false);
                else AddEdge(edges, seen, kb, ka, al.AEnd - al.AStart, directed: false);
            }
        }
        var sorted = edges.OrderBy(e => e.Key)
            .Select(e => new ReuseGraphEdge(names[(int)(e.Key >> 32)], names[(int)e.Key], e.Value.Chars, e.Value.Clusters, e.Value.Directed))
            .ToList();
        return new ReuseGraph(byDocument ? "document" : "outlet", [.. nodes.Values], sorted);
    }

    /// <summary>Adds <paramref name="chars"/> to the edge from key number <paramref name="source"/> to <paramref name="target"/>, counting the cluster once.</summary>
    static void AddEdge(Dictionary<long, (long Chars, int Clusters, bool Directed)> edges, HashSet<long> seenInCluster, int source, int target, long chars, bool directed)
    {
        long key = (long)source << 32 | (uint)target;
        ref var value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(edges, key, out _);
        bool first = seenInCluster.Add(key);
        value = (value.Chars + chars, value.Clusters + (first ? 1 : 0), value.Clusters == 0 ? directed : value.Directed && directed);
    }
}
