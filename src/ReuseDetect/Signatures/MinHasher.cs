using System.Buffers;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReuseDetect.Signatures;

/// <summary>
/// MinHash signatures of K values by one-permutation hashing with optimal densification (Li, Owen and Zhang,
/// NIPS 2012; Shrivastava, ICML 2017), instead of K independent permutations.
/// <para>
/// Each shingle hash <c>x</c> (64 bits, already well mixed) is split into two 32-bit halves. The high half picks
/// one of K bins, <c>bin = ((((hi ^ KA) · MA) &gt;&gt; 16) · K) &gt;&gt; 16</c>; the low half gives the value
/// <c>v = mix((lo ^ KB) · MB)</c>, and each bin keeps its smallest value. That is one bin update per shingle, not
/// K multiplies: signing costs O(n + K) instead of O(n · K), which is what lets it run at memory speed.
/// </para>
/// <para>
/// A bin no shingle fell into borrows the value of a non-empty bin chosen by a seeded probe sequence
/// <c>j = P(i, attempt)</c> that depends only on the seed, the bin and the attempt, never on the set. Two sets then
/// agree at position i exactly when the first probed bin that is non-empty in their union has its minimum in their
/// intersection, so <c>Pr[sig_A[i] = sig_B[i]] = J(A, B)</c> at every position, as with K permutations, and the
/// banded signature is a valid LSH. Because bins sample without replacement, the estimate's variance is at most that
/// of K independent permutations once the sets have more than a few K shingles (the paper's Theorem 1).
/// </para>
/// <para>
/// <c>KA, MA, KB, MB</c> and the probe key come from SplitMix64 on the seed, so a signature is a pure function of
/// (shingle set, K, seed) whatever the kernel. Values are capped at <c>uint.MaxValue - 1</c>; <c>uint.MaxValue</c>
/// marks an empty bin, and an empty set signs as all <c>uint.MaxValue</c>.
/// </para>
/// </summary>
[SkipLocalsInit]
sealed partial class MinHasher
{
    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 0x52_45_55_53_45_44_45_54; // "REUSEDET"

    /// <summary>The largest K (the bin index is computed in 32-bit lanes from 16 hash bits).</summary>
    public const int MaxPermutations = 1 << 16;

    const uint Empty = uint.MaxValue;
    const uint MaxValue = uint.MaxValue - 1;

    readonly uint _ka, _ma, _kb, _mb;
    readonly ulong _probeKey;
    // Every bin's random probes, then the start of its circular scan: P(i, attempt) at [i * ProbeRow + attempt - 1].
    readonly ushort[] _probes;
    const int ProbeWidth = 8;
    const int ProbeRow = ProbeWidth + 1;

    /// <summary>Creates a MinHasher with a signature of <paramref name="permutations"/> values (a positive multiple of 8, at most 65,536).</summary>
    public MinHasher(int permutations = 128, ulong seed = DefaultSeed)
    {
        if (permutations <= 0 || permutations % 8 != 0 || permutations > MaxPermutations)
            throw new ArgumentOutOfRangeException(nameof(permutations), permutations,
                $"Permutations must be a positive multiple of 8, at most {MaxPermutations}.");
        Permutations = permutations;
        Seed = seed;
        ulong state = seed;
        ulong r = SplitMix64(ref state);
        _ka = (uint)r;
        _ma = (uint)(r >> 32) | 1u;
        r = SplitMix64(ref state);
        _kb = (uint)r;
        _mb = (uint)(r >> 32) | 1u;
        _probeKey = SplitMix64(ref state);
        // Probe sequence of bin i: ProbeWidth random bins, then every bin in circular order from one more random bin.
        // Eight random probes decide almost every empty bin of a set with more than K/4 shingles; the circular tail
        // bounds the work for tiny sets (a scan of the empty-bin bitmap, a word at a time, instead of ~K/filled hashed
        // attempts) and only raises the correlation between empty bins in that sparse regime. Table: K × (ProbeWidth + 1) 16-bit entries.
        _probes = new ushort[permutations * ProbeRow];
        for (int i = 0; i < permutations; i++)
            for (int t = 0; t < ProbeRow; t++) _probes[i * ProbeRow + t] = (ushort)Probe(i, (uint)t + 1, permutations);
    }

    /// <summary>K, the signature length (the number of bins).</summary>
    public int Permutations { get; }

