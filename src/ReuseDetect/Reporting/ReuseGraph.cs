namespace ReuseDetect.Reporting;

/// <summary>A node of the reuse graph: an outlet (or a document when no outlet is known), or an origin outside the corpus.</summary>
public sealed record ReuseGraphNode(string Id, string Label, string Kind, int Documents, long ReusedChars);

/// <summary>
/// An edge of the reuse graph. Directed edges run from the origin to the one who reposted (who reposts whom);
/// undirected ones join the members of a cluster whose origin is undetermined. <see cref="Chars"/> counts the
/// reposting side's characters.
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
    /// change once built, so its graph is built once (and goes with the report).
    /// </summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReuseReport, ReuseGraph> s_built = new();

    /// <summary>The graph of <paramref name="report"/> (built on the first call for that report).</summary>
    public static ReuseGraph From(ReuseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return s_built.GetValue(report, Build);
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

        // Hashed while counting (a cluster of unknown origin joins every pair of its members), sorted once at the end.
        var edges = new Dictionary<(string, string), (long Chars, int Clusters, bool Directed)>();
        foreach (ReportCluster c in report.Clusters)
        {
            if (c.Kind != "passage" || c.Boilerplate) continue;
            string? origin = c.Origin.Id is { } oid ? KeyOf(oid) : c.Origin.Outlet;
            if (origin is not null && c.Origin.Id is null && !nodes.ContainsKey(origin))
                nodes[origin] = new ReuseGraphNode(origin, origin, "external", 0, 0);
            var seen = new HashSet<(string, string)>();
            if (origin is not null)
            {
                foreach (ReportMember m in c.Members)
                {
                    string target = KeyOf(m.Id);
                    if (target == origin) continue;
                    AddEdge(edges, seen, origin, target, m.End - m.Start, directed: true);
                }
                continue;
            }
            var keys = c.Members.Select(m => (Key: KeyOf(m.Id), Chars: (long)(m.End - m.Start))).ToList();
            for (int i = 0; i < keys.Count; i++)
            {
                for (int j = 0; j < keys.Count; j++)
                {
                    if (i == j || string.CompareOrdinal(keys[i].Key, keys[j].Key) >= 0) continue;
                    AddEdge(edges, seen, keys[i].Key, keys[j].Key, keys[j].Chars, directed: false);
                }
            }
        }
        var sorted = edges.Select(e => new ReuseGraphEdge(e.Key.Item1, e.Key.Item2, e.Value.Chars, e.Value.Clusters, e.Value.Directed)).ToList();
        sorted.Sort((x, y) => string.CompareOrdinal(x.Source, y.Source) is var c and not 0 ? c : string.CompareOrdinal(x.Target, y.Target));
        return new ReuseGraph(byDocument ? "document" : "outlet", [.. nodes.Values], sorted);
    }

    static void AddEdge(Dictionary<(string, string), (long Chars, int Clusters, bool Directed)> edges,
        HashSet<(string, string)> seenInCluster, string source, string target, long chars, bool directed)
    {
        var key = (source, target);
        ref var value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(edges, key, out _);
        bool first = seenInCluster.Add(key);
        value = (value.Chars + chars, value.Clusters + (first ? 1 : 0), value.Clusters == 0 ? directed : value.Directed && directed);
    }
}
