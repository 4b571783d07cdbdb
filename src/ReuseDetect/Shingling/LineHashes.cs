using System.Buffers;
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
        var walk = new Walk(tokens, text);
        while (walk.Next(out int start, out int end, out ulong hash)) lines.Add((start, end, hash));
        return lines;
    }

    /// <summary>The distinct line hashes of a text, ascending.</summary>
    public static ulong[] Distinct(TokenizedText tokens, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        // A line has a token at least: the hashes go to pooled scratch of the token count, then once into an array.
        ulong[] scratch = ArrayPool<ulong>.Shared.Rent(Math.Max(1, tokens.Count));
        try
        {
            int count = 0;
            var walk = new Walk(tokens, text);
            while (walk.Next(out _, out _, out ulong hash)) scratch[count++] = hash;
            return scratch.AsSpan(0, SortedSets.SortDistinctInPlace(scratch.AsSpan(0, count))).ToArray();
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }

    /// <summary>The lines of a tokenized text one after another: each one's token range and hash.</summary>
    ref struct Walk(TokenizedText tokens, ReadOnlySpan<char> text)
    {
        readonly ReadOnlySpan<char> _text = text;
        int _start, _t = 1;

        public bool Next(out int start, out int end, out ulong hash)
        {
            ReadOnlySpan<ulong> hashes = tokens.TokenHashes;
            for (; _t <= tokens.Count; _t++)
            {
                int t = _t;
                if (t < tokens.Count && _text[tokens.EndOf(t - 1)..tokens.StartOf(t)].IndexOfAny('\n', '\r') < 0) continue;
                (start, end, hash) = (_start, t, Shingler.Mix(hashes[_start..t]) ^ Tag);
                _start = t;
                _t = t + 1;
                return true;
            }
            (start, end, hash) = (0, 0, 0);
            return false;
        }
    }
}
