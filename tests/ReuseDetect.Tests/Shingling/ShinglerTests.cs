using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Shingling;

public sealed class ShinglerTests
{
    [Fact]
    public void Should_pin_shingle_hashes_of_fixed_token_hashes()
    {
        // Known answers computed once from the reference loop (n = 3 over token hashes 1..6).
        ulong[] expected = [0x72DB171AACA68119UL, 0x39131C4E9E7FECC9UL, 0x1F9EF95397243205UL, 0x6886D346FB6B444AUL];
        Assert.Equal(expected, Shingler.Hash([1, 2, 3, 4, 5, 6], 3));
        Assert.Equal(0x9D6112438A4D6B92UL, Shingler.Mix([7]));
    }

    [Fact]
    public void Should_pin_shingle_hashes_of_a_sentence()
    {
        // Tokenizer + shingler end to end: 9 tokens, n = 4, so 6 shingles.
        var tokens = Tokenizer.Tokenize("The quick brown fox jumps over the lazy dog");
        ulong[] expected =
        [
            0x48B69B587FB073ABUL, 0x83884DAA54932A3FUL, 0x5CE51B535CDC1FDEUL,
            0x836640B0635E8A33UL, 0xBC87C1893FB94F4CUL, 0xC24B2066E906446BUL,
        ];
        Assert.Equal(expected, Shingler.Hash(tokens.TokenHashes, 4));
    }

    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(1, 5, 1)]
    [InlineData(4, 5, 1)]
    [InlineData(5, 5, 1)]
    [InlineData(9, 5, 5)]
    [InlineData(9, 1, 9)]
    public void Should_count_shingles(int tokens, int n, int expected) => Assert.Equal(expected, Shingler.CountFor(tokens, n));

    [Fact]
    public void Should_make_each_shingle_the_mix_of_its_window()
    {
        // Given token hashes, and a text shorter than n
        ulong[] t = [11, 22, 33, 44, 55];
        // Then every shingle equals Mix of its n tokens, and a short text gives Mix of all its tokens
        var s = Shingler.Hash(t, 2);
        for (int i = 0; i < s.Length; i++) Assert.Equal(Shingler.Mix(t.AsSpan(i, 2)), s[i]);
        Assert.Equal([Shingler.Mix(t)], Shingler.Hash(t, 8));
        Assert.Empty(Shingler.Hash([], 3));
    }

    /// <summary>(token count, n): empty, shorter than n, one block and a tail, n = 1, many blocks, a wide n.</summary>
    public static TheoryData<int, int> KernelShapes() => new() { { 0, 5 }, { 3, 5 }, { 12, 5 }, { 13, 1 }, { 100, 3 }, { 1000, 5 }, { 1007, 8 } };

    [Theory]
    [MemberData(nameof(KernelShapes))]
    public void Should_agree_bit_for_bit_across_kernels(int tokens, int n)
    {
        // Given random token hashes (whole Vector512 blocks and a tail for the longer inputs) and the scalar hashes
        var rng = new Random(tokens * 31 + n);
        var t = new ulong[tokens];
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.AsSpan()));
        int count = Shingler.CountFor(tokens, n);
        var reference = new ulong[count];
        Assert.Equal(count, Shingler.Hash(t, n, reference, SignatureKernel.Scalar));
        for (int i = 0; i < count && tokens >= n; i++) Assert.Equal(Shingler.Mix(t.AsSpan(i, n)), reference[i]);
        // Then every kernel writes the same hashes, and nothing past them
        foreach (var kernel in SignatureKernels.All)
        {
            var d = new ulong[count + 3];
            d.AsSpan(count).Fill(7);
            Assert.Equal(count, Shingler.Hash(t, n, d, kernel));
            Assert.Equal(reference, d[..count]);
            Assert.Equal([7UL, 7UL, 7UL], d[count..]);
        }
    }

    [Fact]
    public void Should_depend_on_token_order()
    {
        Assert.NotEqual(Shingler.Mix([1, 2, 3]), Shingler.Mix([3, 2, 1]));
        Assert.NotEqual(Shingler.Mix([1, 2]), Shingler.Mix([1, 2, 0]));
    }

    [Fact]
    public void Should_reject_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shingler.Hash([1, 2], 0));
        Assert.Throws<ArgumentException>(() => Shingler.Hash([1, 2, 3], 2, new ulong[1]));
    }
}
