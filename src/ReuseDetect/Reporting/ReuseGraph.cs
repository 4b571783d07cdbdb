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
        // One pass over the documents: whether any names an outlet, and each valid document's key.
        bool byDocument = true;
        foreach (ReportDocument d in report.Documents)
            if (d.Error is null && d.Outlet is not (null or UnknownOutlet)) byDocument = false;
        Dictionary<string, string>? outletOf = null;
        if (!byDocument)
        {
            outletOf = new Dictionary<string, string>(report.Documents.Count, StringComparer.Ordinal);
            foreach (ReportDocument d in report.Documents)
                if (d.Error is null) outletOf.TryAdd(d.Id, d.Outlet ?? UnknownOutlet);
        }
        string KeyOf(string documentId) => outletOf is null ? documentId : outletOf.GetValueOrDefault(documentId, UnknownOutlet);

        // Every key an edge or a node can have, numbered in ordinal order (one sort of the distinct keys): the counting
        // below compares and hashes numbers, not strings, and sorting by number is sorting by key. A node's figures are
        // summed by number too.
        var rank = new Dictionary<string, int>(report.Documents.Count + 16, StringComparer.Ordinal);
        var distinct = new List<string>(report.Documents.Count + 16);
        void Key(string key)
        {
            if (rank.TryAdd(key, 0)) distinct.Add(key);
        }
        foreach (ReportDocument d in report.Documents)
            if (d.Error is null) Key(KeyOf(d.Id));
        var passages = new List<ReportCluster>();
        foreach (ReportCluster c in report.Clusters)
        {
            if (c.Kind != "passage" || c.Boilerplate) continue;
            passages.Add(c);
            if (OriginOf(c) is { } origin) Key(origin);
            foreach (ReportMember m in c.Members) Key(KeyOf(m.Id));
        }
        string[] names = [.. distinct];
        Array.Sort(names, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) rank[names[i]] = i;

        // Nodes: the keys of valid documents, with their documents and reused characters, and the origins outside the
        // corpus (an origin named by outlet, not by document, that no document has).
        var documents = new int[names.Length];
        var reused = new long[names.Length];
        var external = new bool[names.Length];
        foreach (ReportDocument d in report.Documents)
        {
            if (d.Error is not null) continue;
            int k = rank[KeyOf(d.Id)];
            documents[k]++;
            reused[k] += d.ReusedChars;
        }
        foreach (ReportCluster c in passages)
            if (c.Origin.Id is null && OriginOf(c) is { } origin && documents[rank[origin]] == 0) external[rank[origin]] = true;
        var nodes = new List<ReuseGraphNode>();
        string kind = byDocument ? "document" : "outlet";
        for (int k = 0; k < names.Length; k++)
        {
            if (documents[k] > 0) nodes.Add(new ReuseGraphNode(names[k], names[k], kind, documents[k], reused[k]));
            else if (external[k]) nodes.Add(new ReuseGraphNode(names[k], names[k], "external", 0, 0));
        }

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
        long[] order = [.. edges.Keys];
        Array.Sort(order);
        var sorted = new List<ReuseGraphEdge>(order.Length);
        foreach (long key in order)
        {
            var (chars, clusters, directed) = edges[key];
            sorted.Add(new ReuseGraphEdge(names[(int)(key >> 32)], names[(int)key], chars, clusters, directed));
        }
        return new ReuseGraph(kind, nodes, sorted);

        string? OriginOf(ReportCluster c) => c.Origin.Id is { } oid ? KeyOf(oid) : c.Origin.Outlet;
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
