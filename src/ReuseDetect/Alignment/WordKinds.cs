using ReuseDetect.Internal;
using ReuseDetect.Text;

namespace ReuseDetect.Alignment;

/// <summary>
/// What each token of a text is for the evidence test of a passage: a function word, a name (a capitalised word inside
/// a sentence: "Putin", "Moscow", "Minister"), or an ordinary content word. Two outlets retelling one event share
/// names and function words in any order; a reworded copy keeps most of its ordinary words, in order.
/// </summary>
static class WordKinds
{
    public const byte Function = 0, Name = 1, Ordinary = 2;

    /// <summary>A content word inside a stock phrase of the corpus: it may be aligned, but is no evidence of reuse.</summary>
    public const byte Stock = 3;

    /// <summary>A word of page furniture (a header, footer, widget): it never seeds a passage.</summary>
    public const byte Blocked = 4;

    /// <summary>An ordinary word that a large share of the corpus uses: it counts as ordinary, but is not distinctive.</summary>
    public const byte Common = 5;

    /// <summary>True for an ordinary word, common or not.</summary>
    public static bool IsOrdinary(byte kind) => kind is Ordinary or Common;

    /// <summary>Kinds from the token hashes alone (no letter case known): function words and ordinary words.</summary>
    public static byte[] FromHashes(ReadOnlySpan<ulong> tokens)
    {
        var kinds = new byte[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) kinds[i] = StopWords.Contains(tokens[i]) ? Function : Ordinary;
        return kinds;
    }

    /// <summary>
    /// Kinds from the text: a content word that starts with a capital letter is a name unless it opens a sentence (the
    /// text's start, or after a full stop, question or exclamation mark, or a line break, with only spaces, quotes or
    /// brackets between).
    /// </summary>
    public static byte[] FromText(TokenizedText tokens, ReadOnlySpan<char> text, ReadOnlySpan<byte> marks = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        byte[] kinds = FromHashes(tokens.TokenHashes);
        for (int i = 0; i < kinds.Length; i++)
        {
            byte mark = marks.IsEmpty ? (byte)0 : marks[i];
            if ((mark & TokenMarks.Furniture) != 0)
            {
                kinds[i] = Blocked;
                continue;
            }
            if (kinds[i] == Function) continue;
            int at = tokens.StartOf(i);
            if (at < text.Length && char.IsUpper(text[at]) && !OpensSentence(text, at)) kinds[i] = Name;
            else if ((mark & TokenMarks.Stock) != 0) kinds[i] = Stock;
            else if ((mark & TokenMarks.CommonWord) != 0) kinds[i] = Common;
        }
        return kinds;
    }

    /// <summary>
    /// The tokens that open a sentence (as <see cref="FromText"/> tells a name from a sentence's first word), one bit a
    /// token.
    /// </summary>
    public static ulong[] SentenceStarts(TokenizedText tokens, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var bits = new ulong[(tokens.Count + 63) >> 6];
        for (int i = 0; i < tokens.Count; i++)
        {
            int at = tokens.StartOf(i);
            if (at <= text.Length && OpensSentence(text, at)) bits[i >> 6] |= 1UL << (i & 63);
        }
        return bits;
    }

    static bool OpensSentence(ReadOnlySpan<char> text, int at)
    {
        for (int p = at - 1; p >= 0; p--)
        {
            char c = text[p];
            if (c is '.' or '!' or '?' or '\n' or '\r' or ':' or '\u2026') return true;
            if (!(char.IsWhiteSpace(c) || c is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' or '\u00AB' or '-' or '\u2014' or '\u2013')) return false;
        }
        return true;
    }

    /// <summary>Prefix counts of furniture words (entry t: among tokens [0, t)), or null when there are none.</summary>
    public static int[]? BlockedPrefix(ReadOnlySpan<byte> kinds, ArrayRecycler<int>? recycler = null)
    {
        if (!kinds.Contains(Blocked)) return null;
        int[] prefix = recycler?.Rent(kinds.Length + 1) ?? new int[kinds.Length + 1];
        prefix[0] = 0;
        for (int i = 0; i < kinds.Length; i++) prefix[i + 1] = prefix[i] + (kinds[i] == Blocked ? 1 : 0);
        return prefix;
    }

    /// <summary>Prefix counts of ordinary words: entry t is the number of ordinary words among tokens [0, t).</summary>
    public static int[] OrdinaryPrefix(ReadOnlySpan<byte> kinds, ArrayRecycler<int>? recycler = null)
    {
        int[] prefix = recycler?.Rent(kinds.Length + 1) ?? new int[kinds.Length + 1];
        prefix[0] = 0;
        for (int i = 0; i < kinds.Length; i++) prefix[i + 1] = prefix[i] + (IsOrdinary(kinds[i]) ? 1 : 0);
        return prefix;
    }
}