    /// <summary>The seed the hash constants were drawn from.</summary>
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
        signature.Fill(Empty);
        if (shingles.IsEmpty) return;
        switch (kernel)
        {
            case SignatureKernel.Vector512: BinVector512(shingles, signature); break;
            case SignatureKernel.Vector256: BinVector256(shingles, signature); break;
            case SignatureKernel.Vector128: BinVector128(shingles, signature); break;
            default: BinScalar(shingles, signature); break;
        }
        Densify(signature);
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

    /// <summary>
    /// How far below <paramref name="threshold"/> the estimate of a pair whose Jaccard J is at or above the threshold
    /// may fall: four standard errors of the estimator at its noisiest for J ≥ threshold. The variance of K independent
    /// permutations is J(1 - J)/K; densified one-permutation hashing adds at most as much again when the union of
    /// the two sets is smaller than K, and less for larger sets (measured by <c>MinHasherPropertyTests</c>:
    /// <c>Estimate_is_unbiased_and_no_noisier_than_K_permutations</c>). So σ ≤ √(2 v / K) with v the largest J(1 - J)
    /// over J ≥ threshold (0.25 below 0.5), and an estimate of K positions, a sum of K agreements, falls 4σ short with
    /// probability about 3·10⁻⁵ (normal tail; <c>NearDuplicateRecallTests</c> counts no loss in thousands of signed pairs).
    /// A gap of one position (1/K) is always allowed.
    /// </summary>
    internal static double EstimateSlack(double threshold, int permutations)
    {
        double v = threshold >= 0.5 ? threshold * (1 - threshold) : 0.25;
        return Math.Max(4 * Math.Sqrt(2 * v / permutations), 1.0 / permutations);
    }

    /// <summary>The bin of a shingle's high half (scalar form of the vector kernels' lane arithmetic).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Bin(uint hi, uint ka, uint ma, uint k) => (((hi ^ ka) * ma) >> 16) * k >> 16;

    /// <summary>The value of a shingle's low half, capped below the empty marker.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Value(uint lo, uint kb, uint mb)
    {
        uint v = (lo ^ kb) * mb;
        v ^= v >> 15;
        return Math.Min(v, MaxValue);
    }

    /// <summary>
    /// Optimal densification: every empty bin takes the value of the first bin on its probe sequence that was
    /// non-empty before densification. The sequence depends only on (seed, bin), never on the set, which is what keeps
    /// <c>Pr[sig_A[i] = sig_B[i]] = J</c> for every position.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Densify(Span<uint> signature)
    {
        // Branch-light: the empty bins are walked as set bits of a bitmap, and each one tests its eight table probes
        // at once (a filled flag per probe, the first filled one by tzcnt), so the work per empty bin is a fixed
        // ~30 instructions with no data-dependent branch unless all eight probes miss (sets under ~K/4 shingles).
        int k = signature.Length, words = (k + 63) >> 6;
        ulong[]? rentedBits = null;
        byte[]? rentedFlags = null;
        Span<ulong> empty = words <= 16 ? stackalloc ulong[16] : (rentedBits = ArrayPool<ulong>.Shared.Rent(words));
        empty = empty[..words];
        int emptyCount = EmptyBins(signature, empty);
        if (emptyCount != 0 && emptyCount != k)
        {
            Span<byte> filled = k <= 1024 ? stackalloc byte[1024] : (rentedFlags = ArrayPool<byte>.Shared.Rent(k));
            FilledFlags(signature, filled);
            FillEmptyBins(signature, empty, filled);
        }
        if (rentedBits is not null) ArrayPool<ulong>.Shared.Return(rentedBits);
        if (rentedFlags is not null) ArrayPool<byte>.Shared.Return(rentedFlags);
    }

