using System.Runtime.Intrinsics;

namespace ReuseDetect.Signatures;

/// <summary>The instruction-set tier a signing kernel runs on. Every tier gives bit-identical output.</summary>
enum SignatureKernel
{
    /// <summary>Portable scalar code: the reference.</summary>
    Scalar,
    /// <summary>128-bit vectors (SSE2/AdvSimd).</summary>
    Vector128,
    /// <summary>256-bit vectors (AVX2).</summary>
    Vector256,
    /// <summary>512-bit vectors (AVX-512); emulated by two 256-bit halves where the hardware lacks it.</summary>
    Vector512,
}

/// <summary>
/// Picks the signing kernel: the widest accelerated tier, unless the environment variable
/// <c>REUSEDETECT_FORCE_KERNEL</c> (<c>scalar</c>, <c>vector128</c>, <c>vector256</c>, <c>vector512</c>) forces one,
/// so that the whole test suite can run under each tier.
/// </summary>
static class SignatureKernels
{
    /// <summary>Name of the environment variable that forces a kernel.</summary>
    public const string ForceVariable = "REUSEDETECT_FORCE_KERNEL";

    /// <summary>The kernel used when none is named.</summary>
    public static SignatureKernel Default { get; } = Choose(Environment.GetEnvironmentVariable(ForceVariable));

    /// <summary>Every kernel, for tests and benchmarks.</summary>
    public static IReadOnlyList<SignatureKernel> All { get; } =
        [SignatureKernel.Scalar, SignatureKernel.Vector128, SignatureKernel.Vector256, SignatureKernel.Vector512];

    /// <summary>Best accelerated tier on this machine.</summary>
    public static SignatureKernel Best =>
        Vector512.IsHardwareAccelerated ? SignatureKernel.Vector512
        : Vector256.IsHardwareAccelerated ? SignatureKernel.Vector256
        : Vector128.IsHardwareAccelerated ? SignatureKernel.Vector128
        : SignatureKernel.Scalar;

    internal static SignatureKernel Choose(string? forced) => forced?.Trim().ToUpperInvariant() switch
    {
        null or "" => Best,
        "SCALAR" => SignatureKernel.Scalar,
        "VECTOR128" => SignatureKernel.Vector128,
        "VECTOR256" => SignatureKernel.Vector256,
        "VECTOR512" => SignatureKernel.Vector512,
        _ => throw new InvalidOperationException(
            $"{ForceVariable}='{forced}' is not a kernel; use scalar, vector128, vector256 or vector512."),
    };
}
