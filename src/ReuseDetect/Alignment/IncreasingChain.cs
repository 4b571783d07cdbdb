namespace ReuseDetect.Alignment;

/// <summary>
/// The longest chain of matched word pairs increasing in both texts, by patience sorting (n log n). Pairs are packed as
/// <c>(a &lt;&lt; 32) | (uint)~b</c> and sorted: the pairs of one word of A then come with B descending, so a chain
/// strictly increasing in B takes at most one of them.
/// </summary>
static class IncreasingChain
{
    /// <summary>
    /// The length of the longest chain through <paramref name="pairs"/>: <paramref name="tails"/>[length - 1] is the index
    /// of its last pair, and <paramref name="previous"/>[i] the index of the pair before pair i on its chain (-1 at a
    /// chain's start). Both spans are at least as long as <paramref name="pairs"/>.
    /// </summary>
    public static int Longest(ReadOnlySpan<long> pairs, Span<int> tails, Span<int> previous)
    {
        int length = 0;
        for (int i = 0; i < pairs.Length; i++)
        {
            int b = ~(int)pairs[i], lo = 0, hi = length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (~(int)pairs[tails[mid]] < b) lo = mid + 1;
                else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) length++;
        }
        return length;
    }
}
