using ReuseDetect.Clustering;

namespace ReuseDetect.Tests.Clustering;

public sealed class ClusterBuilderTests
{
    [Fact]
    public void Should_join_a_passage_carried_by_three_documents_into_one_cluster()
    {
        // Given A~B and B~C on the same passage (spans in B overlap almost fully)
        PassageLink[] links = [new(0, 100, 300, 1, 10, 210, 1), new(1, 12, 208, 2, 500, 700, 0.9)];
        // When
        var clusters = ClusterBuilder.Build(links, 3);
        // Then one cluster, one member per document, B's member the union of its spans
        var c = Assert.Single(clusters);
        Assert.Equal([new ClusterMember(0, 100, 300), new ClusterMember(1, 10, 210), new ClusterMember(2, 500, 700)], c.Members);
        Assert.Equal(0.9, c.MinIdentity);
    }

    [Fact]
    public void Should_keep_a_short_passage_inside_a_long_one_apart()
    {
        // Given a whole article A reposted by B, and one paragraph of A reposted by C
        PassageLink[] links = [new(0, 0, 5000, 1, 0, 5000, 1), new(0, 1000, 1300, 2, 0, 300, 1)];
        // When
        var clusters = ClusterBuilder.Build(links, 3);
        // Then two clusters
        Assert.Equal(2, clusters.Count);
        Assert.Equal([0, 1], clusters[0].Members.Select(m => m.Document));
        Assert.Equal([0, 2], clusters[1].Members.Select(m => m.Document));
    }

    [Fact]
    public void Should_keep_internal_repeats_as_separate_members()
    {
        PassageLink[] links = [new(0, 10, 110, 0, 500, 600, 1)];
        var c = Assert.Single(ClusterBuilder.Build(links, 1));
        Assert.Equal([new ClusterMember(0, 10, 110), new ClusterMember(0, 500, 600)], c.Members);
        Assert.Equal(1, c.DocumentCount);
    }

    [Fact]
    public void Should_not_depend_on_link_order()
    {
        PassageLink[] links = [new(2, 0, 50, 3, 0, 50, 1), new(0, 0, 100, 1, 0, 100, 1), new(1, 0, 100, 2, 200, 300, 1)];
        var forward = ClusterBuilder.Build(links, 4);
        var backward = ClusterBuilder.Build([.. links.Reverse()], 4);
        Assert.Equal(forward.Select(c => string.Join(";", c.Members)), backward.Select(c => string.Join(";", c.Members)));
    }

    [Fact]
    public void Should_return_nothing_for_no_links() => Assert.Empty(ClusterBuilder.Build([], 5));
}
