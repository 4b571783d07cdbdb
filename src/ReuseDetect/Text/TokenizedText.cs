using ReuseDetect.Internal;

namespace ReuseDetect.Text;

/// <summary>
/// The tokens of one text: parallel arrays of <c>[start, end)</c> character offsets into the text as read,
/// and the 64-bit hash of each token's normalized (NFKC, case-folded) form.
/// </summary>
sealed class TokenizedText
{
    internal TokenizedText(int[] starts, int[] ends, ulong[] hashes, int count)
    {
        Starts = starts;
        Ends = ends;
        Hashes = hashes;
        Count = count;
    }

    /// <summary>An empty token list.</summary>
    public static TokenizedText Empty { get; } = new([], [], [], 0);

    internal int[] Starts { get; }
    internal int[] Ends { get; }
    internal ulong[] Hashes { get; }

    /// <summary>Number of tokens.</summary>
    public int Count { get; }

    /// <summary>Start offset (inclusive) of token <paramref name="index"/>.</summary>
    public int StartOf(int index) => Starts[index];

    /// <summary>End offset (exclusive) of token <paramref name="index"/>.</summary>
    public int EndOf(int index) => Ends[index];

    /// <summary>The token hashes, in text order.</summary>
    public ReadOnlySpan<ulong> TokenHashes => Hashes.AsSpan(0, Count);

    /// <summary>Memory held by the three arrays, in bytes (their capacity, not just <see cref="Count"/>).</summary>
    public long Bytes => 4L * Starts.Length + 4L * Ends.Length + 8L * Hashes.Length;

    /// <summary>
    /// These tokens in arrays of their own: for tokens that live in a scratch, and for a list kept for long (the text
    /// cache), which should not hold the slack of arrays sized for the densest text. The arrays are of exactly
    /// <see cref="Count"/>, or from <paramref name="recyclers"/> (a few grid steps longer at most) for an owner that gives
    /// them back with <see cref="Recycle"/>.
    /// </summary>
    public TokenizedText Copy(Recyclers? recyclers = null) =>
        new(Copied(Starts, recyclers?.Ints), Copied(Ends, recyclers?.Ints), Copied(Hashes, recyclers?.Longs), Count);

    T[] Copied<T>(T[] items, ArrayRecycler<T>? recycler) where T : unmanaged => recycler?.Copy(items.AsSpan(0, Count)) ?? items[..Count];

    /// <summary>Gives the arrays to <paramref name="recyclers"/>: the owner's last use of these tokens, when no other thread can be reading them.</summary>
    internal void Recycle(Recyclers recyclers)
    {
        recyclers.Ints.Return(Starts);
        recyclers.Ints.Return(Ends);
        recyclers.Longs.Return(Hashes);
    }
}
