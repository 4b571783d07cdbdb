using ReuseDetect.Internal;
using ReuseDetect.Text;

namespace ReuseDetect.Shingling;

/// <summary>
/// A hash of each line of a text (its tokens, so spacing and letter case do not matter): the unit in which a site's
/// furniture recurs ("Read also:", "Subscribe to our newsletter…", "© Steppe Echo 2024"), however short. A line is
/// the tokens between two line breaks.
/// </summary>
static class LineHashes
{
    const ulong Tag = 0x4C1E_7A5B_93D2_06F1UL;

    /// <summary>The token range and hash of each line that has tokens, in text order.</summary>
    public static List<(int Start, int End, ulong Hash)> Lines(TokenizedText tokens, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var lines = new List<(int, int, ulong)>();
        ReadOnlySpan<ulong> hashes = tokens.TokenHashes;
        int start = 0;
        for (int t = 1; t <= tokens.Count; t++)
        {
            if (t < tokens.Count && text[tokens.EndOf(t - 1)..tokens.StartOf(t)].IndexOfAny('\n', '\r') < 0) continue;
            lines.Add((start, t, Shingler.Mix(hashes[start..t]) ^ Tag));
            start = t;
        }
        return lines;
    }

    /// <summary>The distinct line hashes of a text, ascending.</summary>
    public static ulong[] Distinct(TokenizedText tokens, ReadOnlySpan<char> text)
    {
        var lines = Lines(tokens, text);
        var result = new ulong[lines.Count];
        for (int i = 0; i < result.Length; i++) result[i] = lines[i].Hash;
        return SortedSets.SortDistinct(result);
    }
}
