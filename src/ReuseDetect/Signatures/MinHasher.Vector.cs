using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReuseDetect.Signatures;

sealed partial class MinHasher
{
    // Each kernel computes the bins and values of a block of shingles in vector lanes (the same 32-bit
    // arithmetic as Bin and Value), stores them to the stack and applies them one by one: the scatter-min into K
    // bins has no vector form without conflict detection, and costs one load and one predictable compare.
    // Hot loop rules: locals only, ref + Unsafe.Add, no calls in the loops.

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void BinVector256(ReadOnlySpan<ulong> shingles, Span<uint> signature)
    {
        const int L = 8;
        Vector256<uint> ka = Vector256.Create(_ka), ma = Vector256.Create(_ma), kb = Vector256.Create(_kb), mb = Vector256.Create(_mb);
        Vector256<uint> k = Vector256.Create((uint)signature.Length), cap = Vector256.Create(MaxValue);
        Span<uint> buffer = stackalloc uint[2 * L];
        ref uint bins = ref MemoryMarshal.GetReference(buffer);
        ref uint values = ref Unsafe.Add(ref bins, L);
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref ulong x0 = ref MemoryMarshal.GetReference(shingles);
        int i = 0;
        for (; i + L <= shingles.Length; i += L)
        {
            Vector256<ulong> x1 = Vector256.LoadUnsafe(ref x0, (nuint)i), x2 = Vector256.LoadUnsafe(ref x0, (nuint)(i + 4));
            Vector256<uint> lo = Vector256.Narrow(x1, x2);
            Vector256<uint> hi = Vector256.Narrow(Vector256.ShiftRightLogical(x1, 32), Vector256.ShiftRightLogical(x2, 32));
            Vector256<uint> bin = Vector256.ShiftRightLogical(Vector256.ShiftRightLogical((hi ^ ka) * ma, 16) * k, 16);
            Vector256<uint> v = (lo ^ kb) * mb;
            v = Vector256.Min(v ^ Vector256.ShiftRightLogical(v, 15), cap);
            bin.StoreUnsafe(ref bins);
            v.StoreUnsafe(ref values);
            Scatter(ref s, ref bins, ref values, L);
        }
        BinScalarFrom(shingles, signature, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void BinVector128(ReadOnlySpan<ulong> shingles, Span<uint> signature)
    {
        const int L = 4;
        Vector128<uint> ka = Vector128.Create(_ka), ma = Vector128.Create(_ma), kb = Vector128.Create(_kb), mb = Vector128.Create(_mb);
        Vector128<uint> k = Vector128.Create((uint)signature.Length), cap = Vector128.Create(MaxValue);
        Span<uint> buffer = stackalloc uint[2 * L];
        ref uint bins = ref MemoryMarshal.GetReference(buffer);
        ref uint values = ref Unsafe.Add(ref bins, L);
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref ulong x0 = ref MemoryMarshal.GetReference(shingles);
        int i = 0;
        for (; i + L <= shingles.Length; i += L)
        {
            Vector128<ulong> x1 = Vector128.LoadUnsafe(ref x0, (nuint)i), x2 = Vector128.LoadUnsafe(ref x0, (nuint)(i + 2));
            Vector128<uint> lo = Vector128.Narrow(x1, x2);
            Vector128<uint> hi = Vector128.Narrow(Vector128.ShiftRightLogical(x1, 32), Vector128.ShiftRightLogical(x2, 32));
            Vector128<uint> bin = Vector128.ShiftRightLogical(Vector128.ShiftRightLogical((hi ^ ka) * ma, 16) * k, 16);
            Vector128<uint> v = (lo ^ kb) * mb;
            v = Vector128.Min(v ^ Vector128.ShiftRightLogical(v, 15), cap);
            bin.StoreUnsafe(ref bins);
            v.StoreUnsafe(ref values);
            Scatter(ref s, ref bins, ref values, L);
        }
        BinScalarFrom(shingles, signature, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void BinVector512(ReadOnlySpan<ulong> shingles, Span<uint> signature)
    {
        const int L = 16;
        Vector512<uint> ka = Vector512.Create(_ka), ma = Vector512.Create(_ma), kb = Vector512.Create(_kb), mb = Vector512.Create(_mb);
        Vector512<uint> k = Vector512.Create((uint)signature.Length), cap = Vector512.Create(MaxValue);
        Span<uint> buffer = stackalloc uint[2 * L];
        ref uint bins = ref MemoryMarshal.GetReference(buffer);
        ref uint values = ref Unsafe.Add(ref bins, L);
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref ulong x0 = ref MemoryMarshal.GetReference(shingles);
        int i = 0;
        for (; i + L <= shingles.Length; i += L)
        {
            Vector512<ulong> x1 = Vector512.LoadUnsafe(ref x0, (nuint)i), x2 = Vector512.LoadUnsafe(ref x0, (nuint)(i + 8));
            Vector512<uint> lo = Vector512.Narrow(x1, x2);
            Vector512<uint> hi = Vector512.Narrow(Vector512.ShiftRightLogical(x1, 32), Vector512.ShiftRightLogical(x2, 32));
            Vector512<uint> bin = Vector512.ShiftRightLogical(Vector512.ShiftRightLogical((hi ^ ka) * ma, 16) * k, 16);
            Vector512<uint> v = (lo ^ kb) * mb;
            v = Vector512.Min(v ^ Vector512.ShiftRightLogical(v, 15), cap);
            bin.StoreUnsafe(ref bins);
            v.StoreUnsafe(ref values);
            Scatter(ref s, ref bins, ref values, L);
        }
        BinScalarFrom(shingles, signature, i);
    }
}
