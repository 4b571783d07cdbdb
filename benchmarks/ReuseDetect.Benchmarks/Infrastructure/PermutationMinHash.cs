using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>
/// The baseline the engine's one-permutation MinHash is measured against: classic MinHash with K independent
/// permutations <c>h_i(x) = (x ^ B_i) · A_i mod 2^32</c> over the 32-bit fold of each shingle (what datasketch and
/// the engine before it computed, O(n · K) multiplies), in its best vector form: 8 permutations per Vector256
/// multiply, four blocks of minima kept in registers while streaming over the shingles.
/// </summary>
sealed class PermutationMinHash
{
    readonly uint[] _a;
    readonly uint[] _b;

    internal PermutationMinHash(int permutations, ulong seed = MinHasher.DefaultSeed)
    {
        _a = new uint[permutations];
        _b = new uint[permutations];
        ulong state = seed;
        for (int i = 0; i < permutations; i++)
        {
            ulong r = MinHasher.SplitMix64(ref state);
            _a[i] = (uint)r | 1u;
            _b[i] = (uint)(r >> 32);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Sign(ReadOnlySpan<ulong> shingles, Span<uint> signature, Span<uint> folded)
    {
        const int L = 8;
        signature.Fill(uint.MaxValue);
        for (int i = 0; i < shingles.Length; i++) folded[i] = (uint)shingles[i] ^ (uint)(shingles[i] >> 32);
        ref uint a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref uint b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref uint x0 = ref MemoryMarshal.GetReference(folded);
        int n = shingles.Length;
        for (int p = 0; p + 4 * L <= signature.Length; p += 4 * L)
        {
            Vector256<uint> a0 = Vector256.LoadUnsafe(ref a, (nuint)p), a1 = Vector256.LoadUnsafe(ref a, (nuint)(p + L));
            Vector256<uint> a2 = Vector256.LoadUnsafe(ref a, (nuint)(p + 2 * L)), a3 = Vector256.LoadUnsafe(ref a, (nuint)(p + 3 * L));
            Vector256<uint> b0 = Vector256.LoadUnsafe(ref b, (nuint)p), b1 = Vector256.LoadUnsafe(ref b, (nuint)(p + L));
            Vector256<uint> b2 = Vector256.LoadUnsafe(ref b, (nuint)(p + 2 * L)), b3 = Vector256.LoadUnsafe(ref b, (nuint)(p + 3 * L));
            Vector256<uint> m0 = Vector256.LoadUnsafe(ref s, (nuint)p), m1 = Vector256.LoadUnsafe(ref s, (nuint)(p + L));
            Vector256<uint> m2 = Vector256.LoadUnsafe(ref s, (nuint)(p + 2 * L)), m3 = Vector256.LoadUnsafe(ref s, (nuint)(p + 3 * L));
            for (int i = 0; i < n; i++)
            {
                Vector256<uint> x = Vector256.Create(Unsafe.Add(ref x0, i));
                m0 = Vector256.Min(m0, (x ^ b0) * a0);
                m1 = Vector256.Min(m1, (x ^ b1) * a1);
                m2 = Vector256.Min(m2, (x ^ b2) * a2);
                m3 = Vector256.Min(m3, (x ^ b3) * a3);
            }
            m0.StoreUnsafe(ref s, (nuint)p);
            m1.StoreUnsafe(ref s, (nuint)(p + L));
            m2.StoreUnsafe(ref s, (nuint)(p + 2 * L));
            m3.StoreUnsafe(ref s, (nuint)(p + 3 * L));
        }
    }
}
