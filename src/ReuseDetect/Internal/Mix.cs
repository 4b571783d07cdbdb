using System.Runtime.CompilerServices;

namespace ReuseDetect.Internal;

/// <summary>Bit mixers shared by the token and shingle hashes.</summary>
static class Mix
{
    /// <summary>MurmurHash3's 64-bit finalizer: full avalanche in two multiplies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Fmix64(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        k ^= k >> 33;
        return k;
    }
}
