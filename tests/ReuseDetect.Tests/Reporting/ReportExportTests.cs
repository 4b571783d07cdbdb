using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

/// <summary>Goldens of the seeds' CSV and GraphML, and the graph's shape.</summary>
public sealed class ReportExportTests
{
    static readonly Lazy<ReuseReport> s_report = new(() => new ReuseDetector(new ReuseDetectOptions { Parallelism = 2 }).Scan(TestPaths.Seeds));

    [Fact]
    public void Should_match_the_golden_csv_and_graphml_of_the_seeds()
    {
        Golden.Verify("Reporting/seeds.report.csv", CsvReportWriter.ToCsv(s_report.Value));
        Golden.Verify("Reporting/seeds.reuse-graph.graphml", GraphMlReportWriter.ToGraphMl(s_report.Value));
    }

    [Fact]
    public void Should_draw_documents_as_nodes_when_no_outlet_is_known_and_edges_from_the_origin()
    {
        // Given the seeds, whose outlets are all unknown and whose footer credits RFE/RL
        ReuseGraph g = ReuseGraph.From(s_report.Value);
        // Then
        Assert.Equal("document", g.NodeKind);
        Assert.Contains(g.Nodes, n => n is { Id: "RFE/RL", Kind: "external" });
        Assert.Equal(
            [("RFE/RL", "000_f10bc7b7f9047a21.txt", 165L), ("RFE/RL", "001_43a853f10424dbd0.txt", 165L)],
            g.Edges.Select(e => (e.Source, e.Target, e.Chars)));
        Assert.All(g.Edges, e => Assert.True(e.Directed));
    }

    [Fact]
    public void Should_draw_outlets_as_nodes_when_known()
    {
        ReuseGraph g = ReuseGraph.From(SyntheticReports.TwoMembers("some reused text", "some reused text"));
        Assert.Equal("outlet", g.NodeKind);
        Assert.Equal(["outlet-a", "outlet-b"], g.Nodes.Select(n => n.Id));
        ReuseGraphEdge e = Assert.Single(g.Edges);
        Assert.Equal(("outlet-a", "outlet-b", 24L, 1, true), (e.Source, e.Target, e.Chars, e.Clusters, e.Directed));
    }

