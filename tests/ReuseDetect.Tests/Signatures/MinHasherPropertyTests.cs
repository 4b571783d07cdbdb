using FsCheck.Xunit;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Signatures;

/// <summary>Statistical and algebraic properties; each case draws its data from a seeded <see cref="Random"/>, and the FsCheck run is replayed from a fixed seed.</summary>
public sealed class MinHasherPropertyTests
{
    const string Replay = "(20260101,1664525)";

    static ulong[] Draw(Random rng, int count)
    {
        var xs = new ulong[count];
        for (int i = 0; i < count; i++) xs[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
        return xs;
    }

    [Property(MaxTest = 12, Replay = Replay)]
    public bool Jaccard_estimate_mean_absolute_error_is_within_one_over_sqrt_K(int seed)
    {
        // Given 20 random set pairs with Jaccard spread over [0, 1]
        var rng = new Random(seed);
        int k = new[] { 64, 128, 256 }[rng.Next(3)];
        var mh = new MinHasher(k, (ulong)rng.NextInt64());
        double totalError = 0;
        const int Pairs = 20;
        for (int p = 0; p < Pairs; p++)
        {
            int shared = rng.Next(0, 300), onlyA = rng.Next(0, 300), onlyB = rng.Next(0, 300);
            if (shared + onlyA + onlyB == 0) shared = 1;
            var common = Draw(rng, shared);
            ulong[] a = [.. common, .. Draw(rng, onlyA)];
            ulong[] b = [.. common, .. Draw(rng, onlyB)];
            double exact = (double)a.Intersect(b).Count() / a.Union(b).Count();
            // When
            double estimate = MinHasher.Estimate(mh.Sign(a), mh.Sign(b));
            totalError += Math.Abs(estimate - exact);
        }
        // Then the mean absolute error is within 1/sqrt(K) (its expectation is about 0.4/sqrt(K))
        return totalError / Pairs <= 1 / Math.Sqrt(k);
    }

    [Property(MaxTest = 50, Replay = Replay)]
    public bool Signature_ignores_shingle_order_and_duplicates(ulong[] shingles, int seed)
    {
        // Given the set, and a shuffled copy with some elements repeated
        var rng = new Random(seed);
        ulong[] shuffled = [.. shingles, .. shingles.Where(_ => rng.Next(2) == 0)];
        rng.Shuffle(shuffled);
        var mh = new MinHasher(24);
        // Then both sign alike, with every kernel
        return SignatureKernels.All.All(kernel =>
        {
            var s1 = new uint[24];
            var s2 = new uint[24];
            mh.Sign(shingles, s1, kernel);
            mh.Sign(shuffled, s2, kernel);
            return s1.AsSpan().SequenceEqual(s2);
        });
    }

    [Property(MaxTest = 50, Replay = Replay)]
    public bool Identical_sets_estimate_one(ulong[] shingles)
    {
        var mh = new MinHasher(16);
        return shingles.Length == 0 || MinHasher.Estimate(mh.Sign(shingles), mh.Sign([.. shingles.Reverse()])) == 1.0;
    }
}
