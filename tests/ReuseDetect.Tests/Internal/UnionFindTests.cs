using ReuseDetect.Internal;

namespace ReuseDetect.Tests.Internal;

public sealed class UnionFindTests
{
    [Fact]
    public void Should_give_the_sets_ascending_in_order_of_their_smallest_element()
    {
        // Given unions made in no particular order
        var uf = new UnionFind(8);
        uf.Union(6, 1);
        uf.Union(3, 7);
        uf.Union(1, 4);
        uf.Union(7, 0);
        // When the sets are read
        List<int[]> groups = uf.Groups();
        // Then each set is ascending, and the sets come by their smallest element; singletons included
        Assert.Equal([[0, 3, 7], [1, 4, 6], [2], [5]], groups);
    }

    [Fact]
    public void Should_leave_out_sets_smaller_than_asked()
    {
        var uf = new UnionFind(6);
        uf.Union(4, 5);
        uf.Union(1, 2);
        uf.Union(2, 4);
        Assert.Equal([[1, 2, 4, 5]], uf.Groups(minSize: 2));
    }

    [Fact]
    public void Should_match_a_brute_force_partition_on_random_unions()
    {
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(1, 60);
            var uf = new UnionFind(n);
            int[] label = Enumerable.Range(0, n).ToArray();
            for (int k = random.Next(0, 2 * n); k > 0; k--)
            {
                int x = random.Next(n), y = random.Next(n);
                // Half the unions by roots found first (JoinRoots), half by Union.
                if (k % 2 == 0) uf.Union(x, y);
                else if (uf.Find(x) is int rx && uf.Find(y) is int ry && rx != ry)
                {
                    int root = uf.JoinRoots(rx, ry);
                    Assert.True(root == uf.Find(x) && root == uf.Find(y));
                }
                int from = label[y], to = label[x];
                for (int i = 0; i < n; i++) if (label[i] == from) label[i] = to;
            }
            int minSize = random.Next(1, 4);
            var expected = Enumerable.Range(0, n).GroupBy(i => label[i]).Select(g => g.OrderBy(i => i).ToArray())
                .Where(g => g.Length >= minSize).OrderBy(g => g[0]).ToList();
            Assert.Equal(expected, uf.Groups(minSize));
        }
    }

    [Fact]
    public void Should_give_the_same_sets_when_read_again_and_after_more_unions()
    {
        var uf = new UnionFind(5);
        uf.Union(0, 1);
        Assert.Equal([[0, 1]], uf.Groups(minSize: 2));
        Assert.Equal([[0, 1]], uf.Groups(minSize: 2));
        uf.Union(3, 1);
        uf.Union(2, 4);
        Assert.Equal([[0, 1, 3], [2, 4]], uf.Groups(minSize: 2));
        Assert.Equal([[0, 1, 3], [2, 4]], uf.Groups(minSize: 2));
    }

    [Fact]
    public void Should_forget_the_earlier_sets_when_reset_and_lay_the_sets_end_to_end()
    {
        // Given sets made, then the instance reset to more elements (its arrays grow) and to fewer
        var uf = new UnionFind(3);
        uf.Union(0, 2);
        uf.Reset(6);
        uf.Union(5, 1);
        uf.Union(3, 4);
        Assert.Equal([[1, 5], [3, 4]], uf.Groups(minSize: 2));
        uf.Reset(4);
        uf.Union(3, 2);
        // When the sets are read end to end
        int[] members = new int[4], ends = new int[4];
        int sets = uf.Groups(1, members, ends);
        // Then only the sets made since the reset are there, in the order Groups gives them
        Assert.Equal(3, sets);
        Assert.Equal([0, 1, 2, 3], members);
        Assert.Equal([1, 2, 4], ends[..sets]);
        Assert.Equal([[0], [1], [2, 3]], uf.Groups());
    }

    [Fact]
    public void Should_refuse_to_join_what_are_not_two_distinct_roots()
    {
        var uf = new UnionFind(4);
        uf.Union(0, 1);
        int child = uf.Find(0) == 0 ? 1 : 0;
        Assert.Throws<ArgumentException>(() => uf.JoinRoots(2, 2));
        Assert.Throws<ArgumentException>(() => uf.JoinRoots(child, 2));
        Assert.Equal(uf.Find(0), uf.JoinRoots(uf.Find(0), 2));
        Assert.Equal(uf.Find(2), uf.Find(1));
    }
}
