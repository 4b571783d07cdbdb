using System.Buffers;
using System.Runtime.CompilerServices;

namespace ReuseDetect.Signatures;

/// <summary>
/// MinHash with K permutations over 64-bit shingle hashes. Each shingle is folded to 32 bits
/// (<c>x = lo ^ hi</c>) and permutation i is the bijection <c>h_i(x) = (x ^ B_i) * A_i mod 2^32</c>
/// with A_i odd; the signature keeps the minimum per permutation. One 32-bit multiply per lane lets
/// Vector256 do 8 permutations per instruction. <c>A</c>, <c>B</c> come from SplitMix64 on a seed, so a
/// signature is a pure function of (shingle set, K, seed) whatever the kernel.
/// </summary>
[SkipLocalsInit]
public sealed partial class MinHasher
{
    /// <summary>The default permutation seed.</summary>
    public const ulong DefaultSeed = 0x52_45_55_53_45_44_45_54; // "REUSEDET"

    readonly uint[] _a;
    readonly uint[] _b;

    /// <summary>Creates a MinHasher with <paramref name="permutations"/> permutations (a positive multiple of 8).</summary>
    public MinHasher(int permutations = 128, ulong seed = DefaultSeed)
    {
        if (permutations <= 0 || permutations % 8 != 0)
            throw new ArgumentOutOfRangeException(nameof(permutations), permutations, "Permutations must be a positive multiple of 8.");
        Permutations = permutations;
        Seed = seed;
        _a = new uint[permutations];
        _b = new uint[permutations];
        ulong state = seed;
        for (int i = 0; i < permutations; i++)
        {
            ulong r = SplitMix64(ref state);
            _a[i] = (uint)r | 1u;
            _b[i] = (uint)(r >> 32);
        }
    }

    /// <summary>K, the signature length.</summary>
    public int Permutations { get; }

    /// <summary>The seed the permutations were drawn from.</summary>
    public ulong Seed { get; }

    /// <summary>Signs a shingle set with the default kernel. An empty set gives all <see cref="uint.MaxValue"/>.</summary>
    public void Sign(ReadOnlySpan<ulong> shingles, Span<uint> signature) => Sign(shingles, signature, SignatureKernels.Default);

    /// <summary>Signs a shingle set and returns a new signature array.</summary>
    public uint[] Sign(ReadOnlySpan<ulong> shingles)
    {
        var sig = new uint[Permutations];
        Sign(shingles, sig);
        return sig;
    }

    /// <summary>Signs with a named kernel (all kernels agree bit for bit).</summary>
    public void Sign(ReadOnlySpan<ulong> shingles, Span<uint> signature, SignatureKernel kernel)
    {
        if (signature.Length < Permutations)
            throw new ArgumentException($"Signature needs {Permutations} entries.", nameof(signature));
        signature = signature[..Permutations];
        signature.Fill(uint.MaxValue);
        if (shingles.IsEmpty) return;
        uint[]? rented = null;
        Span<uint> xs = shingles.Length <= 1024 ? stackalloc uint[1024] : (rented = ArrayPool<uint>.Shared.Rent(shingles.Length));
        xs = xs[..shingles.Length];
        Fold(shingles, xs);
        switch (kernel)
        {
            case SignatureKernel.Vector512: SignVector512(xs, signature); break;
            case SignatureKernel.Vector256: SignVector256(xs, signature); break;
            case SignatureKernel.Vector128: SignVector128(xs, signature); break;
            default: SignScalar(xs, signature); break;
        }
        if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
    }

    /// <summary>Estimated Jaccard similarity: the fraction of equal positions.</summary>
    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("Signatures differ in length.", nameof(b));
        if (a.IsEmpty) return 0;
        int eq = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) eq++;
        return (double)eq / a.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Fold(ReadOnlySpan<ulong> shingles, Span<uint> xs)
    {
        for (int i = 0; i < shingles.Length; i++)
        {
            ulong s = shingles[i];
            xs[i] = (uint)s ^ (uint)(s >> 32);
        }
    }

    internal static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
