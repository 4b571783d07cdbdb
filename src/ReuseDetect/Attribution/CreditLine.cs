using System.Text.RegularExpressions;

namespace ReuseDetect.Attribution;

/// <summary>
/// A credit line or dateline naming an outlet: the outlet (canonical name), the evidence as printed, where, and its kind
/// (<c>permission</c>, <c>courtesy</c>, <c>dateline</c>, <c>reports</c>, <c>agency-dateline</c>, <c>copyright</c>, <c>byline</c>).
/// </summary>
public readonly record struct CreditLine(string Outlet, string Evidence, int Start, int End, string Kind = "credit");

/// <summary>
/// Finds credit lines and agency datelines: "with permission from RFE/RL", "MOSCOW (RFE/RL) —", "…, TASS reports",
/// "TASS quoted …", "YEREVAN, NOVEMBER 8, ARMENPRESS.", "Copyright (c) 2023 Radio Free Europe / Radio Liberty",
/// "courtesy of …", "Source: …". Agency names are canonicalised through a small alias table (RFE/RL, TASS,
/// Armenpress, Anadolu Agency, Reuters, AP, AFP, Interfax, Xinhua, RIA Novosti, and their site hosts such as rferl.org or
/// tass.com); other names are kept as printed.
/// A line naming only a known agency ("Anadolu Agency", "By Elena Teslova | Anadolu Agency") is a byline credit.
/// Quotes given to an outlet ("told RFE/RL") are not credits, and neither is anything after the article's trailing
/// matter begins (a "You May Also Like" teaser block, "Related", "Leave a Reply", a comment count, a sign-up prompt):
/// a teaser "MOSCOW (RFE/RL) —" credits another article, not this one. Evidence ends where the outlet's name ends.
/// </summary>
public static partial class CreditLineDetector
{
    const string Name = @"(?<o>(?:[A-Z][\w&'’.\-]*(?:/[A-Z][\w&.\-]*)?)(?:\s*/\s*[A-Z][\w&.\-]*|\s+(?:of\s+|the\s+)?[A-Z][\w&.\-]*){0,4})";