    /// <summary>Sets bit i of <paramref name="empty"/> for every empty bin i; returns how many there are.</summary>
    static int EmptyBins(ReadOnlySpan<uint> signature, Span<ulong> empty)
    {
        empty.Clear();
        int count = 0, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= signature.Length; i += 8)
            {
                ulong bits = Vector256.Equals(Vector256.Create(signature.Slice(i, 8)), Vector256.Create(Empty)).ExtractMostSignificantBits();
                empty[i >> 6] |= bits << (i & 63);
            }
        }
        for (; i < signature.Length; i++)
            if (signature[i] == Empty) empty[i >> 6] |= 1UL << i;
        foreach (ulong w in empty) count += BitOperations.PopCount(w);
        return count;
    }

    /// <summary>
    /// <paramref name="filled"/>[i] = 1 when bin i is not empty, else 0: sixteen bins per step where 128-bit vectors
    /// are accelerated (each all-ones or zero compare lane narrowed to a byte, plus one), one at a time otherwise.
    /// </summary>
    static void FilledFlags(ReadOnlySpan<uint> signature, Span<byte> filled)
    {
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref byte f = ref MemoryMarshal.GetReference(filled);
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            Vector128<uint> empty = Vector128.Create(Empty);
            for (; i + 16 <= signature.Length; i += 16)
            {
                Vector128<ushort> lo = Vector128.Narrow(
                    Vector128.Equals(Vector128.LoadUnsafe(ref s, (nuint)i), empty),
                    Vector128.Equals(Vector128.LoadUnsafe(ref s, (nuint)(i + 4)), empty));
                Vector128<ushort> hi = Vector128.Narrow(
                    Vector128.Equals(Vector128.LoadUnsafe(ref s, (nuint)(i + 8)), empty),
                    Vector128.Equals(Vector128.LoadUnsafe(ref s, (nuint)(i + 12)), empty));
                (Vector128.Narrow(lo, hi) + Vector128<byte>.One).StoreUnsafe(ref f, (nuint)i);
            }
        }
        for (; i < signature.Length; i++) Unsafe.Add(ref f, i) = Unsafe.Add(ref s, i) == Empty ? (byte)0 : (byte)1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void FillEmptyBins(Span<uint> signature, ReadOnlySpan<ulong> empty, ReadOnlySpan<byte> filled)
    {
        ref uint sig = ref MemoryMarshal.GetReference(signature);
        ref byte f = ref MemoryMarshal.GetReference(filled);
        ref ushort probes = ref MemoryMarshal.GetArrayDataReference(_probes);
        for (int w = 0; w < empty.Length; w++)
        {
            for (ulong bits = empty[w]; bits != 0; bits &= bits - 1)
            {
                int i = (w << 6) + BitOperations.TrailingZeroCount(bits);
                ref ushort row = ref Unsafe.Add(ref probes, i * ProbeRow);
                uint hits = Unsafe.Add(ref f, Unsafe.Add(ref row, 0))
                    | (uint)Unsafe.Add(ref f, Unsafe.Add(ref row, 1)) << 1
                    | (uint)Unsafe.Add(ref f, Unsafe.Add(ref row, 2)) << 2
                    | (uint)Unsafe.Add(ref f, Unsafe.Add(ref row, 3)) << 3
                    | (uint)Unsafe.Add(ref f, Unsafe.Add(ref row, 4)) << 4
                    | (uint)Unsafe.Add(ref f, Unsafe.Add(ref row, 5)) << 5
                    | (uint)Unsafe.Add(ref f, Unsafe.Add(ref row, 6)) << 6
                    | (uint)Unsafe.Add(ref f, Unsafe.Add(ref row, 7)) << 7;
                int from = hits != 0 ? Unsafe.Add(ref row, BitOperations.TrailingZeroCount(hits)) : CircularProbe(empty, Unsafe.Add(ref row, ProbeWidth), signature.Length);
                Unsafe.Add(ref sig, i) = Unsafe.Add(ref sig, from);
            }
        }
    }

    /// <summary>The first bin at or after <paramref name="start"/> (circularly) that is not marked empty: a word of the bitmap at a time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int CircularProbe(ReadOnlySpan<ulong> empty, int start, int k)
    {
        int words = empty.Length;
        // Bits past K in the last word are not bins: treat them as empty.
        ulong lastMask = (k & 63) == 0 ? ulong.MaxValue : (1UL << (k & 63)) - 1;
        int w = start >> 6;
        ulong filled = ~empty[w] & (ulong.MaxValue << (start & 63));
        for (int step = 0; step <= words; step++)
        {
            if (w == words - 1) filled &= lastMask;
            if (filled != 0) return (w << 6) + BitOperations.TrailingZeroCount(filled);
            w = w + 1 == words ? 0 : w + 1;
            filled = ~empty[w];
        }
        throw new InvalidOperationException("Densify needs a filled bin.");
    }

    /// <summary>The bin probed at <paramref name="attempt"/> for empty bin <paramref name="bin"/>.</summary>
    int Probe(int bin, uint attempt, int k)
    {
        ulong state = _probeKey ^ ((ulong)(uint)bin << 32 | attempt);
        return (int)((SplitMix64(ref state) >> 32) * (ulong)k >> 32);
    }

    internal static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