    [Fact]
    public void Should_join_the_members_of_a_cluster_without_origin_only_where_they_were_aligned()
    {
        // Given a cluster of undetermined origin whose four copies were aligned in a path (a-b, b-c, c-d), as a long chain of
        // reposts is: each copy matched the next, not every other one
        string[] ids = ["a.txt", "b.txt", "c.txt", "d.txt"];
        ReportMember Member(string id) => new(id, "unknown", 0, 100, "", null, null);
        var report = SyntheticReports.TwoMembers("x", "x") with
        {
            Documents = [.. ids.Select(id => new ReportDocument { Id = id, Path = id, ReusedChars = 100 })],
            Clusters =
            [
                new ReportCluster
                {
                    Id = "c1", Kind = "passage", Documents = 4, Outlets = [], Words = 20, MinIdentity = 1,
                    Origin = new ReportOrigin(null, null, "undetermined", null), Members = [.. ids.Select(Member)],
                    Alignments = [new(0, 0, 90, 1, 0, 80, 1), new(1, 0, 100, 2, 5, 75, 1), new(3, 10, 60, 2, 0, 100, 1)],
                },
            ],
        };
        // When the graph is built
        ReuseGraph g = ReuseGraph.From(report);
        // Then there are three undirected edges, one per alignment, weighted with the target's aligned characters, and
        // none between copies never compared (a-c, a-d, b-d): the edges grow with the alignments, not as pairs of members
        Assert.Equal(
            [("a.txt", "b.txt", 80L, 1, false), ("b.txt", "c.txt", 70L, 1, false), ("c.txt", "d.txt", 50L, 1, false)],
            g.Edges.Select(e => (e.Source, e.Target, e.Chars, e.Clusters, e.Directed)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Should_give_the_graph_of_a_plain_count_over_origins_and_alignments(int seed, bool outlets)
    {
        // Given a random report: outlets or none, clusters of known, external and unknown origin, documents with several
        // members in one cluster, names whose ordinal order differs from the order they first appear in
        var random = new Random(seed);
        string[] names = [.. Enumerable.Range(0, 30).Select(i => $"{(char)('z' - i % 26)}{i}{(i % 3 == 0 ? "B" : "a")}.txt")];
        string[] outletNames = ["Zeta", "alpha", "Beta", "gamma", "unknown"];
        string OutletOf(string id) => outlets ? outletNames[Array.IndexOf(names, id) % outletNames.Length] : "unknown";
        var clusters = new List<ReportCluster>();
        for (int c = 0; c < 40; c++)
        {
            var members = Enumerable.Range(0, random.Next(2, 9)).Select(_ => names[random.Next(names.Length)])
                .Select(id => new ReportMember(id, OutletOf(id), random.Next(100), 100 + random.Next(400), "", null, null)).ToList();
            int originKind = random.Next(3);
            ReportOrigin origin = originKind == 0 ? new ReportOrigin(members[0].Id, members[0].Outlet, "earliest-date", null)
                : originKind == 1 ? new ReportOrigin(null, random.Next(2) == 0 ? "Reuters" : "AP", "credit-line", null)
                : new ReportOrigin(null, null, "undetermined", null);
            // Alignments between random members (one member with itself too: text repeated inside a document).
            var alignments = Enumerable.Range(0, random.Next(0, 2 * members.Count)).Select(_ =>
            {
                int a = random.Next(members.Count), b = random.Next(a, members.Count);
                return new ReportAlignment(a, 0, random.Next(1, 300), b, 0, random.Next(1, 300), 1);
            }).ToList();
            clusters.Add(new ReportCluster
            {
                Id = $"c{c}", Kind = random.Next(8) == 0 ? "internal" : "passage", Boilerplate = random.Next(10) == 0, Documents = members.Count,
                Outlets = [], Words = 20, MinIdentity = 1, Origin = origin, Members = members, Alignments = alignments,
            });
        }
        var report = SyntheticReports.TwoMembers("x", "x") with
        {
            Documents = [.. names.Select(id => new ReportDocument { Id = id, Path = id, Outlet = outlets ? OutletOf(id) : null, ReusedChars = random.Next(1000) })],
            Clusters = clusters,
        };
        // When the graph is built
        ReuseGraph graph = ReuseGraph.From(report);
        // Then it is the graph of the plain count, edge for edge and in the same order
        Assert.Equal(outlets ? "outlet" : "document", graph.NodeKind);
        Assert.Equal(PlainEdges(report, outlets), graph.Edges.Select(e => (e.Source, e.Target, e.Chars, e.Clusters, e.Directed)));
        Assert.Contains(graph.Edges, e => !e.Directed);
        Assert.Contains(graph.Edges, e => e.Directed);
    }

    /// <summary>
    /// The graph's edges counted the plain way: string keys; the origin to every member, or, without an origin, the two
    /// members of every alignment; sorted at the end.
    /// </summary>
    static List<(string, string, long, int, bool)> PlainEdges(ReuseReport report, bool outlets)
    {
        var outletOf = report.Documents.ToDictionary(d => d.Id, d => d.Outlet ?? "unknown");
        string KeyOf(string id) => outlets ? outletOf.GetValueOrDefault(id, "unknown") : id;
        var edges = new Dictionary<(string, string), (long Chars, int Clusters, bool Directed)>();
        void Add(HashSet<(string, string)> seen, string source, string target, long chars, bool directed)
        {
            edges.TryGetValue((source, target), out var value);
            bool first = seen.Add((source, target));
            edges[(source, target)] = (value.Chars + chars, value.Clusters + (first ? 1 : 0), value.Clusters == 0 ? directed : value.Directed && directed);
        }
        foreach (ReportCluster c in report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate))
        {
            var seen = new HashSet<(string, string)>();
            string? origin = c.Origin.Id is { } oid ? KeyOf(oid) : c.Origin.Outlet;
            if (origin is not null)
            {
                foreach (ReportMember m in c.Members)
                    if (KeyOf(m.Id) != origin) Add(seen, origin, KeyOf(m.Id), m.End - m.Start, directed: true);
                continue;
            }
            foreach (ReportAlignment al in c.Alignments)
            {
                string ka = KeyOf(c.Members[al.A].Id), kb = KeyOf(c.Members[al.B].Id);
                int order = string.CompareOrdinal(ka, kb);
                if (order < 0) Add(seen, ka, kb, al.BEnd - al.BStart, directed: false);
                else if (order > 0) Add(seen, kb, ka, al.AEnd - al.AStart, directed: false);
            }
        }
        return [.. edges.OrderBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2, StringComparer.Ordinal)
            .Select(e => (e.Key.Item1, e.Key.Item2, e.Value.Chars, e.Value.Clusters, e.Value.Directed))];
    }
}
