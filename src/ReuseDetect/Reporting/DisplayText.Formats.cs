using System.Text;

namespace ReuseDetect.Reporting;

public static partial class DisplayText
{
    /// <summary>
    /// A name for Markdown, outside a code span: <see cref="Name"/>, then every character Markdown or HTML gives a
    /// meaning escaped (<c>\ ` * _ [ ] | ~</c> and a <c>(</c> after <c>]</c> with a backslash, <c>&lt; &gt; &amp;</c> as
    /// entities, a leading <c># + - =</c> or list number), so no input can become a link, an image, raw HTML, emphasis
    /// or a table column, and not even the text <c>](javascript:</c> is left for a lax renderer. An underscore between two letters or digits (<c>000_f10b.txt</c>) cannot start emphasis and is kept.
    /// </summary>
    internal static string MarkdownName(string? name) => EscapeMarkdown(Name(name));

    /// <summary>Passage or message text for one Markdown line: <see cref="Text"/>, line breaks as spaces, escaped as <see cref="MarkdownName"/>.</summary>
    internal static string MarkdownText(string? text) => EscapeMarkdown(Text(text).ReplaceLineEndings(" ").Replace('\t', ' '));

    /// <summary>
    /// A name as a Markdown code span when it holds nothing Markdown or HTML would read (<c>`a.txt`</c>); otherwise
    /// escaped as <see cref="MarkdownName"/>, so that no backtick can close the span early and no raw <c>&lt;img</c>
    /// or <c>](javascript:</c> stands in the file even inside one.
    /// </summary>
    internal static string MarkdownCode(string? name)
    {
        string s = Name(name);
        string escaped = EscapeMarkdown(s);
        return ReferenceEquals(escaped, s) && !s.Contains('`', StringComparison.Ordinal) && s.Trim().Length == s.Length && s.Length > 0
            ? "`" + s + "`" : escaped;
    }

    static string EscapeMarkdown(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            string? escape = c switch
            {
                '\\' or '`' or '*' or '[' or ']' or '|' or '~' => "\\" + c,
                '_' when !(i > 0 && char.IsLetterOrDigit(s[i - 1]) && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1])) => "\\_",
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '#' or '+' or '-' or '=' when i == 0 => "\\" + c,
                '.' or ')' when IsListNumber(s, i) => "\\" + c,
                '(' when i > 0 && s[i - 1] == ']' => "\\(",
                _ => null,
            };
            if (escape is null)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(s.Length + 16).Append(s, 0, i);
            sb.Append(escape);
        }
        return sb?.ToString() ?? s;
    }

    /// <summary>True when <paramref name="i"/> ends a leading run of digits (<c>1.</c>, <c>12)</c>), which Markdown reads as a list item.</summary>
    static bool IsListNumber(string s, int i)
    {
        if (i == 0 || i > 9) return false;
        for (int k = 0; k < i; k++) if (!char.IsAsciiDigit(s[k])) return false;
        return true;
    }

    /// <summary>
    /// A CSV text cell (<paramref name="multiline"/>: passage text, which keeps its line breaks; otherwise a name) made
    /// safe for spreadsheets, following OWASP's advice on CSV injection: display-safe as <see cref="Name"/> or
    /// <see cref="Text"/>, and a cell that starts (after any spaces) with <c>= + - @</c>, a tab or a line break gets a
    /// leading apostrophe, so no spreadsheet reads it as a formula (the CSV writer quotes such a cell). Numeric cells
    /// are written as numbers and never pass through here.
    /// </summary>
    internal static string CsvText(string? value, bool multiline)
    {
        string s = multiline ? Text(value) : Name(value);
        int i = 0;
        while (i < s.Length && s[i] == ' ') i++;
        return i < s.Length && s[i] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? "'" + s : s;
    }
}
