using System.Text.RegularExpressions;

namespace ReuseDetect.Attribution;

/// <summary>
/// Finds credit-line <em>candidates</em> in one document, each only where its structure is present:
/// <list type="bullet">
/// <item>datelines opening a paragraph: "MOSCOW (RFE/RL) —", "LONDON, March 3 (Reuters) -", "YEREVAN, MARCH 3,
/// ARMENPRESS.", "MOSCOW, March 3. /TASS/." — the name must be a curated agency, so a parenthesised acronym or plural
/// inside a sentence ("packet access (HSDPA) -", "(SUVs) -") is never a dateline;</item>
/// <item>wire sign-offs on the last lines: "(Reuters)", "— AP", "/TASS/", "Reporting by …; Editing by …";</item>
/// <item>agency reports: "As Reuters reported:", "TASS reports", "according to AFP", "reported by Interfax" (not
/// "Reuters quoted", "told TASS" or "X said");</item>
/// <item>"with permission from X", "courtesy of X", "republished from X", "originally published in X", "Source: X",
/// "By Author | X", where X may be any name;</item>
/// <item>"Copyright (c) 2023 X", which may name the publishing outlet itself.</item>
/// </list>
/// Nothing after the article's trailing matter begins (<see cref="TrailerStart"/>) counts: a teaser "MOSCOW (RFE/RL) —"
/// credits another article. Whether a candidate credits anyone is decided for the corpus by <see cref="CreditResolver"/>.
/// Every pattern is compiled once (source-generated) and runs only where its literal occurs.
/// </summary>
static partial class CreditLineDetector
{
    /// <summary>Last non-empty lines of the body examined for a wire sign-off.</summary>
    const int SignOffLines = 3;

    /// <summary>Longest line examined for a byline.</summary>
    const int BylineMaxChars = 80;

    /// <summary>How far into a line a dateline's opening parenthesis may be ("WASHINGTON, D.C., Jan. 12 (AP) —").</summary>
    const int DatelineReach = 64;

