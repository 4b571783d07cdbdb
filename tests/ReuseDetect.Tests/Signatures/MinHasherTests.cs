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

    /// <summary>
    /// An independent, plain transcription of the documented algorithm (64-bit arithmetic with explicit masks, its own
    /// SplitMix64, a bool array for the filled bins): the known answer every kernel must reproduce.
    /// </summary>
    internal static uint[] Reference(ulong[] shingles, int k, ulong seed)
    {
        const ulong Mask32 = 0xFFFF_FFFFUL;
        ulong state = seed;
        ulong Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        ulong r1 = Next(), r2 = Next(), probeKey = Next();
        ulong ka = r1 & Mask32, ma = (r1 >> 32) | 1, kb = r2 & Mask32, mb = (r2 >> 32) | 1;
        var sig = Enumerable.Repeat(uint.MaxValue, k).ToArray();
        foreach (ulong x in shingles)
        {
            ulong t = (((x >> 32) ^ ka) * ma) & Mask32;
            int bin = (int)(((t >> 16) * (ulong)k) >> 16);
            ulong v = (((x & Mask32) ^ kb) * mb) & Mask32;
            v ^= v >> 15;
            v = Math.Min(v, uint.MaxValue - 1UL);
            if (v < sig[bin]) sig[bin] = (uint)v;
        }
        bool[] filled = [.. sig.Select(v => v != uint.MaxValue)];
        if (!filled.Any(x => x)) return sig;
        int Probe(int bin, ulong attempt)
        {
            ulong saved = state;
            state = probeKey ^ ((ulong)bin << 32 | attempt);
            int j = (int)(((Next() >> 32) * (ulong)k) >> 32);
            state = saved;
            return j;
        }
        for (int i = 0; i < k; i++)
        {
            if (filled[i]) continue;
            // Eight random probes, then a circular walk from a ninth random bin.
            var order = Enumerable.Range(1, 8).Select(t => Probe(i, (ulong)t)).ToList();
            int start = Probe(i, 9);
            order.AddRange(Enumerable.Range(0, k).Select(d => (start + d) % k));
            sig[i] = sig[order.First(j => filled[j])];
        }
        return sig;
    }

    [Fact]
    public void Should_pin_a_small_signature()
    {
        // K = 8, default seed, 3 shingles: at least five bins are empty and borrow through the probe sequence.
        var mh = new MinHasher(8);
        ulong[] shingles = [0x0123456789ABCDEFUL, 42, ulong.MaxValue];
        uint[] expected = Reference(shingles, 8, MinHasher.DefaultSeed);
        Assert.Equal(PinnedSmall, expected);
        foreach (var kernel in SignatureKernels.All)
        {
            var sig = new uint[8];
            mh.Sign(shingles, sig, kernel);
            Assert.Equal(expected, sig);
        }
    }

    // Written down from the reference when the algorithm was introduced: a change to either shows here.
    static readonly uint[] PinnedSmall = [0xB36DB34Bu, 0xA84F245Eu, 0xB36DB34Bu, 0x8C5EBB26u, 0x8C5EBB26u, 0x8C5EBB26u, 0xA84F245Eu, 0x8C5EBB26u];

    [Fact]
    public void Should_match_the_reference_on_a_large_set()
    {
        // K = 40, seed 12345, 1500 SplitMix64 shingles (seed 7): every vector width runs whole blocks and a tail.
        var mh = new MinHasher(40, 12345);
        var shingles = RandomShingles(1500, 7);
        uint[] expected = Reference(shingles, 40, 12345);
        Assert.Equal(PinnedLarge, expected[..8]);
        foreach (var kernel in SignatureKernels.All)
        {
            var sig = new uint[40];
            mh.Sign(shingles, sig, kernel);
            Assert.Equal(expected, sig);
        }
    }

    static readonly uint[] PinnedLarge = [0x048B8D43u, 0x16919466u, 0x02580B11u, 0x0CE8EC24u, 0x03C117A5u, 0x0879B059u, 0x0AE94844u, 0x09D23A57u];

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
        // Not a prefix property: with one-permutation hashing K is the number of bins, so K = 64 and K = 128 differ.
        Assert.NotEqual(new MinHasher(64, 9).Sign(shingles), new MinHasher(128, 9).Sign(shingles)[..64]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    [InlineData(12)]
    [InlineData(MinHasher.MaxPermutations + 8)]
    public void Should_reject_K_that_is_not_a_positive_multiple_of_8_up_to_65536(int k) =>
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
