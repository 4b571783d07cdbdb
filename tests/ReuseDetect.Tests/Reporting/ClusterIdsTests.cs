using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

/// <summary>Cluster ids: one per cluster, from its anchor member, told apart by their members when two share an anchor.</summary>
public sealed class ClusterIdsTests
{
    static ReportBuilder.ClusterKey Key(params (string, int, int)[] members) => new("passage", false, members);

    [Fact]
    public void Should_give_each_cluster_its_anchors_id_when_anchors_differ()
    {
        string[] ids = ReportBuilder.ClusterIds([Key(("a.txt", 0, 50), ("b.txt", 10, 60)), Key(("a.txt", 100, 150), ("c.txt", 0, 50))]);
        Assert.Equal([ReportBuilder.ClusterId("a.txt", 0, 50), ReportBuilder.ClusterId("a.txt", 100, 150)], ids);
    }

    [Fact]
    public void Should_tell_apart_clusters_that_share_an_anchor_span_by_their_members()
    {
        // Given two clusters whose anchor is the same span of a.txt (Reuters-21578 has ten such pairs) and one other
        ReportBuilder.ClusterKey first = Key(("a.txt", 0, 50), ("b.txt", 10, 60), ("c.txt", 0, 50));
        ReportBuilder.ClusterKey second = Key(("a.txt", 0, 50), ("d.txt", 5, 55));
        ReportBuilder.ClusterKey other = Key(("e.txt", 0, 50), ("f.txt", 0, 50));
        string[] ids = ReportBuilder.ClusterIds([first, other, second]);
        // Then the three ids differ, the one without a twin keeps its anchor's id
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ReportBuilder.ClusterId("e.txt", 0, 50), ids[1]);
        Assert.DoesNotContain(ReportBuilder.ClusterId("a.txt", 0, 50), ids);
        // and each twin's id is its own: the same in another order and beside other clusters
        string[] again = ReportBuilder.ClusterIds([second, Key(("g.txt", 0, 9), ("h.txt", 0, 9)), first]);
        Assert.Equal(ids[2], again[0]);
        Assert.Equal(ids[0], again[2]);
        // and a kind tells twins with the same members apart too
        string[] kinds = ReportBuilder.ClusterIds([first, first with { Kind = "internal" }]);
        Assert.NotEqual(kinds[0], kinds[1]);
    }

    [Fact]
    public void Should_number_clusters_alike_in_everything_after_the_first()
    {
        ReportBuilder.ClusterKey twin = Key(("a.txt", 0, 50), ("b.txt", 10, 60));
        string[] ids = ReportBuilder.ClusterIds([twin, twin, twin]);
        Assert.Equal([ids[0], ids[0] + "-2", ids[0] + "-3"], ids);
    }
}
