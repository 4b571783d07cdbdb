using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReuseDetect.Signatures;

public sealed partial class MinHasher
{
    /// <summary>The reference kernel: one permutation at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void SignScalar(ReadOnlySpan<uint> xs, Span<uint> signature)
    {
        // Hot loop rules: fields copied to locals, ref arithmetic, no calls.
        ref uint a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref uint b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref uint x0 = ref MemoryMarshal.GetReference(xs);
        int n = xs.Length;
        for (int p = 0; p < signature.Length; p++)
        {
            uint ap = Unsafe.Add(ref a, p), bp = Unsafe.Add(ref b, p);
            uint min = signature[p];
            for (int i = 0; i < n; i++)
            {
                uint h = (Unsafe.Add(ref x0, i) ^ bp) * ap;
                if (h < min) min = h;
            }
            signature[p] = min;
        }
    }
}
