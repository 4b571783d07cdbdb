using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReuseDetect.Signatures;
using static ReuseDetect.Internal.Mix;

namespace ReuseDetect.Shingling;

/// <summary>
/// Word n-gram shingles. A shingle's hash mixes the n token hashes in order (no string is built):
/// <c>s = fmix64(fold_k((s ^ h_k) * M rotl 27))</c>. A text with fewer than n tokens (but at least one) gives one shingle of all its tokens.
/// Kernels: scalar (four interleaved shingles) and Vector512 (eight shingles in 64-bit lanes, <c>HashVector512</c>);
/// both give the same hashes bit for bit.
/// </summary>
[SkipLocalsInit]
static partial class Shingler
{
    const ulong Mul = 0x9E3779B97F4A7C15UL;

    /// <summary>Number of shingles <c>Hash</c> writes for <paramref name="tokenCount"/> tokens.</summary>
    public static int CountFor(int tokenCount, int n) =>
        tokenCount <= 0 ? 0 : tokenCount < n ? 1 : tokenCount - n + 1;

    /// <summary>Writes the shingle hashes of <paramref name="tokenHashes"/> into <paramref name="destination"/>; returns how many.</summary>
    public static int Hash(ReadOnlySpan<ulong> tokenHashes, int n, Span<ulong> destination) => Hash(tokenHashes, n, destination, DefaultKernel);

    /// <summary>
    /// The kernel <see cref="Hash(ReadOnlySpan{ulong}, int, Span{ulong})"/> uses: the forced one
    /// (<see cref="SignatureKernels.ForceVariable"/>), else Vector512 where its 64-bit multiply is one instruction
    /// (AVX-512 DQ), else scalar: an emulated 64-bit lane multiply costs more than the scalar loop.
    /// </summary>
    internal static SignatureKernel DefaultKernel { get; } =
        Environment.GetEnvironmentVariable(SignatureKernels.ForceVariable) is { Length: > 0 } ? SignatureKernels.Default
        : Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512DQ.IsSupported ? SignatureKernel.Vector512
        : SignatureKernel.Scalar;

    /// <summary>As <see cref="Hash(ReadOnlySpan{ulong}, int, Span{ulong})"/> with a named kernel (Vector512 runs eight shingles per step; the others the scalar loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Hash(ReadOnlySpan<ulong> tokenHashes, int n, Span<ulong> destination, SignatureKernel kernel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int count = CountFor(tokenHashes.Length, n);
        if (destination.Length < count) ThrowDestinationTooShort();
        if (count == 0) return 0;
        if (tokenHashes.Length < n)
        {
            destination[0] = Mix(tokenHashes);
            return 1;
        }
        // Hot loop rules: refs instead of indexers, the inner n-loop fully in registers.
        ref ulong t = ref MemoryMarshal.GetReference(tokenHashes);
        ref ulong d = ref MemoryMarshal.GetReference(destination);
        // Four independent shingles per step: each mix is a serial multiply chain, so interleaving hides its latency.
        int i = kernel == SignatureKernel.Vector512 ? HashVector512(ref t, n, ref d, count) : 0;
        for (; i + 4 <= count; i += 4)
        {
            ulong s0 = (ulong)n, s1 = s0, s2 = s0, s3 = s0;
            for (int k = 0; k < n; k++)
            {
                ref ulong tk = ref Unsafe.Add(ref t, i + k);
                s0 = BitOperations.RotateLeft((s0 ^ tk) * Mul, 27);
                s1 = BitOperations.RotateLeft((s1 ^ Unsafe.Add(ref tk, 1)) * Mul, 27);
                s2 = BitOperations.RotateLeft((s2 ^ Unsafe.Add(ref tk, 2)) * Mul, 27);
                s3 = BitOperations.RotateLeft((s3 ^ Unsafe.Add(ref tk, 3)) * Mul, 27);
            }
            Unsafe.Add(ref d, i) = Fmix64(s0);
            Unsafe.Add(ref d, i + 1) = Fmix64(s1);
            Unsafe.Add(ref d, i + 2) = Fmix64(s2);
            Unsafe.Add(ref d, i + 3) = Fmix64(s3);
        }
        for (; i < count; i++)
        {
            ulong s = (ulong)n;
            for (int k = 0; k < n; k++)
            {
                s = BitOperations.RotateLeft((s ^ Unsafe.Add(ref t, i + k)) * Mul, 27);
            }
            Unsafe.Add(ref d, i) = Fmix64(s);
        }
        return count;
    }

    /// <summary>Allocates and returns the shingle hashes.</summary>
    public static ulong[] Hash(ReadOnlySpan<ulong> tokenHashes, int n)
    {
        var result = new ulong[CountFor(tokenHashes.Length, n)];
        Hash(tokenHashes, n, result);
        return result;
    }

    /// <summary>The hash of one shingle made of exactly the given token hashes.</summary>
    public static ulong Mix(ReadOnlySpan<ulong> tokenHashes)
    {
        ulong s = (ulong)tokenHashes.Length;
        foreach (ulong h in tokenHashes) s = BitOperations.RotateLeft((s ^ h) * Mul, 27);
        return Fmix64(s);
    }

    static void ThrowDestinationTooShort() => throw new ArgumentException("Destination is too short.", "destination");
}
