using FsCheck.Xunit;
using ReuseDetect.Candidates;
using ReuseDetect.Signatures;
using static ReuseDetect.Tests.Signatures.MinHasherPropertyTests;

namespace ReuseDetect.Tests.Candidates;

/// <summary>
/// The near-duplicate candidate stage keeps the pairs at or above the threshold: LSH bands chosen for recall at the
/// threshold (by the S-curve, and measured on real densified one-permutation signatures), and an estimate slack that
/// loses no true pair.
/// </summary>
public sealed class NearDuplicateRecallTests
{
    [Theory]
    [InlineData(0.7, 64)]
    [InlineData(0.5, 128)]
    [InlineData(0.7, 128)]
    [InlineData(0.8, 128)]
    [InlineData(0.9, 128)]
    [InlineData(0.95, 128)]
    [InlineData(0.8, 256)]
    public void Should_make_a_pair_at_the_threshold_a_candidate_with_probability_at_least_0_995(double threshold, int k)
    {
        LshBanding b = LshBanding.ForThreshold(threshold, k);
        Assert.True(b.Bands * b.Rows <= k, b.ToString());
        Assert.True(b.CandidateProbability(threshold) >= LshBanding.DefaultMinRecall, $"{b}: P({threshold}) = {b.CandidateProbability(threshold):F4}");
        // And the S-curve still turns below it: a pair at half the threshold is more likely left out than in
        Assert.True(b.CandidateProbability(threshold / 2) < 0.5, $"{b}: P({threshold / 2}) = {b.CandidateProbability(threshold / 2):F4}");
    }

    [Fact]
    public void Should_choose_the_fewest_false_positives_among_the_shapes_that_reach_the_recall()
    {
        // The default for 0.8 and K = 128: rows 6 reach 0.995 with 18 bands; 7 rows would need more than 128 positions.
        Assert.Equal(new LshBanding(18, 6), LshBanding.ForThreshold(0.8, 128));
        // A shape with one band fewer misses the recall; one more band only adds false positives.
        Assert.True(new LshBanding(17, 6).CandidateProbability(0.8) < LshBanding.DefaultMinRecall);
        Assert.True(new LshBanding(19, 6).CandidateProbability(0.5) > new LshBanding(18, 6).CandidateProbability(0.5));
        // Asked for less recall, it trades it for fewer false positives
        LshBanding loose = LshBanding.ForThreshold(0.8, 128, minRecall: 0.9);
        Assert.True(loose.CandidateProbability(0.6) < new LshBanding(18, 6).CandidateProbability(0.6), loose.ToString());
    }

    [Property(MaxTest = 200, Replay = "(20260101,1664525)")]
    public bool Every_threshold_and_K_gets_the_recall_when_any_shape_can(byte t, byte k8)
    {
        double threshold = 0.2 + 0.8 * (t / 255.0);
        int k = 8 * (1 + k8 % 32);
        LshBanding b = LshBanding.ForThreshold(threshold, k);
        // r = 1 and b = K is the most recall any shape has
        bool reachable = 1 - Math.Pow(1 - threshold, k) >= LshBanding.DefaultMinRecall;
        return b.Bands * b.Rows <= k && (!reachable || b.CandidateProbability(threshold) >= LshBanding.DefaultMinRecall);
    }

    [Theory]
    [InlineData(0.5, 40)] //   union smaller than K: most bins borrow through densification
    [InlineData(0.5, 600)]
    [InlineData(0.7, 60)]
    [InlineData(0.7, 400)]
    [InlineData(0.8, 20)] //   16 of 20 shingles shared
    [InlineData(0.8, 100)]
    [InlineData(0.8, 500)]
    [InlineData(0.8, 3000)]
    [InlineData(0.9, 50)]
    [InlineData(0.9, 1000)]
    public void Should_keep_signed_pairs_at_the_threshold_through_the_bands_and_the_estimate_slack(double threshold, int union)
    {
        // Given 1,000 pairs of sets with Jaccard exactly at the threshold, each signed under its own seed (K = 128)
        const int K = 128, Pairs = 1000;
        LshBanding banding = LshBanding.ForThreshold(threshold, K);
        double slack = MinHasher.EstimateSlack(threshold, K);
        int shared = (int)Math.Round(threshold * union), only = union - shared;
        double j = (double)shared / union;
        var rng = new Random(union * 31 + (int)(threshold * 100));
        int candidates = 0, kept = 0;
        Span<ulong> ka = stackalloc ulong[banding.Bands], kb = stackalloc ulong[banding.Bands];
        for (int p = 0; p < Pairs; p++)
        {
            ulong[] common = Draw(rng, shared);
            ulong[] a = [.. common, .. Draw(rng, only / 2)];
            ulong[] b = [.. common, .. Draw(rng, only - only / 2)];
            var mh = new MinHasher(K, (ulong)rng.NextInt64());
            uint[] sa = mh.Sign(a), sb = mh.Sign(b);
            banding.Keys(sa, ka);
            banding.Keys(sb, kb);
            bool candidate = false;
            for (int i = 0; i < banding.Bands; i++) candidate |= ka[i] == kb[i];
            if (!candidate) continue;
            candidates++;
            if (MinHasher.Estimate(sa, sb) >= threshold - slack) kept++;
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"J = {j:F3}, union {union}, {banding}: {candidates} of {Pairs} candidates, {kept} kept by the estimate (slack {slack:F3})");
        // Then at least 99 % become candidates (0.995 in theory; three standard errors of 1,000 draws below), and
        // the estimate check drops none of them
        Assert.True(candidates >= 0.985 * Pairs, $"J = {j:F3}, union {union}: {candidates} of {Pairs} candidates with {banding}");
        Assert.Equal(candidates, kept);
    }
}
