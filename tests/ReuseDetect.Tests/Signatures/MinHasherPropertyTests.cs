using FsCheck.Xunit;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Signatures;

/// <summary>Statistical and algebraic properties; each case draws its data from a seeded <see cref="Random"/>, and the FsCheck run is replayed from a fixed seed.</summary>
public sealed class MinHasherPropertyTests
{
    const string Replay = "(20260101,1664525)";

    /// <summary><paramref name="count"/> random 64-bit shingle hashes (distinct with overwhelming probability).</summary>
    internal static ulong[] Draw(Random rng, int count)
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

    [Theory]
    [InlineData(200, 100, 100)] // J = 0.5, 400 shingles in the union: most of the 128 bins are filled
    [InlineData(600, 150, 50)] //  J = 0.75, 800 in the union
    [InlineData(10, 5, 5)] //     J = 0.5, 20 in the union: over 100 of 128 bins borrow through densification
    [InlineData(3, 30, 30)] //    J = 0.048, a near miss
    public void Estimate_is_unbiased_and_no_noisier_than_K_permutations(int shared, int onlyA, int onlyB)
    {
        // Given one pair of sets, signed under 400 seeds with K = 128
        const int K = 128, Seeds = 400;
        var rng = new Random(shared * 1_000_003 + onlyA * 1009 + onlyB);
        var common = Draw(rng, shared);
        ulong[] a = [.. common, .. Draw(rng, onlyA)];
        ulong[] b = [.. common, .. Draw(rng, onlyB)];
        double j = (double)shared / (shared + onlyA + onlyB);
        double sum = 0, squares = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            var mh = new MinHasher(K, (ulong)seed * 0x9E3779B97F4A7C15UL + 1);
            double error = MinHasher.Estimate(mh.Sign(a), mh.Sign(b)) - j;
            sum += error;
            squares += error * error;
        }
        // Then the mean error is within four standard errors of K independent permutations' estimate
        double permutationVariance = j * (1 - j) / K;
        Assert.InRange(sum / Seeds, -4 * Math.Sqrt(permutationVariance / Seeds), 4 * Math.Sqrt(permutationVariance / Seeds));
        // And the mean squared error is no worse than K permutations' variance, allowing for sampling noise
        // (an estimated variance over 400 draws is within ±15 % of the truth at about two standard errors) and,
        // for a union smaller than K, the extra variance densification is known to add (at most 2×).
        double allowance = shared + onlyA + onlyB >= 2 * K ? 1.2 : 2.0;
        Assert.True(squares / Seeds <= allowance * permutationVariance,
            $"MSE {squares / Seeds:E3} against K-permutation variance {permutationVariance:E3} (J = {j:F3})");
    }
}
