using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static ReuseDetect.Internal.Mix;

namespace ReuseDetect.Shingling;

static partial class Shingler
{
    /// <summary>
    /// Eight shingles per step in 64-bit lanes: lane j of step i mixes tokens i + j .. i + j + n - 1, with the scalar
    /// loop's arithmetic (wrapping 64-bit multiply, rotate, <c>fmix64</c>), so the hashes are the same bit for bit.
    /// Returns how many shingles it wrote (a multiple of eight); the scalar loop finishes the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int HashVector512(ref ulong tokens, int n, ref ulong destination, int count)
    {
        // Hot loop rules: constants in registers, ref + offset loads (token k of every lane is one unaligned load),
        // no calls; the n-loop's chain is one multiply per token, eight lanes wide.
        const int L = 8;
        Vector512<ulong> mul = Vector512.Create(Mul), seed = Vector512.Create((ulong)n);
        Vector512<ulong> c1 = Vector512.Create(Fmix64C1), c2 = Vector512.Create(Fmix64C2);
        int i = 0;
        for (; i + L <= count; i += L)
        {
            Vector512<ulong> s = seed;
            for (int k = 0; k < n; k++)
                s = RotateLeft27((s ^ Vector512.LoadUnsafe(ref tokens, (nuint)(i + k))) * mul);
            s ^= Vector512.ShiftRightLogical(s, 33);
            s *= c1;
            s ^= Vector512.ShiftRightLogical(s, 33);
            s *= c2;
            s ^= Vector512.ShiftRightLogical(s, 33);
            s.StoreUnsafe(ref destination, (nuint)i);
        }
        return i;
    }

    /// <summary><c>rotl(x, 27)</c> per lane: one <c>vprolq</c> with AVX-512, else two shifts and an or.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<ulong> RotateLeft27(Vector512<ulong> x) =>
        Avx512F.IsSupported ? Avx512F.RotateLeft(x, 27)
        : Vector512.ShiftLeft(x, 27) | Vector512.ShiftRightLogical(x, 64 - 27);
}
