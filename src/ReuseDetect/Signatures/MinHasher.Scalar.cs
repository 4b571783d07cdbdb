using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReuseDetect.Signatures;

sealed partial class MinHasher
{
    /// <summary>The reference kernel: one shingle at a time, bin and value in scalar arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void BinScalar(ReadOnlySpan<ulong> shingles, Span<uint> signature) => BinScalarFrom(shingles, signature, 0);

    /// <summary>Scalar binning of <paramref name="shingles"/>[<paramref name="from"/>..]: the vector kernels' tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void BinScalarFrom(ReadOnlySpan<ulong> shingles, Span<uint> signature, int from)
    {
        // Hot loop rules: fields copied to locals, ref arithmetic, no calls.
        uint ka = _ka, ma = _ma, kb = _kb, mb = _mb, k = (uint)signature.Length;
        ref uint s = ref MemoryMarshal.GetReference(signature);
        ref ulong x0 = ref MemoryMarshal.GetReference(shingles);
        for (int i = from; i < shingles.Length; i++)
        {
            ulong x = Unsafe.Add(ref x0, i);
            uint v = Value((uint)x, kb, mb);
            ref uint slot = ref Unsafe.Add(ref s, Bin((uint)(x >> 32), ka, ma, k));
            slot = BranchFreeMin(slot, v);
        }
    }

    /// <summary>
    /// min(a, b) without a branch. Whether a value is a new minimum is a coin toss while the bins fill, and the JIT
    /// compiles <see cref="Math.Min(uint, uint)"/> to a compare and jump: a mispredicted jump per shingle cost more
    /// than the rest of the kernel on real documents.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint BranchFreeMin(uint a, uint b)
    {
        long diff = (long)b - a;
        return a + (uint)(diff & (diff >> 63));
    }

    /// <summary>Applies <paramref name="count"/> (bin, value) pairs computed by a vector kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Scatter(ref uint signature, ref uint bins, ref uint values, int count)
    {
        for (int j = 0; j < count; j++)
        {
            uint v = Unsafe.Add(ref values, j);
            ref uint slot = ref Unsafe.Add(ref signature, Unsafe.Add(ref bins, j));
            slot = BranchFreeMin(slot, v);
        }
    }
}