    /// <summary>
    /// The credit-line candidates in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) before
    /// its trailing matter, ordered by position, then outlet and kind.
    /// </summary>
    public static List<CreditLine> Find(string text, int start = 0, int end = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (end < 0) end = text.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        end = TrailerStart(text, start, end);
        var found = new List<CreditLine>();
        FindLines(text, start, end, found);
        int present = PresentGroups(text.AsSpan(start, end - start));
        FindReports(text, start, end, present, found);
        FindPhrases(text, start, end, present, found);
        FindNotices(text, start, end, found);
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : string.CompareOrdinal(a.Outlet, b.Outlet) is int byOutlet and not 0 ? byOutlet : string.CompareOrdinal(a.Kind, b.Kind));
        // One candidate per position, outlet and kind.
        for (int i = found.Count - 1; i > 0; i--)
            if (found[i].Start == found[i - 1].Start && found[i].Outlet == found[i - 1].Outlet && found[i].Kind == found[i - 1].Kind) found.RemoveAt(i);
        return found;
    }

    // The notices an agency prints under each of its stories, which its reposts carry along: they name the agency as
    // surely as its sign-off does. Matched as written (case included).
    static readonly (string Notice, string Agency)[] s_notices =
    [
        ("Thomson Reuters Trust Principles", "Reuters"),
        ("The Associated Press is an independent global news organization", "AP"),
        ("The Associated Press receives support from", "AP"),
        ("The Associated Press is solely responsible for all content", "AP"),
    ];

    /// <summary>An agency's own notice (<see cref="s_notices"/>) anywhere in the text, as a sign-off naming it.</summary>
    static void FindNotices(string text, int start, int end, List<CreditLine> found)
    {
        foreach (var (notice, agency) in s_notices)
            for (int at = text.IndexOf(notice, start, end - start, StringComparison.Ordinal); at >= 0;
                 at = at + notice.Length < end ? text.IndexOf(notice, at + notice.Length, end - at - notice.Length, StringComparison.Ordinal) : -1)
                found.Add(new CreditLine(agency, notice, at, at + notice.Length, CreditKinds.SignOff));
    }

    /// <summary>Datelines and bylines at line starts; sign-offs on the last lines.</summary>
    static void FindLines(string text, int start, int end, List<CreditLine> found)
    {
        Span<(int Start, int End)> last = stackalloc (int, int)[SignOffLines];
        int lines = 0;
        for (int pos = start; pos < end;)
        {
            int eol = text.IndexOf('\n', pos, end - pos);
            int lineEnd = eol < 0 ? end : eol;
            int ls = pos, le = lineEnd;
            while (ls < le && char.IsWhiteSpace(text[ls])) ls++;
            while (le > ls && char.IsWhiteSpace(text[le - 1])) le--;
            if (le > ls)
            {
                char c = text[ls];
                if (char.IsUpper(c) || c == '(')
                {
                    ParenDateline(text, ls, le, found);
                    AgencyDateline(text, ls, le, found);
                }
                if (le - ls <= BylineMaxChars) Byline(text, ls, le, found);
                // A line that is only "(Agency)" signs off a wire story wherever the page's own lines follow it.
                if (c == '(' && text[le - 1] == ')' && lines >= SignOffLines) SignOff(text, ls, le, found);
                last[lines++ % SignOffLines] = (ls, le);
            }
            pos = lineEnd + 1;
        }
        for (int k = Math.Max(0, lines - SignOffLines); k < lines; k++)
        {
            var (ls, le) = last[k % SignOffLines];
            SignOff(text, ls, le, found);
        }
    }

    /// <summary>"PLACE[, Month D] (Agency) —" opening a line: the agency in parentheses, then a dash.</summary>
    static void ParenDateline(string text, int ls, int le, List<CreditLine> found)
    {
        int open = text.IndexOf('(', ls, Math.Min(le, ls + DatelineReach) - ls);
        if (open < 0) return;
        int close = text.IndexOf(')', open, Math.Min(le, open + Agencies.MaxNameLength + 4) - open);
        if (close < 0) return;
        int after = close + 1;
        while (after < le && text[after] is ' ' or '\t' or '\u00A0') after++;
        if (after >= le) return;
        if (text[after] is '—' or '–') after++;
        else if (text[after] == '-') after += after + 1 < le && text[after + 1] == '-' ? 2 : 1;
        else return;
        if (!AgencyBetween(text, open + 1, close, out string agency)) return;
        if (!PlacePrefix().IsMatch(text.AsSpan(ls, open - ls).TrimEnd())) return;
        found.Add(new CreditLine(agency, text[open..after], open, after, CreditKinds.Dateline));
    }

    /// <summary>"YEREVAN, MARCH 3, ARMENPRESS." or "MOSCOW, March 3. /TASS/." opening a line.</summary>
    static void AgencyDateline(string text, int ls, int le, List<CreditLine> found)
    {
        Match m = AgencyDatelineLine().Match(text, ls, le - ls);
        if (!m.Success || !Agencies.TryName(m.Groups["o"].ValueSpan, out Agencies.Alias alias)) return;
        found.Add(new CreditLine(alias.Canonical, m.Value, m.Index, m.Index + m.Length, CreditKinds.AgencyDateline));
    }

    /// <summary>"By Author | X" (any name), or a line holding only an agency's full name ("Anadolu Agency").</summary>
    static void Byline(string text, int ls, int le, List<CreditLine> found)
    {
        if (text.AsSpan(ls, le - ls).StartsWith("By ", StringComparison.Ordinal))
        {
            // An agency ending the line names it whatever stands between ("By Jane Doe, Associated Press Writer").
            if (AgencyEndingByline(text, ls, le) is { } agency)
            {
                found.Add(new CreditLine(agency, text[ls..le], ls, le, CreditKinds.Byline));
                return;
            }
            Match m = BylineLine().Match(text, ls, le - ls);
            if (m.Success && Canonical(m.Groups["o"].Value) is { } outlet)
                found.Add(new CreditLine(outlet, text[ls..le], ls, le, CreditKinds.Byline));
            return;
        }
        if (Agencies.TryMatchAt(text.AsSpan(0, le), ls, allowAmbiguous: false, out Agencies.Alias alias, out int nameEnd)
            && text.AsSpan(nameEnd, le - nameEnd).TrimStart().TrimStart('.').IsEmpty)
            found.Add(new CreditLine(alias.Canonical, text[ls..le], ls, le, CreditKinds.Byline));
    }

    static readonly string[] s_bylineRoles = [" Writer", " Correspondent"];

    /// <summary>
    /// The agency ending a byline without a separator, as wires print it: "By JANE DOE Associated Press", "By Jane Doe
    /// Associated Press Writer" (a curated agency's unambiguous name, then at most "Writer" or "Correspondent").
    /// </summary>
    static string? AgencyEndingByline(string text, int ls, int le)
    {
        ReadOnlySpan<char> line = text.AsSpan(ls, le - ls).TrimEnd();
        foreach (string role in s_bylineRoles)
            if (line.EndsWith(role, StringComparison.OrdinalIgnoreCase)) line = line[..^role.Length].TrimEnd();
        int end = ls + line.Length;
        for (int s = ls + 3; s < end; s++)
        {
            if (text[s - 1] != ' ' || !char.IsLetter(text[s])) continue;
            if (Agencies.TryMatchAt(text.AsSpan(0, end), s, allowAmbiguous: false, out Agencies.Alias alias, out int nameEnd) && nameEnd == end)
                return alias.Canonical;
        }
        return null;
    }

    /// <summary>A wire sign-off line: "… said. (Reuters)", "— AP", "/TASS/", "Reporting by …; Editing by …".</summary>
    static void SignOff(string text, int ls, int le, List<CreditLine> found)
    {
        ReadOnlySpan<char> line = text.AsSpan(ls, le - ls);
        string agency;
        if (line[^1] == ')')
        {
            int open = text.LastIndexOf('(', le - 1, Math.Min(le - ls, Agencies.MaxNameLength + 4));
            // Without an agency in the last parentheses, the line may still be the roles line in parentheses
            // ("(Writing by …; Editing by …)", below).
            if (open >= 0 && AgencyBetween(text, open + 1, le - 1, out agency))
            {
                ReadOnlySpan<char> before = text.AsSpan(ls, open - ls).TrimEnd();
                if (!before.IsEmpty && before[^1] is not ('.' or '!' or '?' or '"' or '”' or '’' or ')' or '…')) return;
                found.Add(new CreditLine(agency, text[open..le], open, le, CreditKinds.SignOff));
                return;
            }
        }
        else if (line[0] is '—' or '–' or '-')
        {
            int at = ls + 1;
            while (at < le && text[at] is '—' or '–' or '-' or ' ' or '\t' or '\u00A0') at++;
            // "— The Associated Press"
            if (text.AsSpan(at, le - at).StartsWith("The ", StringComparison.OrdinalIgnoreCase)) at = SkipSpaces(text, at + 4, le);
            if (AgencyBetween(text, at, line[^1] == '.' ? le - 1 : le, out agency))
                found.Add(new CreditLine(agency, text[ls..le], ls, le, CreditKinds.SignOff));
            return;
        }
        else if (line[0] == '/')
        {
            int close = text.IndexOf('/', ls + 1, le - ls - 1);
            if (close > 0 && text.AsSpan(close + 1, le - close - 1).TrimStart('.').IsEmpty && AgencyBetween(text, ls + 1, close, out agency))
                found.Add(new CreditLine(agency, text[ls..le], ls, le, CreditKinds.SignOff));
            return;
        }
        if (ReutersCredits().IsMatch(line)) found.Add(new CreditLine("Reuters", text[ls..le], ls, le, CreditKinds.SignOff));
    }

    /// <summary>True when text[<paramref name="from"/>..<paramref name="to"/>), trimmed, is exactly a curated agency's name (abbreviations allowed).</summary>
    static bool AgencyBetween(string text, int from, int to, out string agency)
    {
        agency = "";
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        if (to <= from || !Agencies.TryMatchAt(text.AsSpan(0, to), from, allowAmbiguous: true, out Agencies.Alias alias, out int end) || end != to)
            return false;
        agency = alias.Canonical;
        return true;
    }

    /// <summary>
    /// Where the trailing matter of an article begins: the first line, past the first third of
    /// [<paramref name="start"/>, <paramref name="end"/>), that is a heading such as "You May Also Like", "Related",
    /// "Read more", "Leave a Reply", "3 Comments" or "Sign Up for Our Newsletters"; <paramref name="end"/> when there is none.
    /// </summary>
    public static int TrailerStart(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        int pos = start + (end - start) / 3;
        pos = pos == start ? start : text.IndexOf('\n', pos, end - pos) is int nl and >= 0 ? nl + 1 : end;
        while (pos < end)
        {
            int eol = text.IndexOf('\n', pos, end - pos);
            int lineEnd = eol < 0 ? end : eol;
            if (lineEnd - pos <= 60 && lineEnd > pos && Ingestion.HtmlExtractor.TrailerHeading().IsMatch(text.AsSpan(pos, lineEnd - pos)))
                return pos;
            pos = lineEnd + 1;
        }
        return end;
    }

    const string Months = "(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*\\.?";

    // What may stand before "(Agency) —" on a dateline: a place in capitalised words, a region, a date; or nothing.
    [GeneratedRegex(@"^(?:[A-Z][\p{L}'’.\-]*(?:[ /][A-Z][\p{L}'’.\-]*){0,3}(?:,[ ]*[A-Z][\p{L}'’.\-]*(?:[ ][A-Z][\p{L}'’.\-]*){0,2})?(?:,?[ ]+"
        + Months + @"[ ]+\d{1,2}(?:,[ ]*\d{4})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlacePrefix();

    // The place in capitals as wires print it, or retyped in title case by a repost ("Brussels, APRIL 4, ARMENPRESS.").
    [GeneratedRegex(@"^[A-Z][\p{L}'’.\-]*(?:[ /][A-Z][\p{L}'’.\-]*){0,3},[ ]+(?:[A-Z][A-Za-z]+,[ ]+)?" + Months
        + @"[ ]+\d{1,2}(?:,[ ]*\d{4})?(?:[.,]?[ ]*/(?<o>[A-Za-z][A-Za-z\-]*)/\.?|,[ ]+(?<o>[A-Z][A-Z\-]*[A-Z])\.)", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyDatelineLine();

    [GeneratedRegex(@"^By[ \t]+[A-Z][\p{L}.'’\-]*(?:[ \t]+[A-Z][\p{L}.'’\-]*){0,3}(?:[ \t]+and[ \t]+[A-Z][\p{L}.'’\-]*(?:[ \t]+[A-Z][\p{L}.'’\-]*){0,3})?[ \t]*[|,–—\-][ \t]*"
        + Name + @"[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineLine();

    // Reuters' roles line: "Reporting by …; Editing by …", "(Writing by …; Editing by …)", "Compiled by …; Editing by …".
    [GeneratedRegex(@"^\(?(?:(?:Additional[ \t]+)?[Rr]eporting[ \t]+by\b.*?\b(?:[Ee]diting|[Ww]riting)|(?:[Ww]riting|[Cc]ompiled)[ \t]+by\b[^;\n]*;[ \t]*[Ee]diting)[ \t]+by\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReutersCredits();
}
