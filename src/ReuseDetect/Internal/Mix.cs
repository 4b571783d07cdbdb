using System.Runtime.CompilerServices;

namespace ReuseDetect.Internal;

/// <summary>Bit mixers shared by the token and shingle hashes.</summary>
static class Mix
{
    /// <summary>The first multiplier of <see cref="Fmix64"/> (for vector forms of it).</summary>
    internal const ulong Fmix64C1 = 0xFF51AFD7ED558CCDUL;

    /// <summary>The second multiplier of <see cref="Fmix64"/>.</summary>
    internal const ulong Fmix64C2 = 0xC4CEB9FE1A85EC53UL;

    /// <summary>MurmurHash3's 64-bit finalizer: full avalanche in two multiplies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Fmix64(ulong k)
    {
        k ^= k >> 33;
        k *= Fmix64C1;
        k ^= k >> 33;
        k *= Fmix64C2;
        k ^= k >> 33;
        return k;
    }
}
