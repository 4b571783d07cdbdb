namespace ReuseDetect.Clustering;

/// <summary>
/// Turns aligned passage links into reuse clusters. Every link contributes two spans; spans of one document
/// that overlap by at least half of the longer one are the same passage (a short passage inside a long one is a
/// different passage: a paragraph reposted alone is not the whole article that also carries it); links join their two spans; the
/// connected components are the clusters. Within a cluster, overlapping spans of a document merge into one
/// member, while disjoint spans of one document stay separate members (a passage repeated inside it).
/// Output order depends only on the input content: clusters by their first member, members by (document, start).
/// </summary>
public static class ClusterBuilder
{
    /// <summary>Share of the longer span two spans of one document must overlap by to be the same passage.</summary>
    public const double SameSpanOverlap = 0.5;

    /// <summary>Builds the clusters of <paramref name="links"/> over <paramref name="documentCount"/> documents.</summary>
    public static List<SpanCluster> Build(IReadOnlyList<PassageLink> links, int documentCount)
    {
        ArgumentNullException.ThrowIfNull(links);
        int nodes = links.Count * 2;
        var uf = new UnionFind(nodes);
        var byDoc = new List<int>[documentCount];
        for (int l = 0; l < links.Count; l++)
        {
            uf.Union(2 * l, 2 * l + 1);
            (byDoc[links[l].DocA] ??= []).Add(2 * l);
            (byDoc[links[l].DocB] ??= []).Add(2 * l + 1);
        }
        foreach (List<int>? list in byDoc)
        {
            if (list is null) continue;
            list.Sort((x, y) => Start(links, x) != Start(links, y) ? Start(links, x).CompareTo(Start(links, y)) : End(links, x).CompareTo(End(links, y)));
            for (int i = 0; i < list.Count; i++)
            {
                int si = Start(links, list[i]), ei = End(links, list[i]);
                for (int j = i + 1; j < list.Count && Start(links, list[j]) < ei; j++)
                {
                    int sj = Start(links, list[j]), ej = End(links, list[j]);
                    int overlap = Math.Min(ei, ej) - Math.Max(si, sj);
                    if (overlap >= SameSpanOverlap * Math.Max(ei - si, ej - sj)) uf.Union(list[i], list[j]);
                }
            }
        }
        var clusters = new List<SpanCluster>();
        foreach (int[] group in uf.Groups())
        {
            var spans = group.Select(n => new ClusterMember(Doc(links, n), Start(links, n), End(links, n)))
                .OrderBy(m => m.Document).ThenBy(m => m.Start).ThenBy(m => m.End).ToList();
            var members = new List<ClusterMember>();
            foreach (ClusterMember s in spans)
            {
                if (members.Count > 0 && members[^1].Document == s.Document && s.Start < members[^1].End)
                    members[^1] = members[^1] with { End = Math.Max(members[^1].End, s.End) };
                else
                    members.Add(s);
            }
            double identity = group.Select(n => links[n / 2].Identity).Min();
            clusters.Add(new SpanCluster(members, identity));
        }
        clusters.Sort((a, b) =>
        {
            ClusterMember x = a.Members[0], y = b.Members[0];
            return x.Document != y.Document ? x.Document.CompareTo(y.Document) : x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End);
        });
        return clusters;
    }

    static int Doc(IReadOnlyList<PassageLink> links, int node) => node % 2 == 0 ? links[node / 2].DocA : links[node / 2].DocB;
    static int Start(IReadOnlyList<PassageLink> links, int node) => node % 2 == 0 ? links[node / 2].AStart : links[node / 2].BStart;
    static int End(IReadOnlyList<PassageLink> links, int node) => node % 2 == 0 ? links[node / 2].AEnd : links[node / 2].BEnd;
}
