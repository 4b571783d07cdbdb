using FsCheck.Xunit;
using ReuseDetect.Alignment;
using ReuseDetect.Internal;
using static ReuseDetect.Alignment.PassageAligner;

namespace ReuseDetect.Tests.Alignment;

/// <summary>
/// The seed chaining walks only the seeds that can be within reach of each seed (buckets by B, a window in A) and skips
/// the wall test for seeds already linked; its chains must be exactly the single-linkage chains of every pair of seeds.
/// </summary>
public sealed class ChainSeedsTests
{
    [Property(MaxTest = 300, Replay = "(20261203,4711)")]
    public bool Should_give_the_chains_of_single_linkage_over_every_pair_of_seeds(int seed)
    {
        // Given seeds of two texts with page furniture here and there: runs along diagonals (a copy, with exact seeds of
        // three tokens and longer content seeds on the same diagonals, some across furniture), and scattered seeds;
        // close and wide reach in B, or close only
        var rng = new Random(seed);
        // (texts of up to 400 words give three buckets in B or fewer, walked in order; longer ones more, walked by bucket)
        int lengthA = rng.Next(30, rng.Next(2) == 0 ? 400 : 1500), lengthB = rng.Next(30, rng.Next(2) == 0 ? 400 : 1500);
        SeedGrams a = Grams(rng, lengthA), b = Grams(rng, lengthB);
        var set = new HashSet<Seed>();
        for (int r = rng.Next(0, 5); r > 0; r--)
        {
            int a0 = rng.Next(lengthA), b0 = rng.Next(lengthB), step = rng.Next(1, 4);
            for (int k = 0, n = rng.Next(2, 60); k < n; k++)
            {
                int pa = a0 + k * step + (rng.Next(10) == 0 ? rng.Next(5, 30) : 0), pb = pa - a0 + b0;
                if (pa >= lengthA - 3 || pb >= lengthB - 3) break;
                bool exact = rng.Next(3) > 0;
                int len = exact ? 3 : rng.Next(2, 9);
                set.Add(new Seed(pa, pb, Math.Min(len, lengthA - pa), Math.Min(rng.Next(4) == 0 ? len + 2 : len, lengthB - pb), exact));
            }
        }
        for (int k = rng.Next(0, 60); k > 0; k--)
        {
            int pa = rng.Next(lengthA - 3), pb = rng.Next(lengthB - 3);
            set.Add(new Seed(pa, pb, 3, 3, rng.Next(2) == 0));
        }
        Seed[] seeds = [.. set.Order()];
        int gap = rng.Next(1, 25), closeB = rng.Next(1, 25), wideB = rng.Next(3) switch { 0 => -1, 1 => closeB + rng.Next(0, 80), _ => rng.Next(0, closeB + 1) };
        var evidence = new Evidence(a, b, DistinctiveAnchor: false);
        var work = new Scratch();
        // When they are chained
        ChainSeeds(seeds, gap, closeB, wideB, evidence, work);
        // Then the close and the wide chains are those of single linkage over all pairs, set for set and in order
        bool close = Same(work.CloseChains, BruteForce(seeds, gap, closeB, a, b));
        bool wide = wideB < 0 ? work.WideChains.Count == 0 : Same(work.WideChains, BruteForce(seeds, gap, wideB, a, b));
        return close && wide;
    }

    /// <summary>Seed grams of a text of <paramref name="length"/> tokens, a few of them page furniture (a wall for chains).</summary>
    static SeedGrams Grams(Random rng, int length)
    {
        byte[] kinds = new byte[length];
        for (int i = 0; i < length; i++) kinds[i] = rng.Next(40) == 0 ? WordKinds.Blocked : (byte)0;
        ulong[] hashes = new ulong[length];
        return new SeedGrams(length, GramTable.Create(hashes, null, 3, length, 1000), null, null, kinds, (3, 0, 1000));
    }

    static List<int[]> BruteForce(Seed[] seeds, int gap, int reachB, SeedGrams a, SeedGrams b)
    {
        static int Distance(int s1, int e1, int s2, int e2) => Math.Max(0, Math.Max(s2 - e1, s1 - e2));
        var sets = new UnionFind(seeds.Length);
        for (int i = 0; i < seeds.Length; i++)
            for (int j = 0; j < i; j++)
            {
                Seed x = seeds[i], y = seeds[j];
                if (Distance(x.A, x.AEnd, y.A, y.AEnd) <= gap && Distance(x.B, x.BEnd, y.B, y.BEnd) <= reachB
                    && !a.Walled(Math.Min(x.A, y.A), Math.Max(x.AEnd, y.AEnd)) && !b.Walled(Math.Min(x.B, y.B), Math.Max(x.BEnd, y.BEnd)))
                    sets.Union(i, j);
            }
        return sets.Groups(minSize: 2);
    }

    static bool Same(List<ArraySegment<int>> chains, List<int[]> expected) =>
        chains.Count == expected.Count && chains.Zip(expected).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