    [GeneratedRegex(@"\bwith\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:from|of)\s+(?:the\s+)?" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Permission();

    [GeneratedRegex(@"\b(?:courtesy\s+of|republished\s+from|reprinted\s+from|originally\s+published\s+(?:by|in|on)|Source:)\s+(?:the\s+)?" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Courtesy();

    [GeneratedRegex(@"\((?<o>[A-Z][A-Za-z&.\-]*(?:\s*/\s*[A-Z][A-Za-z&.\-]*)?(?:\s[A-Z][A-Za-z&.\-]*){0,3})\)\s*[—–\-]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineParen();

    [GeneratedRegex(@"\b(?<o>[A-Z][A-Za-z&.\-]*(?:/[A-Z][A-Za-z&.\-]*)?(?:\s+[A-Z][A-Za-z&.\-]*){0,2})\s+(?:reports|reported|quoted|quotes|said\s+in\s+a\s+report)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reports();

    [GeneratedRegex(@"(?m)^\s*[A-Z][A-Z\-]+,\s+[A-Z]+\s+\d{1,2},\s+(?<o>[A-Z][A-Z]+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyDateline();

    [GeneratedRegex(@"^(?:By\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*[|,–—\-]\s*)?(?<o>[A-Z][\w&.\-]*(?:\s*/\s*[A-Z][\w&.\-]*|\s+[A-Z][\w&.\-]*){0,3})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineLine();

    [GeneratedRegex(@"\bCopyright\s*(?:\(c\)|©)?\s*(?:\d{4}\s+)?(?<o>[A-Z][\w&.\-]*(?:\s*/\s*[A-Z][\w&.\-]*|\s+[A-Z][\w&.\-]*){0,5})", RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    static readonly (string Alias, string Canonical)[] s_aliases =
    [
        ("rfe/rl", "RFE/RL"), ("radio free europe/radio liberty", "RFE/RL"), ("radio free europe", "RFE/RL"), ("radio liberty", "RFE/RL"),
        // Site names and hosts, so that an outlet named by its folder or URL host ("rferl.org") matches its credit lines.
        ("rferl", "RFE/RL"), ("azatutyun", "RFE/RL"), ("apnews", "AP"), ("xinhuanet", "Xinhua"), ("ria.ru", "RIA Novosti"), ("sputniknews", "Sputnik"),
        ("itar-tass", "TASS"), ("tass", "TASS"), ("armenpress", "Armenpress"), ("anadolu agency", "Anadolu Agency"), ("anadolu ajansı", "Anadolu Agency"),
        ("anadolu", "Anadolu Agency"), ("aa", "Anadolu Agency"),
        ("reuters", "Reuters"), ("associated press", "AP"), ("ap", "AP"), ("agence france-presse", "AFP"), ("afp", "AFP"),
        ("interfax", "Interfax"), ("xinhua", "Xinhua"), ("ria novosti", "RIA Novosti"), ("sputnik", "Sputnik"),
    ];

    // Capitalised words that end a captured name rather than belong to it.
    static readonly HashSet<string> s_stopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Copyright", "All", "Reposted", "Inc", "Inc.", "The", "This", "Read", "More", "In", "On", "Source", "Photo",
    };

    // Each pattern runs only where one of its literal words occurs: a vectorised IndexOf rules most text out, so
    // credit detection costs little beside tokenizing (without these it ran at about 3 MB/s on Reuters).
    // "reports" has no fixed start, so it runs only on a window before each keyword.
    static readonly (string Kind, Func<Regex> Regex, string[] Needles, bool Windowed)[] s_patterns =
    [
        ("permission", Permission, ["permission"], false),
        ("courtesy", Courtesy, ["courtesy of", "republished from", "reprinted from", "originally published", "Source:"], false),
        ("dateline", DatelineParen, [")"], false),
        ("reports", Reports, [" reports", " reported", " quoted", " quotes", " said in a report"], true),
        ("agency-dateline", AgencyDateline, [","], false),
        ("copyright", Copyright, ["Copyright"], false),
    ];

    const int ReportsWindow = 120;

    /// <summary>
    /// All credit lines in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) before its trailing
    /// matter (<see cref="TrailerStart"/>), in text order, one per outlet and position.
    /// </summary>
    public static List<CreditLine> Find(string text, int start = 0, int end = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (end < 0) end = text.Length;
        end = TrailerStart(text, start, end);
        string body = start == 0 && end == text.Length ? text : text[start..end];
        var found = new List<CreditLine>();
        foreach (var (kind, pattern, needles, windowed) in s_patterns)
        {
            if (!needles.Any(n => body.Contains(n, StringComparison.Ordinal))) continue;
            Regex regex = pattern();
            foreach (Match m in windowed ? WindowMatches(regex, body, needles) : regex.Matches(body))
            {
                Group name = m.Groups["o"];
                string? outlet = Canonical(name.Value);
                if (outlet is null) continue;
                if (kind == "reports" && !IsKnown(outlet)) continue; // "X reported" credits only known agencies
                if (kind == "dateline" && outlet.Length > 24) continue;
                int evidenceEnd = NameEnd(name, m.Index + m.Length);
                found.Add(new CreditLine(outlet, body[m.Index..evidenceEnd].Trim(), start + m.Index, start + evidenceEnd, kind));
            }
        }
        FindBylines(body, start, found);
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Outlet, b.Outlet));
        return found;
    }

    /// <summary>Matches of <paramref name="regex"/> in windows ending just after each needle, deduplicated, in text order.</summary>
    static IEnumerable<Match> WindowMatches(Regex regex, string body, string[] needles)
    {
        var seen = new HashSet<int>();
        var matches = new List<Match>();
        foreach (string needle in needles)
        {
            for (int at = body.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = body.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                int from = Math.Max(0, at - ReportsWindow), to = Math.Min(body.Length, at + needle.Length + 1);
                // Start the window at a word boundary so a name is never cut in half.
                while (from > 0 && !char.IsWhiteSpace(body[from - 1])) from--;
                for (Match m = regex.Match(body, from, to - from); m.Success; m = m.NextMatch())
                    if (m.Index + m.Length >= at && seen.Add(m.Index)) matches.Add(m);
            }
        }
        matches.Sort((a, b) => a.Index.CompareTo(b.Index));
        return matches;
    }

    /// <summary>A line that names only a known agency, possibly after "By Author |".</summary>
    static void FindBylines(string body, int offset, List<CreditLine> found)
    {
        int pos = 0;
        while (pos < body.Length)
        {
            int eol = body.IndexOf('\n', pos);
            int lineEnd = eol < 0 ? body.Length : eol;
            ReadOnlySpan<char> line = body.AsSpan(pos, lineEnd - pos);
            ReadOnlySpan<char> bare = line.Trim();
            // A byline is "By Author | Agency" or a line of the agency's name alone: skip every other line cheaply.
            if (bare.Length is > 1 and <= 60 && (bare.Length <= 32 || bare.StartsWith("By ", StringComparison.Ordinal)))
            {
                int lead = line.Length - line.TrimStart().Length;
                string trimmed = line.Trim().ToString();
                if (BylineLine().Match(trimmed) is { Success: true } m && Canonical(m.Groups["o"].Value) is { } outlet
                    && IsKnown(outlet) && m.Groups["o"].Value.Length <= 32)
                    found.Add(new CreditLine(outlet, trimmed, offset + pos + lead, offset + pos + lead + trimmed.Length, "byline"));
            }
            pos = lineEnd + 1;
        }
    }

    /// <summary>Where the outlet's name ends in a match: before the first stop word it swallowed ("RFE/RL Copyright" → "RFE/RL") or a final full stop.</summary>
    static int NameEnd(Group name, int matchEnd)
    {
        if (name.Value.Length == 0) return matchEnd;
        if (name.Index + name.Length < matchEnd) return matchEnd; // text after the name belongs to the pattern ("reports", ") —")
        int offset = 0;
        foreach (string word in name.Value.Split(' '))
        {
            if (offset > 0 && s_stopWords.Contains(word.TrimEnd('.', ',')))
                return name.Index + name.Value[..offset].TrimEnd().Length;
            offset += word.Length + 1;
        }
        // A full stop or comma after the name ends the sentence, not the name ("from RFE/RL." → "from RFE/RL").
        return name.Index + name.Value.TrimEnd('.', ',').Length;
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

    /// <summary>The canonical outlet name for a printed name, or null when nothing is left after trimming.</summary>
    public static string? Canonical(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        string collapsed = Regex.Replace(printed.Trim(), @"\s*/\s*", "/");
        collapsed = Regex.Replace(collapsed, @"\s+", " ");
        // Longest known alias at the start wins ("Radio Free Europe/Radio Liberty, Inc." → RFE/RL).
        foreach (var (alias, canonical) in s_aliases.OrderByDescending(a => a.Alias.Length))
        {
            if (collapsed.StartsWith(alias, StringComparison.OrdinalIgnoreCase)
                && (collapsed.Length == alias.Length || !char.IsLetterOrDigit(collapsed[alias.Length])))
                return canonical;
        }
        var words = collapsed.Split(' ').ToList();
        int keep = words.FindIndex(w => s_stopWords.Contains(w.TrimEnd('.', ',')));
        if (keep == 0) return null;
        if (keep > 0) words = words[..keep];
        string name = string.Join(' ', words).TrimEnd('.', ',', '’', '\'', '-');
        if (name.EndsWith("’s", StringComparison.Ordinal) || name.EndsWith("'s", StringComparison.Ordinal)) name = name[..^2];
        return name.Length >= 2 ? name : null;
    }

    /// <summary>True when <paramref name="outlet"/> is one of the known agencies.</summary>
    public static bool IsKnown(string outlet) => s_aliases.Any(a => a.Canonical == outlet);

    /// <summary>True when two outlet names denote the same outlet.</summary>
    public static bool SameOutlet(string a, string b) =>
        string.Equals(Canonical(a) ?? a, Canonical(b) ?? b, StringComparison.OrdinalIgnoreCase);
}
