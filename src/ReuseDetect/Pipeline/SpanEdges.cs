namespace ReuseDetect.Pipeline;

/// <summary>
/// Widens a token span to the passage as printed: closing punctuation and quotes right after the last token
/// (".", "”", ")" …) and opening quotes or brackets right before the first, never across white space.
/// </summary>
static class SpanEdges
{
    const string Closing = ".,;:!?…\"'”’»)]";
    const string Opening = "\"'“‘«([";

    public static (int Start, int End) Widen(string text, int start, int end)
    {
        while (end < text.Length && Closing.Contains(text[end], StringComparison.Ordinal)) end++;
        while (start > 0 && Opening.Contains(text[start - 1], StringComparison.Ordinal)) start--;
        return (start, end);
    }
}
