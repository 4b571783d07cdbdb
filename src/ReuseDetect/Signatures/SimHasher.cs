using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReuseDetect.Signatures;

/// <summary>
/// SimHash-64 (Charikar 2002) over shingle hashes: bit i of the fingerprint is set when more shingles
/// have bit i set than clear. Near-duplicates are within Hamming distance 3 (Manku et al. 2007).
/// The vector kernel adds a ±1 lane table per hash byte; the scalar kernel counts bit by bit; both are exact integer sums.
/// </summary>
[SkipLocalsInit]
static class SimHasher
{
    // 256 entries × 8 lanes: lane j is +1 when bit j of the byte is set, else -1.
    static readonly int[] s_signs = BuildSigns();

    static int[] BuildSigns()
    {
        var t = new int[256 * 8];
        for (int v = 0; v < 256; v++)
            for (int j = 0; j < 8; j++)
                t[v * 8 + j] = ((v >> j) & 1) != 0 ? 1 : -1;
        return t;
    }

    /// <summary>The SimHash of a shingle multiset with the default kernel. Empty input gives 0.</summary>
    public static ulong Hash(ReadOnlySpan<ulong> shingles) => Hash(shingles, SignatureKernels.Default);

    /// <summary>The SimHash with a named kernel (all agree bit for bit).</summary>
    public static ulong Hash(ReadOnlySpan<ulong> shingles, SignatureKernel kernel)
    {
        Span<int> counts = stackalloc int[64];
        counts.Clear();
        if (kernel != SignatureKernel.Scalar && Vector256.IsHardwareAccelerated) AccumulateVector(shingles, counts);
        else AccumulateScalar(shingles, counts);
        ulong result = 0;
        for (int i = 0; i < 64; i++) if (counts[i] > 0) result |= 1UL << i;
        return result;
    }

    /// <summary>Hamming distance between two fingerprints.</summary>
    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void AccumulateScalar(ReadOnlySpan<ulong> shingles, Span<int> counts)
    {
        foreach (ulong h in shingles)
            for (int i = 0; i < 64; i++)
                counts[i] += ((h >> i) & 1) != 0 ? 1 : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void AccumulateVector(ReadOnlySpan<ulong> shingles, Span<int> counts)
    {
        // Hot loop rules: eight accumulators in registers, table rows loaded by ref, no calls.
        ref int t = ref MemoryMarshal.GetArrayDataReference(s_signs);
        Vector256<int> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        foreach (ulong h in shingles)
        {
            c0 += Vector256.LoadUnsafe(ref t, (nuint)((h & 0xFF) * 8));
            c1 += Vector256.LoadUnsafe(ref t, (nuint)(((h >> 8) & 0xFF) * 8));
            c2 += Vector256.LoadUnsafe(ref t, (nuint)(((h >> 16) & 0xFF) * 8));
            c3 += Vector256.LoadUnsafe(ref t, (nuint)(((h >> 24) & 0xFF) * 8));
            c4 += Vector256.LoadUnsafe(ref t, (nuint)(((h >> 32) & 0xFF) * 8));
            c5 += Vector256.LoadUnsafe(ref t, (nuint)(((h >> 40) & 0xFF) * 8));
            c6 += Vector256.LoadUnsafe(ref t, (nuint)(((h >> 48) & 0xFF) * 8));
            c7 += Vector256.LoadUnsafe(ref t, (nuint)((h >> 56) * 8));
        }
        ref int c = ref MemoryMarshal.GetReference(counts);
        c0.StoreUnsafe(ref c, 0); c1.StoreUnsafe(ref c, 8); c2.StoreUnsafe(ref c, 16); c3.StoreUnsafe(ref c, 24);
        c4.StoreUnsafe(ref c, 32); c5.StoreUnsafe(ref c, 40); c6.StoreUnsafe(ref c, 48); c7.StoreUnsafe(ref c, 56);
    }
}
