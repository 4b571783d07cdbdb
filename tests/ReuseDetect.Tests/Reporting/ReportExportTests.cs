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
}
