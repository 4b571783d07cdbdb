using FsCheck.Xunit;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Signatures;

public sealed class SimHasherTests
{
    [Fact]
    public void Should_take_the_majority_of_each_bit()
    {
        // bit 0: +1 +1 -1 > 0, set; bit 1: -1 -1 +1 < 0, clear; every other bit: -3, clear.
        Assert.Equal(1UL, SimHasher.Hash([0b01, 0b01, 0b10], SignatureKernel.Scalar));
        // A tie (count 0) leaves the bit clear.
        Assert.Equal(0UL, SimHasher.Hash([0b01, 0b10], SignatureKernel.Scalar));
        // One shingle is its own fingerprint; no shingle gives 0.
        Assert.Equal(0xDEADBEEF_F00DCAFEUL, SimHasher.Hash([0xDEADBEEF_F00DCAFEUL], SignatureKernel.Scalar));
        Assert.Equal(0UL, SimHasher.Hash([], SignatureKernel.Scalar));
        // High bits: bit 63 set twice, clear once.
        Assert.Equal(1UL << 63, SimHasher.Hash([1UL << 63, 1UL << 63, 0], SignatureKernel.Scalar));
    }

    [Fact]
    public void Should_pin_the_fingerprint_of_random_shingles()
    {
        // 1500 SplitMix64 shingles (seed 7), computed once with the scalar kernel; the vector kernel uses the ±1 byte table.
        var shingles = MinHasherTests.RandomShingles(1500, 7);
        foreach (var kernel in SignatureKernels.All)
            Assert.Equal(0x744B5AB17830C2CEUL, SimHasher.Hash(shingles, kernel));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1025)]
    [InlineData(5000)]
    public void Should_agree_bit_for_bit_across_kernels(int count)
    {
        var rng = new Random(count);
        // Few distinct values so that ties and near-ties occur.
        var shingles = new ulong[count];
        for (int i = 0; i < count; i++) shingles[i] = (ulong)rng.Next(4) * 0x5555_0000_FFFF_0001UL;
        var random = MinHasherTests.RandomShingles(count, 11);
        foreach (var kernel in SignatureKernels.All)
        {
            Assert.Equal(SimHasher.Hash(shingles, SignatureKernel.Scalar), SimHasher.Hash(shingles, kernel));
            Assert.Equal(SimHasher.Hash(random, SignatureKernel.Scalar), SimHasher.Hash(random, kernel));
        }
    }

    [Property(MaxTest = 100, Replay = "(20260101,1664525)")]
    public bool Distance_is_symmetric_and_bounded(ulong a, ulong b) =>
        SimHasher.Distance(a, b) == SimHasher.Distance(b, a) && SimHasher.Distance(a, a) == 0
        && SimHasher.Distance(a, b) is >= 0 and <= 64;

    [Property(MaxTest = 50, Replay = "(20260101,1664525)")]
    public bool Equal_multisets_are_at_distance_zero(ulong[] shingles, int seed)
    {
        ulong[] shuffled = [.. shingles];
        new Random(seed).Shuffle(shuffled);
        return SignatureKernels.All.All(k => SimHasher.Distance(SimHasher.Hash(shingles, k), SimHasher.Hash(shuffled, k)) == 0);
    }
}
