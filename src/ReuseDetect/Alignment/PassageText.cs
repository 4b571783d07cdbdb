using ReuseDetect.Text;

namespace ReuseDetect.Alignment;

/// <summary>Maps aligned token ranges back to character ranges of the text as printed.</summary>
public static class PassageText
{
    /// <summary>
    /// The character range <c>[start, end)</c> of tokens <c>[startToken, endToken)</c>, extended over the closing
    /// punctuation that directly follows the last token (a sentence's period, a closing quote or bracket), since a
    /// reused sentence includes its final mark and tokens never do.
    /// </summary>
    public static (int Start, int End) CharRange(TokenizedText tokens, ReadOnlySpan<char> text, int startToken, int endToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(startToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endToken, tokens.Count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(endToken, startToken);
        int start = tokens.StartOf(startToken), end = tokens.EndOf(endToken - 1);
        int limit = endToken < tokens.Count ? tokens.StartOf(endToken) : text.Length;
        while (end < limit && IsClosing(text[end])) end++;
        return (start, end);
    }

    static bool IsClosing(char c) => c switch
    {
        '.' or '!' or '?' or ';' or ':' or ')' or ']' or '}' or '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u2026' => true,
        _ => false,
    };
}
