using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Signatures;

public sealed class MinHasherTests
{
    internal static ulong[] RandomShingles(int count, ulong seed)
    {
        var xs = new ulong[count];
        ulong state = seed;
        for (int i = 0; i < count; i++) xs[i] = MinHasher.SplitMix64(ref state);
        return xs;
    }

    [Fact]
    public void Should_pin_a_small_signature()
    {
        // K = 8, default seed, 3 shingles, scalar reference. With the default kernel on AVX2 this is one
        // Vector256 tail block (no 4-block pass); on Vector128 two single blocks; on Vector512 the 256-bit tail.
        var mh = new MinHasher(8);
        uint[] expected = [0x2FB531DFu, 0x92708C78u, 0x26EA79CEu, 0x2AA6F8C1u, 0x5D3D83F4u, 0x8A1B906Cu, 0x1EDFD3DBu, 0x1A7D0DCFu];
        foreach (var kernel in SignatureKernels.All)
        {
            var sig = new uint[8];
            mh.Sign([0x0123456789ABCDEFUL, 42, ulong.MaxValue], sig, kernel);
            Assert.Equal(expected, sig);
        }
    }

    [Fact]
    public void Should_pin_a_signature_over_a_rented_buffer()
    {
        // K = 40, seed 12345, 1500 SplitMix64 shingles (seed 7): more than 1024 shingles, so the folded
        // input comes from the array pool. Vector256: one 4-block pass (32) + one single block (8);
        // Vector512: one 2-block pass (32) + the 256-bit tail (8); Vector128: two 4-block passes + two singles.
        var mh = new MinHasher(40, 12345);
        uint[] expected =
        [
            0x00A7E650u, 0x0012F54Eu, 0x0024B079u, 0x0005BBF9u, 0x000C9A33u, 0x001FD906u, 0x01582884u, 0x00045FABu,
            0x00249C1Du, 0x00273AC2u, 0x001DB677u, 0x006C8CDCu, 0x000B23D7u, 0x000FB8B2u, 0x0027AB4Du, 0x000A1A4Bu,
            0x000B8E58u, 0x004F4D0Du, 0x004EB5F1u, 0x0000421Cu, 0x00278B3Eu, 0x000249A5u, 0x002D78A1u, 0x002FD701u,
            0x0013A498u, 0x007E7757u, 0x001B3D5Fu, 0x003DE5FAu, 0x00011B6Bu, 0x0075F91Eu, 0x001247DDu, 0x000A7BD1u,
            0x003D8BD6u, 0x00248E39u, 0x00086E3Cu, 0x003F15E0u, 0x00272CC3u, 0x000503DDu, 0x0054BEA2u, 0x002DD224u,
        ];
        var shingles = RandomShingles(1500, 7);
        foreach (var kernel in SignatureKernels.All)
        {
            var sig = new uint[40];
            mh.Sign(shingles, sig, kernel);
            Assert.Equal(expected, sig);
        }
    }

    public static TheoryData<int, int> Shapes()
    {
        var data = new TheoryData<int, int>();
        foreach (int k in new[] { 8, 24, 128, 200 })
            foreach (int n in new[] { 0, 1, 7, 1025, 5000 })
                data.Add(k, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Should_agree_bit_for_bit_across_kernels(int permutations, int shingleCount)
    {
        // Given a random shingle set and the scalar reference signature
        var mh = new MinHasher(permutations, (ulong)(permutations * 31 + shingleCount));
        var shingles = RandomShingles(shingleCount, (ulong)shingleCount + 1);
        var reference = new uint[permutations];
        mh.Sign(shingles, reference, SignatureKernel.Scalar);
        // Then every kernel gives the same signature (written into a longer buffer whose tail is untouched)
        foreach (var kernel in SignatureKernels.All)
        {
            var sig = new uint[permutations + 3];
            sig.AsSpan(permutations).Fill(7);
            mh.Sign(shingles, sig, kernel);
            Assert.Equal(reference, sig[..permutations]);
            Assert.Equal([7u, 7u, 7u], sig[permutations..]);
        }
        if (shingleCount == 0) Assert.All(reference, v => Assert.Equal(uint.MaxValue, v));
    }

    [Fact]
    public void Should_be_a_pure_function_of_set_K_and_seed()
    {
        var shingles = RandomShingles(100, 3);
        Assert.Equal(new MinHasher(64, 9).Sign(shingles), new MinHasher(64, 9).Sign(shingles));
        Assert.NotEqual(new MinHasher(64, 9).Sign(shingles), new MinHasher(64, 10).Sign(shingles));
        // A larger K extends the smaller one: permutation i depends only on the seed and i.
        Assert.Equal(new MinHasher(64, 9).Sign(shingles), new MinHasher(128, 9).Sign(shingles)[..64]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    [InlineData(12)]
    public void Should_reject_K_that_is_not_a_positive_multiple_of_8(int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHasher(k));

    [Fact]
    public void Should_reject_a_short_signature_buffer_and_mismatched_estimates()
    {
        var mh = new MinHasher(16);
        Assert.Throws<ArgumentException>(() => mh.Sign([1UL], new uint[8]));
        Assert.Throws<ArgumentException>(() => MinHasher.Estimate(new uint[8], new uint[16]));
        Assert.Equal(0, MinHasher.Estimate([], []));
        Assert.Equal(0.5, MinHasher.Estimate([1, 2, 3, 4], [1, 9, 3, 9]));
    }
}
