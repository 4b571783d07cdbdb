using ReuseDetect.Text;

namespace ReuseDetect.Alignment;

/// <summary>Maps aligned token ranges back to character ranges of the text as printed.</summary>
static class PassageText
{
    /// <summary>
    /// The character range of tokens <c>[startToken, endToken)</c>, widened as <see cref="Widen"/> does.
    /// </summary>
    public static (int Start, int End) CharRange(TokenizedText tokens, ReadOnlySpan<char> text, int startToken, int endToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(startToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endToken, tokens.Count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(endToken, startToken);
        return Widen(text, tokens.StartOf(startToken), tokens.EndOf(endToken - 1));
    }

    /// <summary>
    /// Widens a word-aligned span to the passage as printed: over the closing punctuation right after the last word
    /// (a sentence's period, a closing quote or bracket: tokens never include them, a reused sentence does) and over
    /// opening quotes or brackets right before the first word. It never crosses white space, and a mark followed by a
    /// letter is inside a word ("minister’s"), so it stays out.
    /// </summary>
    public static (int Start, int End) Widen(ReadOnlySpan<char> text, int start, int end)
    {
        while (end < text.Length && IsClosing(text[end]) && !(end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))) end++;
        while (start > 0 && IsOpening(text[start - 1]) && !(start - 2 >= 0 && char.IsLetterOrDigit(text[start - 2]))) start--;
        return (start, end);
    }

    static bool IsClosing(char c) => c switch
    {
        '.' or ',' or '!' or '?' or ';' or ':' or ')' or ']' or '}' or '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u2026' => true,
        _ => false,
    };

    static bool IsOpening(char c) => c is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' or '\u00AB';
}
