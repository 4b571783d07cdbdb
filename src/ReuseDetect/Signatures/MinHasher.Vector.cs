using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReuseDetect.Signatures;

public sealed partial class MinHasher
{
    // Each kernel walks the permutations in blocks of four vectors, keeping the four running minima in
    // registers while it streams over all shingles (one broadcast per shingle per block), then the tail
    // blocks one vector at a time. Hot loop rules: locals only, ref + Unsafe.Add, no calls in the loops.

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void SignVector256(ReadOnlySpan<uint> xs, Span<uint> signature)
    {
        const int L = 8;
        ref uint a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref uint b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref uint x0 = ref MemoryMarshal.GetReference(xs);
        int n = xs.Length, k = signature.Length, p = 0;
        for (; p + 4 * L <= k; p += 4 * L)
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
        for (; p + L <= k; p += L)
        {
            Vector256<uint> a0 = Vector256.LoadUnsafe(ref a, (nuint)p), b0 = Vector256.LoadUnsafe(ref b, (nuint)p);
            Vector256<uint> m0 = Vector256.LoadUnsafe(ref s, (nuint)p);
            for (int i = 0; i < n; i++) m0 = Vector256.Min(m0, (Vector256.Create(Unsafe.Add(ref x0, i)) ^ b0) * a0);
            m0.StoreUnsafe(ref s, (nuint)p);
        }
        if (p < k) SignScalarTail(xs, signature, p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void SignVector128(ReadOnlySpan<uint> xs, Span<uint> signature)
    {
        const int L = 4;
        ref uint a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref uint b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref uint x0 = ref MemoryMarshal.GetReference(xs);
        int n = xs.Length, k = signature.Length, p = 0;
        for (; p + 4 * L <= k; p += 4 * L)
        {
            Vector128<uint> a0 = Vector128.LoadUnsafe(ref a, (nuint)p), a1 = Vector128.LoadUnsafe(ref a, (nuint)(p + L));
            Vector128<uint> a2 = Vector128.LoadUnsafe(ref a, (nuint)(p + 2 * L)), a3 = Vector128.LoadUnsafe(ref a, (nuint)(p + 3 * L));
            Vector128<uint> b0 = Vector128.LoadUnsafe(ref b, (nuint)p), b1 = Vector128.LoadUnsafe(ref b, (nuint)(p + L));
            Vector128<uint> b2 = Vector128.LoadUnsafe(ref b, (nuint)(p + 2 * L)), b3 = Vector128.LoadUnsafe(ref b, (nuint)(p + 3 * L));
            Vector128<uint> m0 = Vector128.LoadUnsafe(ref s, (nuint)p), m1 = Vector128.LoadUnsafe(ref s, (nuint)(p + L));
            Vector128<uint> m2 = Vector128.LoadUnsafe(ref s, (nuint)(p + 2 * L)), m3 = Vector128.LoadUnsafe(ref s, (nuint)(p + 3 * L));
            for (int i = 0; i < n; i++)
            {
                Vector128<uint> x = Vector128.Create(Unsafe.Add(ref x0, i));
                m0 = Vector128.Min(m0, (x ^ b0) * a0);
                m1 = Vector128.Min(m1, (x ^ b1) * a1);
                m2 = Vector128.Min(m2, (x ^ b2) * a2);
                m3 = Vector128.Min(m3, (x ^ b3) * a3);
            }
            m0.StoreUnsafe(ref s, (nuint)p);
            m1.StoreUnsafe(ref s, (nuint)(p + L));
            m2.StoreUnsafe(ref s, (nuint)(p + 2 * L));
            m3.StoreUnsafe(ref s, (nuint)(p + 3 * L));
        }
        for (; p + L <= k; p += L)
        {
            Vector128<uint> a0 = Vector128.LoadUnsafe(ref a, (nuint)p), b0 = Vector128.LoadUnsafe(ref b, (nuint)p);
            Vector128<uint> m0 = Vector128.LoadUnsafe(ref s, (nuint)p);
            for (int i = 0; i < n; i++) m0 = Vector128.Min(m0, (Vector128.Create(Unsafe.Add(ref x0, i)) ^ b0) * a0);
            m0.StoreUnsafe(ref s, (nuint)p);
        }
        if (p < k) SignScalarTail(xs, signature, p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void SignVector512(ReadOnlySpan<uint> xs, Span<uint> signature)
    {
        const int L = 16;
        ref uint a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref uint b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref uint x0 = ref MemoryMarshal.GetReference(xs);
        int n = xs.Length, k = signature.Length, p = 0;
        for (; p + 2 * L <= k; p += 2 * L)
        {
            Vector512<uint> a0 = Vector512.LoadUnsafe(ref a, (nuint)p), a1 = Vector512.LoadUnsafe(ref a, (nuint)(p + L));
            Vector512<uint> b0 = Vector512.LoadUnsafe(ref b, (nuint)p), b1 = Vector512.LoadUnsafe(ref b, (nuint)(p + L));
            Vector512<uint> m0 = Vector512.LoadUnsafe(ref s, (nuint)p), m1 = Vector512.LoadUnsafe(ref s, (nuint)(p + L));
            for (int i = 0; i < n; i++)
            {
                Vector512<uint> x = Vector512.Create(Unsafe.Add(ref x0, i));
                m0 = Vector512.Min(m0, (x ^ b0) * a0);
                m1 = Vector512.Min(m1, (x ^ b1) * a1);
            }
            m0.StoreUnsafe(ref s, (nuint)p);
            m1.StoreUnsafe(ref s, (nuint)(p + L));
        }
        for (; p + L <= k; p += L)
        {
            Vector512<uint> a0 = Vector512.LoadUnsafe(ref a, (nuint)p), b0 = Vector512.LoadUnsafe(ref b, (nuint)p);
            Vector512<uint> m0 = Vector512.LoadUnsafe(ref s, (nuint)p);
            for (int i = 0; i < n; i++) m0 = Vector512.Min(m0, (Vector512.Create(Unsafe.Add(ref x0, i)) ^ b0) * a0);
            m0.StoreUnsafe(ref s, (nuint)p);
        }
        if (p < k) SignVector256Tail(xs, signature, p);
    }

    void SignVector256Tail(ReadOnlySpan<uint> xs, Span<uint> signature, int from)
    {
        // K is a multiple of 8, so the tail past the 512-bit blocks is whole 256-bit blocks.
        var rest = signature[from..];
        var tmpA = _a.AsSpan(from);
        ref uint a = ref MemoryMarshal.GetReference(tmpA);
        ref uint b = ref MemoryMarshal.GetReference(_b.AsSpan(from));
        ref uint s = ref MemoryMarshal.GetReference(rest);
        ref uint x0 = ref MemoryMarshal.GetReference(xs);
        for (int p = 0; p + 8 <= rest.Length; p += 8)
        {
            Vector256<uint> a0 = Vector256.LoadUnsafe(ref a, (nuint)p), b0 = Vector256.LoadUnsafe(ref b, (nuint)p);
            Vector256<uint> m0 = Vector256.LoadUnsafe(ref s, (nuint)p);
            for (int i = 0; i < xs.Length; i++) m0 = Vector256.Min(m0, (Vector256.Create(Unsafe.Add(ref x0, i)) ^ b0) * a0);
            m0.StoreUnsafe(ref s, (nuint)p);
        }
    }

    void SignScalarTail(ReadOnlySpan<uint> xs, Span<uint> signature, int from)
    {
        for (int p = from; p < signature.Length; p++)
        {
            uint ap = _a[p], bp = _b[p], min = signature[p];
            foreach (uint x in xs)
            {
                uint h = (x ^ bp) * ap;
                if (h < min) min = h;
            }
            signature[p] = min;
        }
    }
}
