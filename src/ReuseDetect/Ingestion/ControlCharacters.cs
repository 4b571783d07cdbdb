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

    /// <summary>
    /// <paramref name="metadata"/> with every C0 control (tab and line breaks included), DEL and C1 control in its
    /// outlet, title and URL replaced by a space, runs of white space then collapsed: these are one-line names, and a
    /// control character in one (an <c>og:site_name</c> of <c>Daily&amp;#27;News</c>) would otherwise reach every
    /// report and the console. A name left empty is dropped (the outlet becomes <c>unknown</c>). Names without
    /// control characters are returned unchanged.
    /// </summary>
    public static DocumentMetadata CleanNames(DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        string? outlet = CleanName(metadata.Outlet), title = CleanName(metadata.Title), url = CleanName(metadata.Url);
        if (ReferenceEquals(outlet, metadata.Outlet) && ReferenceEquals(title, metadata.Title) && ReferenceEquals(url, metadata.Url)) return metadata;
        return metadata with { Outlet = outlet ?? DocumentMetadata.UnknownOutlet, Title = title, Url = url };
    }

    static string? CleanName(string? name)
    {
        if (name is null || name.AsSpan().IndexOfAny(s_nameControls) < 0) return name;
        string collapsed = string.Join(' ', name.Split([.. s_nameControlChars, ' '], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }

    static readonly char[] s_nameControlChars = [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)];
    static readonly SearchValues<char> s_nameControls = SearchValues.Create(s_nameControlChars);

    /// <summary>The warning a document carries when <paramref name="count"/> control characters were replaced; null for none.</summary>
    public static string? Warning(int count) => count switch
    {
        0 => null,
        1 => "1 control character replaced by a space",
        _ => count.ToString("N0", CultureInfo.InvariantCulture) + " control characters replaced by spaces",
    };
}
