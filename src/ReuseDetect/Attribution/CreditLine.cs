using System.Text.RegularExpressions;

namespace ReuseDetect.Attribution;

/// <summary>A credit line or dateline naming an outlet: the outlet (canonical name), the evidence as printed, and where.</summary>
public readonly record struct CreditLine(string Outlet, string Evidence, int Start, int End);

/// <summary>
/// Finds credit lines and agency datelines: "with permission from RFE/RL", "MOSCOW (RFE/RL) —", "…, TASS reports",
/// "TASS quoted …", "YEREVAN, NOVEMBER 8, ARMENPRESS.", "Copyright (c) 2023 Radio Free Europe / Radio Liberty",
/// "courtesy of …", "Source: …". Agency names are canonicalised through a small alias table (RFE/RL, TASS,
/// Armenpress, Anadolu Agency, Reuters, AP, AFP, Interfax, Xinhua, RIA Novosti); other names are kept as printed.
/// Quotes given to an outlet ("told RFE/RL") are not credits.
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

    [GeneratedRegex(@"\bCopyright\s*(?:\(c\)|©)?\s*(?:\d{4}\s+)?(?<o>[A-Z][\w&.\-]*(?:\s*/\s*[A-Z][\w&.\-]*|\s+[A-Z][\w&.\-]*){0,5})", RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    static readonly (string Alias, string Canonical)[] s_aliases =
    [
        ("rfe/rl", "RFE/RL"), ("radio free europe/radio liberty", "RFE/RL"), ("radio free europe", "RFE/RL"), ("radio liberty", "RFE/RL"),
        ("itar-tass", "TASS"), ("tass", "TASS"), ("armenpress", "Armenpress"), ("anadolu agency", "Anadolu Agency"), ("anadolu", "Anadolu Agency"),
        ("reuters", "Reuters"), ("associated press", "AP"), ("ap", "AP"), ("agence france-presse", "AFP"), ("afp", "AFP"),
        ("interfax", "Interfax"), ("xinhua", "Xinhua"), ("ria novosti", "RIA Novosti"), ("sputnik", "Sputnik"),
    ];

    // Capitalised words that end a captured name rather than belong to it.
    static readonly HashSet<string> s_stopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Copyright", "All", "Reposted", "Inc", "Inc.", "The", "This", "Read", "More", "In", "On", "Source", "Photo",
    };

    /// <summary>All credit lines in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), in text order, one per outlet and position.</summary>
    public static List<CreditLine> Find(string text, int start = 0, int end = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (end < 0) end = text.Length;
        string body = start == 0 && end == text.Length ? text : text[start..end];
        var found = new List<CreditLine>();
        foreach (Regex regex in (Regex[])[Permission(), Courtesy(), DatelineParen(), Reports(), AgencyDateline(), Copyright()])
        {
            foreach (Match m in regex.Matches(body))
            {
                string? outlet = Canonical(m.Groups["o"].Value);
                if (outlet is null) continue;
                if (regex == Reports() && !IsKnown(outlet)) continue; // "X reported" credits only known agencies
                if (regex == DatelineParen() && outlet.Length > 24) continue;
                found.Add(new CreditLine(outlet, m.Value.Trim(), start + m.Index, start + m.Index + m.Length));
            }
        }
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Outlet, b.Outlet));
        return found;
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
