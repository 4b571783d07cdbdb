using System.Buffers;

namespace ReuseDetect.Reporting;

/// <summary>
/// Display-safe text: what every report writer and the console do with strings that come from the input (file names,
/// outlets, titles, URLs, credit lines, passage text) before showing them. Each unsafe char becomes exactly one
/// visible char, so lengths and offsets are unchanged and normal text comes back as the same string:
/// <list type="bullet">
/// <item>C0 controls and DEL become their Unicode control pictures (ESC → ␛, NUL → ␀, DEL → ␡); in a
/// <see cref="Name"/> tab, line feed and carriage return too, in <see cref="Text"/> they are kept;</item>
/// <item>C1 controls (U+0080–U+009F, which terminals may obey), lone surrogates and the non-characters U+FFFE/U+FFFF
/// become U+FFFD;</item>
/// <item>bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which reorder the text
/// around them, become U+FFFD; in a <see cref="Name"/> so do the marks U+200E, U+200F, U+061C and the line and
/// paragraph separators U+2028/U+2029.</item>
/// </list>
/// The result is valid XML 1.0 character data and holds nothing a terminal interprets. The JSON report keeps the exact
/// strings (JSON escapes control characters); the other writers and the console go through these methods.
/// </summary>
public static partial class DisplayText
{
    /// <summary>The char that stands for one that cannot be shown.</summary>
    public const char Replacement = '\uFFFD';

    // Everything either mode may change; the per-char switch below decides. A string holding none of these is returned as is.
    static readonly SearchValues<char> s_suspect = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u061C', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
         '\u2066', '\u2067', '\u2068', '\u2069', '\uFFFE', '\uFFFF', .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    /// <summary>A name (file name, document id, outlet, title, URL, credit line) as one safe line; null becomes empty.</summary>
    public static string Name(string? name) => Clean(name, keepLineBreaks: false);

    /// <summary>Passage or message text: as <see cref="Name"/>, but tab, line feed, carriage return, the line separators and the bidi marks stay.</summary>
    public static string Text(string? text) => Clean(text, keepLineBreaks: true);

    static string Clean(string? s, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(s)) return "";
        int first = s.AsSpan().IndexOfAny(s_suspect);
        if (first < 0) return s;
        char[]? chars = null;
        for (int i = first; i < s.Length; i++)
        {
            char c = s[i];
            char r = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (c < 0x20) r = keepLineBreaks && c is '\t' or '\n' or '\r' ? c : (char)(0x2400 + c);
            else if (c == 0x7F) r = '\u2421';
            else if (c <= 0x9F && c >= 0x80) r = Replacement;
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') r = Replacement;
            else if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')) r = Replacement;
            else if (!keepLineBreaks && c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029') r = Replacement;
            if (r == c) continue;
            chars ??= s.ToCharArray();
            chars[i] = r;
        }
        return chars is null ? s : new string(chars);
    }
}
