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
    public void Should_put_a_paragraph_reposted_alone_into_the_cluster_of_the_whole_article()
    {
        // Given a whole article A reposted by B, and one paragraph of A reposted by C
        PassageLink[] links = [new(0, 0, 5000, 1, 0, 5000, 1), new(0, 1000, 1300, 2, 0, 300, 1)];
        // When
        var clusters = ClusterBuilder.Build(links, 3);
        // Then one passage, one cluster: C carries part of it, and A's paragraph sits in no second, nested cluster
        var c = Assert.Single(clusters);
        Assert.Equal([new ClusterMember(0, 0, 5000), new ClusterMember(1, 0, 5000), new ClusterMember(2, 0, 300)], c.Members);
        Assert.Equal(2, c.Links.Count);
    }

    [Fact]
    public void Should_not_chain_unrelated_passages_through_a_fragment_inside_a_member()
    {
        // Given a wire story W reposted by A, B and C (W is the core), and a short fragment inside B's copy that B shares
        // with D, and D with E
        PassageLink[] links =
        [
            new(0, 0, 3000, 1, 0, 3000, 1), new(0, 0, 3000, 2, 0, 3000, 1), new(0, 0, 3000, 3, 0, 3000, 1),
            new(2, 1500, 1650, 4, 200, 350, 1), new(4, 200, 350, 5, 0, 150, 1),
        ];
        // When
        var clusters = ClusterBuilder.Build(links, 6);
        // Then the story is one cluster of W, A, B, C; the fragment another of B, D, E: a fragment of B's copy does not
        // relay D and E into the story
        Assert.Equal(2, clusters.Count);
        Assert.Equal([0, 1, 2, 3], clusters[0].Members.Select(m => m.Document));
        Assert.Equal([2, 4, 5], clusters[1].Members.Select(m => m.Document));
    }

    [Fact]
    public void Should_join_a_repost_of_a_repost_through_the_copy_it_took()
    {
        // Given a wire story W (the core, with the most aligned text) reposted by A, and A's copy reposted by B, B not
        // aligned with W itself (edited twice)
        PassageLink[] links = [new(0, 0, 2000, 1, 0, 2000, 0.9), new(0, 0, 2000, 3, 0, 2000, 1), new(1, 100, 1900, 2, 0, 1800, 0.9)];
        // When
        var c = Assert.Single(ClusterBuilder.Build(links, 4));
        // Then B joins through A: its link covers most of what A shares with W
        Assert.Equal([0, 1, 2, 3], c.Members.Select(m => m.Document));
    }

    [Fact]
    public void Should_let_a_reworded_link_join_through_the_core_only()
    {
        // Given W~A verbatim, and A~B found only through reworded text (no verbatim run), B not aligned with W
        PassageLink[] links = [new(0, 0, 2000, 1, 0, 2000, 1), new(0, 0, 2000, 2, 0, 2000, 1), new(1, 100, 1900, 3, 0, 1800, 0.4, Anchored: false)];
        // When
        var clusters = ClusterBuilder.Build(links, 4);
        // Then B does not join W's cluster through A: a reworded link never relays
        Assert.Equal(2, clusters.Count);
        Assert.DoesNotContain(clusters.Single(c => c.Members.Any(m => m.Document == 0)).Members, m => m.Document == 3);
    }

    [Fact]
    public void Should_absorb_a_link_between_two_members_that_lies_in_text_the_cluster_holds()
    {
        // Given a story W copied whole by A, and A's second half copied by K; K also aligned with W on part of that half
        // (a separate link, as an edit can split a copy)
        PassageLink[] links = [new(0, 0, 1000, 1, 0, 1000, 1), new(1, 600, 1000, 2, 300, 700, 1), new(0, 800, 950, 2, 510, 640, 0.9)];
        // When
        var clusters = ClusterBuilder.Build(links, 3);
        // Then one cluster: the W~K link adds no document and its K side lies in what K shares with A, so it joins
        // rather than forming a second cluster of the same text
        var c = Assert.Single(clusters);
        Assert.Equal(3, c.Links.Count);
        Assert.Equal([new ClusterMember(0, 0, 1000), new ClusterMember(1, 0, 1000), new ClusterMember(2, 300, 700)], c.Members);
    }

    [Fact]
    public void Should_absorb_the_rest_of_a_copy_that_a_box_split_off_the_part_the_cluster_holds()
    {
        // Given a story S [46, 1259) copied whole by N, whose page splits the copy in two links with a newsletter box
        // (S [46, 646) ~ N [182, 782) and S [802, 1089) ~ N [938, 1237)); a heavily edited copy K of S from 491 on (the
        // core: the most aligned text), aligned with S in two links and with N; and D quoting K's last paragraph
        PassageLink[] links =
        [
            new(0, 46, 646, 1, 182, 782, 1), new(0, 802, 1089, 1, 938, 1237, 0.91),
            new(0, 491, 646, 2, 440, 602, 0.85), new(0, 773, 1259, 2, 712, 1349, 0.66), new(2, 440, 1080, 1, 616, 1237, 0.68),
            new(3, 93, 259, 2, 1151, 1349, 0.81),
        ];
        // When
        var clusters = ClusterBuilder.Build(links, 4);
        // Then one story, one cluster: the S ~ N link over the first part continues in N what the cluster holds there
        // (it adds 434 characters to the 621 the cluster holds of N), so it joins instead of forming a second cluster that
        // would carry S [491, 646) twice
        var c = Assert.Single(clusters);
        Assert.Equal(6, c.Links.Count);
        Assert.Equal([new ClusterMember(0, 46, 646), new ClusterMember(0, 773, 1259), new ClusterMember(1, 182, 1237),
            new ClusterMember(2, 440, 1349), new ClusterMember(3, 93, 259)], c.Members);
    }

    [Fact]
    public void Should_not_absorb_a_whole_other_story_between_two_members_that_share_a_sentence_with_the_core()
    {
        // Given a story W copied by A, a sentence of W quoted (reworded) by S and T, and S and T copies of another story
        PassageLink[] links =
        [
            new(0, 0, 3000, 1, 0, 3000, 1),
            new(0, 1000, 1150, 2, 900, 1050, 0.6, Anchored: false), new(0, 1000, 1150, 3, 900, 1050, 0.6, Anchored: false),
            new(2, 0, 1200, 3, 0, 1200, 1),
        ];
        // When
        var clusters = ClusterBuilder.Build(links, 4);
        // Then S and T's story is a cluster of its own: their link lies mostly outside the sentence W's cluster holds, and
        // on both sides adds far more text than that sentence (another story that quotes it, not the rest of a copy)
        Assert.Equal(2, clusters.Count);
        Assert.Equal([new ClusterMember(2, 0, 1200), new ClusterMember(3, 0, 1200)], clusters.Single(c => c.Members.All(m => m.Document >= 2)).Members);
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
