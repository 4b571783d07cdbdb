using System.Buffers;
using System.Globalization;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Control characters in a document's text as read: the C0 controls other than tab, line feed, vertical tab, form
/// feed and carriage return (NUL, ESC, …), and DEL. They carry no words, and in a report they would corrupt a terminal
/// (ESC), a CSV cell or a Markdown line, so each is replaced by one space: offsets stay one char for one char, and the
/// words on either side stay apart, as they were (a control character is never part of a token). C1 controls
/// (U+0080–U+009F) are left alone: in real text they are mostly Windows-1252 punctuation decoded as Latin-1
/// (U+0092 for an apostrophe), which a reader may want to see.
/// </summary>
static class ControlCharacters
{
    static readonly SearchValues<char> s_controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\v' or '\f' or '\r')).Select(c => (char)c),
         '\u007F']);

    /// <summary><paramref name="text"/> with every control character replaced by a space; <paramref name="count"/> says how many.</summary>
    public static string Replace(string text, out int count)
    {
        count = 0;
        int first = text.AsSpan().IndexOfAny(s_controls);
        if (first < 0) return text;
        char[] chars = text.ToCharArray();
        Span<char> rest = chars.AsSpan(first);
        for (int i = rest.IndexOfAny(s_controls); i >= 0; i = rest.IndexOfAny(s_controls))
        {
            rest[i] = ' ';
            count++;
            rest = rest[(i + 1)..];
        }
        return new string(chars);
    }

    /// <summary>The warning a document carries when <paramref name="count"/> control characters were replaced; null for none.</summary>
    public static string? Warning(int count) => count switch
    {
        0 => null,
        1 => "1 control character replaced by a space",
        _ => count.ToString("N0", CultureInfo.InvariantCulture) + " control characters replaced by spaces",
    };
}
