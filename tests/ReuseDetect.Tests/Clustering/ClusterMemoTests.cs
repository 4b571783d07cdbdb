using ReuseDetect.Clustering;

namespace ReuseDetect.Tests.Clustering;

/// <summary>
/// Clusters built with a memo of the last build's candidates (what a detector that rescans one folder keeps) are those
/// built without it, through random sequences of links added, removed, changed and renumbered (a document inserted
/// before others), and unchanged candidates are taken from the memo.
/// </summary>
public sealed class ClusterMemoTests
{
    static PassageLink RandomLink(Random r, int documents)
    {
        int a = r.Next(documents), b = r.Next(documents);
        int aStart = 100 * r.Next(8), bStart = 100 * r.Next(8);
        int aLength = 50 + 50 * r.Next(6), bLength = aLength + 10 * r.Next(-2, 3);
        return new PassageLink(a, aStart, aStart + aLength, b, bStart, bStart + bLength, Math.Round(0.6 + 0.1 * r.Next(5), 1), r.Next(4) > 0);
    }

    static string Describe(List<SpanCluster> clusters) => string.Join("\n", clusters.Select(c =>
        $"{c.MinIdentity}: {string.Join(" ", c.Members)} | {string.Join(" ", c.Links)}"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Should_build_the_clusters_of_a_build_without_it_after_every_change(int seed)
    {
        // Given random links among 30 documents and a memo
        var r = new Random(seed);
        const int Documents = 30;
        var links = Enumerable.Range(0, 40).Select(_ => RandomLink(r, Documents)).ToList();
        var memo = new ClusterMemo();
        int taken = 0;
        List<SpanCluster> previous = [];
        for (int step = 0; step < 60; step++)
        {
            // When the links change (or stay), then the build with the memo equals the build without it
            List<SpanCluster> cold = ClusterBuilder.Build(links, Documents + 1, 2);
            List<SpanCluster> kept = ClusterBuilder.Build(links, Documents + 1, 2, memo);
            Assert.Equal(Describe(cold), Describe(kept));
            // (clusters the last build made, taken again from the memo)
            taken += kept.Count(k => previous.Any(p => ReferenceEquals(p, k)));
            previous = kept;
            switch (r.Next(5))
            {
                case 0: links.Add(RandomLink(r, Documents)); break;
                case 1 when links.Count > 5: links.RemoveAt(r.Next(links.Count)); break;
                case 2: links[r.Next(links.Count)] = RandomLink(r, Documents); break;
                case 3:
                    // A document inserted at a random place: every later document's number moves up (the last one's
                    // links are dropped, so numbers stay within the corpus).
                    int at = r.Next(Documents);
                    links = [.. links.Where(l => l.DocA < Documents - 1 && l.DocB < Documents - 1)
                        .Select(l => l with { DocA = l.DocA >= at ? l.DocA + 1 : l.DocA, DocB = l.DocB >= at ? l.DocB + 1 : l.DocB })];
                    break;
                default: break; // unchanged
            }
        }
        Assert.True(taken > 0);
    }

    [Fact]
    public void Should_take_the_clusters_of_an_unchanged_candidate_from_the_memo()
    {
        // Given two unrelated passages, built once with a memo
        PassageLink[] links = [new(0, 0, 300, 1, 0, 300, 1), new(2, 0, 400, 3, 0, 400, 1)];
        var memo = new ClusterMemo();
        List<SpanCluster> first = ClusterBuilder.Build(links, 5, 1, memo);
        // When a third document joins the second passage
        List<SpanCluster> second = ClusterBuilder.Build([.. links, new(3, 0, 400, 4, 0, 400, 0.9)], 5, 1, memo);
        // Then the first passage's cluster is the same object, and the second is peeled again with its new member
        Assert.Same(first[0], second[0]);
        Assert.NotSame(first[1], second[1]);
        Assert.Equal([2, 3, 4], second[1].Members.Select(m => m.Document));
    }
}
