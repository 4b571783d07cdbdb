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
        // Vector128 runs where 256-bit vectors are not accelerated: a native build for the least x64 instruction set has
        // 128-bit vectors only, and there the scalar loop was a twentieth of a whole scan's CPU.
        if (kernel == SignatureKernel.Scalar || !Vector128.IsHardwareAccelerated) AccumulateScalar(shingles, counts);
        else if (kernel != SignatureKernel.Vector128 && Vector256.IsHardwareAccelerated) AccumulateVector(shingles, counts);
        else AccumulateVector128(shingles, counts);
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

    /// <summary>
    /// The 128-bit form of <see cref="AccumulateVector"/>: each table row (the signs of one byte's eight bits) is two
    /// vectors, so the 64 counters are sixteen accumulators, which x64's sixteen vector registers hold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void AccumulateVector128(ReadOnlySpan<ulong> shingles, Span<int> counts)
    {
        ref int t = ref MemoryMarshal.GetArrayDataReference(s_signs);
        Vector128<int> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
        Vector128<int> a4 = default, b4 = default, a5 = default, b5 = default, a6 = default, b6 = default, a7 = default, b7 = default;
        foreach (ulong h in shingles)
        {
            nuint r0 = (nuint)((h & 0xFF) * 8), r1 = (nuint)(((h >> 8) & 0xFF) * 8), r2 = (nuint)(((h >> 16) & 0xFF) * 8), r3 = (nuint)(((h >> 24) & 0xFF) * 8);
            nuint r4 = (nuint)(((h >> 32) & 0xFF) * 8), r5 = (nuint)(((h >> 40) & 0xFF) * 8), r6 = (nuint)(((h >> 48) & 0xFF) * 8), r7 = (nuint)((h >> 56) * 8);
            a0 += Vector128.LoadUnsafe(ref t, r0); b0 += Vector128.LoadUnsafe(ref t, r0 + 4);
            a1 += Vector128.LoadUnsafe(ref t, r1); b1 += Vector128.LoadUnsafe(ref t, r1 + 4);
            a2 += Vector128.LoadUnsafe(ref t, r2); b2 += Vector128.LoadUnsafe(ref t, r2 + 4);
            a3 += Vector128.LoadUnsafe(ref t, r3); b3 += Vector128.LoadUnsafe(ref t, r3 + 4);
            a4 += Vector128.LoadUnsafe(ref t, r4); b4 += Vector128.LoadUnsafe(ref t, r4 + 4);
            a5 += Vector128.LoadUnsafe(ref t, r5); b5 += Vector128.LoadUnsafe(ref t, r5 + 4);
            a6 += Vector128.LoadUnsafe(ref t, r6); b6 += Vector128.LoadUnsafe(ref t, r6 + 4);
            a7 += Vector128.LoadUnsafe(ref t, r7); b7 += Vector128.LoadUnsafe(ref t, r7 + 4);
        }
        ref int c = ref MemoryMarshal.GetReference(counts);
        a0.StoreUnsafe(ref c, 0); b0.StoreUnsafe(ref c, 4); a1.StoreUnsafe(ref c, 8); b1.StoreUnsafe(ref c, 12);
        a2.StoreUnsafe(ref c, 16); b2.StoreUnsafe(ref c, 20); a3.StoreUnsafe(ref c, 24); b3.StoreUnsafe(ref c, 28);
        a4.StoreUnsafe(ref c, 32); b4.StoreUnsafe(ref c, 36); a5.StoreUnsafe(ref c, 40); b5.StoreUnsafe(ref c, 44);
        a6.StoreUnsafe(ref c, 48); b6.StoreUnsafe(ref c, 52); a7.StoreUnsafe(ref c, 56); b7.StoreUnsafe(ref c, 60);
    }
}
