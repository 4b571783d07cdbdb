using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ReuseDetect.Attribution;

// Credit phrases inside running text: agency reports ("As Reuters reported:", "according to AFP") and the wordings
// that may name any outlet ("with permission from X", "courtesy of X", "Source: X", "Copyright 2023 X").
static partial class CreditLineDetector
{
    // A printed name: capitalised words (or a web host) joined by spaces, '/', "of", "the" or "&"; never over a line
    // break or past a full stop ("the National Park Service. What" ends at "Service").
    const string Word = @"(?:[A-Z][\w&'’\-]*(?:\.[\w&\-]+)*|[a-z][\w\-]*(?:\.[a-z][\w\-]*)+|dpa\b)";
    const string Name = "(?<o>" + Word + @"(?:[ \t]*/[ \t]*" + Word + @"|[ \t]+(?:(?:of|the|&)[ \t]+)?" + Word + "){0,5})";

    // "with permission from X" anywhere; "with permission of X" only after a publishing verb ("Reprinted with
    // permission of X", not a course's "with permission of the Department Chair"); "by permission of X" always.
    [GeneratedRegex(@"(?<v>(?i:posted|printed|published|used|produced|appears?|appearing)[ \t]+)?\b(?<w>[Ww]ith|[Bb]y)[ \t]+(?:[Tt]he[ \t]+)?(?:kind[ \t]+)?permission[ \t]+(?<p>from|of)[ \t]+(?:[Tt]he[ \t]+)?"
        + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Permission();

    [GeneratedRegex(@"\b[Cc]ourtesy[ \t]+of[ \t]+(?:[Tt]he[ \t]+)?" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Courtesy();

    // "originally appeared in the Fall 2002 Design Management Review": the issue's season or month and year are skipped.
    [GeneratedRegex(@"\b(?:[Rr]e(?:published|printed|posted)[ \t]+from|[Oo]riginally[ \t]+(?:published|appeared|posted|ran)[ \t]+(?:by|in|on|at))[ \t]+(?:[Tt]he[ \t]+)?"
        + @"(?:(?:Spring|Summer|Fall|Autumn|Winter|" + Months + @")[ \t]+\d{4}[ \t]+(?:(?:issue|edition)[ \t]+of[ \t]+(?:[Tt]he[ \t]+)?)?)?"
        + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Republished();

    [GeneratedRegex(@"\b(?:Source|SOURCE)[ \t]*:[ \t]*(?:[Tt]he[ \t]+)?" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    // "This story first appeared on Kavkaz Times": any name, so a weak line (resolution keeps agencies and outlets of the
    // corpus; "first appeared in the UK" names a place).
    [GeneratedRegex(@"\b[Ff]irst[ \t]+(?:published|appeared|posted|ran)[ \t]+(?:by|in|on|at)[ \t]+(?:[Tt]he[ \t]+)?" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex FirstAppeared();

    // A line that only leads in a story by naming where it comes from: "Caspian Monitor reports:", "As Kavkaz Times
    // reported:", "According to the Daily Courier:". Any name: resolution keeps it when it is an agency or an outlet of the corpus.
    [GeneratedRegex(@"(?m)^[ \t]*(?:[Aa]s[ \t]+|[Aa]ccording[ \t]+to[ \t]+)?(?:[Tt]he[ \t]+)?" + Name + @"(?:[ \t]+(?:reports|reported|writes|wrote))?[ \t]*:[ \t]*\r?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"(?:\b(?:Copyright|COPYRIGHT)\b|©(?:[ \t]*(?:Copyright|COPYRIGHT)\b)?)[ \t]*(?:\([cC]\)|©)?[ \t]*(?:(?:\d{4}[ \t]*[-–][ \t]*)?\d{4},?[ \t]+)?(?:by[ \t]+)?(?:[Tt]he[ \t]+)?"
        + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    // Who contributed to a story: "The Associated Press contributed to this report", "Associated Press writers Jane Doe and
    // John Roe contributed reporting", "Additional reporting by Reuters", "Material from Reuters was used in this report",
    // "With files from The Canadian Press". Any name: resolution keeps agencies and outlets of the corpus (a reporter's
    // name is none).
    [GeneratedRegex(@"(?:[Tt]he[ \t]+)?" + Name + @"(?:[ \t]+(?:writers?|reporters?|correspondents?|staff(?:ers)?)\b[^.\n]{0,80}?)?(?:[ \t]+also)?[ \t]+contributed[ \t]+(?:reporting\b|to[ \t]+(?:this|the)[ \t]+(?:report|story|article))"
        + @"|\b(?:[Aa]dditional|[Ww]ith)[ \t]+reporting[ \t]+(?:by|from)[ \t]+(?:[Tt]he[ \t]+)?" + Name
        + @"|\b(?:[Mm]aterial|[Ii]nformation)[ \t]+from[ \t]+(?:[Tt]he[ \t]+)?" + Name + @"[ \t]+(?:was|were)[ \t]+used\b"
        + @"|\b(?:[Ww]ith[ \t]+files|[Ii]ncludes[ \t]+(?:reporting|material))[ \t]+from[ \t]+(?:[Tt]he[ \t]+)?" + Name
        // "This article was provided by The Associated Press", "Distributed by Reuters" opening a line.
        + @"|\b(?:[Tt]his|[Tt]he)[ \t]+(?:article|story|report|content|piece)[ \t]+(?:was|is|has[ \t]+been)[ \t]+(?:provided|distributed|supplied|syndicated)[ \t]+by[ \t]+(?:[Tt]he[ \t]+)?" + Name
        + @"|(?m:^)[ \t]*(?:Distributed|Provided|Supplied|Syndicated)[ \t]+by[ \t]+(?:[Tt]he[ \t]+)?" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Contributed();

    // Each pattern runs only where one of its literals occurs. One multi-string search (SearchValues) over the text
    // finds which literals occur at all, instead of one IndexOf per literal. A pattern marked per line never matches
    // across a line break and holds one of its literals (whole words, so no spacing can hide it) in every match: it runs
    // on the lines that hold one, not over the whole text (its name comes first, so over the whole text the engine
    // tries it at every capitalised word: 3 % of a PAN + BBC scan's CPU).
    static readonly (string Kind, Func<Regex> Regex, string[] Needles, bool PerLine)[] s_phrases =
    [
        (CreditKinds.Permission, Permission, ["permission"], false),
        (CreditKinds.Courtesy, Courtesy, ["ourtesy of"], false),
        (CreditKinds.Republished, Republished, ["ublished from", "rinted from", "osted from", "riginally "], false),
        (CreditKinds.Source, SourceLine, ["Source", "SOURCE"], false),
        (CreditKinds.Copyright, Copyright, ["Copyright", "COPYRIGHT"], false),
        (CreditKinds.Source, LeadIn, ["reports:", "reported:", "writes:", "wrote:", "ccording to"], false),
        (CreditKinds.Source, FirstAppeared, ["irst appeared", "irst published", "irst ran", "irst posted"], false),
        (CreditKinds.Contributed, Contributed, ["contributed", "reporting", "files", "aterial", "nformation", "rovided", "istributed", "upplied", "yndicated"], true),
    ];

    const string Report = "report", According = "ccording to";
    const int CopyrightGroup = 4, ReportGroup = 8, AccordingGroup = 9; // the phrase groups are 0..7

    static readonly (string Needle, int Group)[] s_needles =
    [
        .. s_phrases.SelectMany((p, group) => p.Needles.Select(n => (n, group))), (Report, ReportGroup), (According, AccordingGroup),
    ];

    static readonly SearchValues<string> s_needleSearch = SearchValues.Create([.. s_needles.Select(n => n.Needle)], StringComparison.Ordinal);

    /// <summary>A bit per needle group (<see cref="s_phrases"/>, then "report", then "according to") whose literal occurs in <paramref name="body"/>.</summary>
    static int PresentGroups(ReadOnlySpan<char> body)
    {
        const int all = (1 << (AccordingGroup + 1)) - 1;
        int mask = 0;
        for (int offset = 0; mask != all && offset < body.Length;)
        {
            int at = body[offset..].IndexOfAny(s_needleSearch);
            if (at < 0) break;
            ReadOnlySpan<char> rest = body[(offset + at)..];
            foreach (var (needle, group) in s_needles)
                if (rest.StartsWith(needle, StringComparison.Ordinal)) mask |= 1 << group;
            offset += at + 1;
        }
        // '©' is searched apart: a non-ASCII needle would take the multi-string search off its vectorised path.
        if (body.Contains('©')) mask |= 1 << CopyrightGroup;
        return mask;
    }

    // Words before "<agency> reported" that show the agency is not the one reporting ("told Reuters", "according to
    // AP reports" — found by its own pattern).
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notReporter = FrozenSet.ToFrozenSet(
        ["to", "told", "by", "from", "of", "with", "at", "for", "on", "in"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Capitalised words that may open a sentence before "<agency> reported" without being part of a longer name.
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_leadIns = FrozenSet.ToFrozenSet(
        ["As", "The", "And", "But", "Also", "Meanwhile", "Earlier", "Later", "However", "Separately", "Then", "Now", "Previously", "Last", "Late"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    static void FindPhrases(string text, int start, int end, int present, List<CreditLine> found)
    {
        for (int group = 0; group < s_phrases.Length; group++)
        {
            if ((present & (1 << group)) == 0) continue;
            var (kind, pattern, _, _) = s_phrases[group];
            if (s_lineSearch[group] is { } lineNeedles)
                foreach (var (lineStart, lineEnd) in LinesHolding(text, start, end, lineNeedles)) Phrases(text, lineStart, lineEnd, kind, pattern(), found);
            else Phrases(text, start, end, kind, pattern(), found);
        }
    }

    /// <summary>For each pattern of <see cref="s_phrases"/> run per line, one search for its literals; null for the others.</summary>
    static readonly SearchValues<string>?[] s_lineSearch =
        [.. s_phrases.Select(p => p.PerLine ? SearchValues.Create(p.Needles, StringComparison.Ordinal) : null)];

    /// <summary>The lines of <c>text[start..end]</c> (clipped to it) that hold one of <paramref name="needles"/>, in text order.</summary>
    static List<(int Start, int End)> LinesHolding(string text, int start, int end, SearchValues<string> needles)
    {
        var lines = new List<(int, int)>();
        // Each search starts at a line's start: the line of a literal found starts at the last break before it.
        for (int from = start; from < end;)
        {
            int at = text.AsSpan(from, end - from).IndexOfAny(needles);
            if (at < 0) break;
            at += from;
            int lineStart = from + text.AsSpan(from, at - from).LastIndexOf('\n') + 1;
            int next = text.AsSpan(at, end - at).IndexOf('\n');
            int lineEnd = next < 0 ? end : at + next;
            lines.Add((lineStart, lineEnd));
            from = lineEnd + 1;
        }
        return lines;
    }

    /// <summary>The matches of one phrase pattern in <c>text[start..end]</c>, as credit lines of <paramref name="kind"/>.</summary>
    static void Phrases(string text, int start, int end, string kind, Regex pattern, List<CreditLine> found)
    {
        for (Match m = pattern.Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            Group name = m.Groups["o"];
            if (Canonical(name.Value) is not { } outlet) continue;
            int from = m.Index;
            if (kind == CreditKinds.Permission)
            {
                Group with = m.Groups["w"];
                if (m.Groups["p"].ValueSpan is "of" && with.ValueSpan is not ("By" or "by") && !m.Groups["v"].Success) continue;
                from = with.Index;
            }
            // A contribution line's name may come before its wording: the evidence is the whole line.
            int to = kind == CreditKinds.Contributed ? Math.Max(NameEnd(name), m.Index + m.Length) : NameEnd(name);
            found.Add(new CreditLine(outlet, text[from..to], from, to, kind));
        }
    }

    /// <summary>Where a captured name ends: before the first stop word it swallowed ("RFE/RL Copyright" → "RFE/RL"), without a final full stop or comma.</summary>
    static int NameEnd(Group name)
    {
        ReadOnlySpan<char> value = name.ValueSpan;
        int offset = 0;
        foreach (Range r in value.Split(' '))
        {
            if (offset > 0 && s_stopWords.Contains(value[r].TrimEnd(".,")))
                return name.Index + value[..offset].TrimEnd().Length;
            offset = r.End.GetOffset(value.Length) + 1;
        }
        return name.Index + TrimName(value).Length;
    }

    /// <summary>A name without a final full stop, comma, apostrophe or possessive ("Bobby Stokes'" → "Bobby Stokes", "Nuesse's" → "Nuesse").</summary>
    static ReadOnlySpan<char> TrimName(ReadOnlySpan<char> name)
    {
        name = name.TrimEnd(".,’'-");
        if (name.EndsWith("’s", StringComparison.Ordinal) || name.EndsWith("'s", StringComparison.Ordinal)) name = name[..^2];
        return name;
    }

    /// <summary>"As Reuters reported", "TASS reports", "the Interfax news agency reported", "reported by AFP", "according to the Associated Press".</summary>
    static void FindReports(string text, int start, int end, int present, List<CreditLine> found)
    {
        for (int at = (present & (1 << ReportGroup)) == 0 ? -1 : text.IndexOf(Report, start, end - start, StringComparison.Ordinal); at >= 0;
             at = at + 6 < end ? text.IndexOf(Report, at + 6, end - at - 6, StringComparison.Ordinal) : -1)
        {
            int kwEnd = at + 6 < end && text[at + 6] == 's' ? at + 7
                : at + 7 < end && text[at + 6] == 'e' && text[at + 7] == 'd' ? at + 8 : -1;
            if (kwEnd < 0 || (kwEnd < end && char.IsLetterOrDigit(text[kwEnd])) || at == start || !char.IsWhiteSpace(text[at - 1])) continue;
            AgencyReporting(text, start, at, kwEnd, found);
            if (kwEnd == at + 8) ReportedBy(text, at, kwEnd, end, found);
        }
        for (int at = (present & (1 << AccordingGroup)) == 0 ? -1 : text.IndexOf(According, start, end - start, StringComparison.Ordinal); at >= 0;
             at = at + According.Length < end ? text.IndexOf(According, at + According.Length, end - at - According.Length, StringComparison.Ordinal) : -1)
        {
            if (at == start || text[at - 1] is not ('a' or 'A') || (at - 1 > start && char.IsLetter(text[at - 2]))) continue;
            int pos = SkipSpaces(text, at + According.Length, end);
            if (pos == at + According.Length) continue;
            if (AgencyAfter(text, pos, end, out string agency, out int nameEnd))
                found.Add(new CreditLine(agency, text[(at - 1)..nameEnd], at - 1, nameEnd, CreditKinds.Reports));
        }
    }

    /// <summary>"[As] Agency [news agency] [has] reports|reported" ending at <paramref name="kwEnd"/>.</summary>
    static void AgencyReporting(string text, int start, int at, int kwEnd, List<CreditLine> found)
    {
        int q = SkipSpacesBack(text, start, at);
        if (WordBefore(text, start, q) is (int hs, _) && text.AsSpan(hs, q - hs) is "has" or "have") q = SkipSpacesBack(text, start, hs);
        if (WordBefore(text, start, q) is (int ws, _) && text.AsSpan(ws, q - ws) is "agency" or "service")
        {
            q = SkipSpacesBack(text, start, ws);
            if (WordBefore(text, start, q) is (int ns, _) && text.AsSpan(ns, q - ns) is "news") q = SkipSpacesBack(text, start, ns);
        }
        int nameStart = -1;
        Agencies.Alias alias = default;
        for (int s = q - 1; s >= Math.Max(start, q - Agencies.MaxNameLength - 1); s--)
        {
            if (!char.IsLetter(text[s]) || (s > start && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] is not ('(' or '"' or '“' or '‘' or ','))) continue;
            if (Agencies.TryMatchAt(text.AsSpan(0, q), s, allowAmbiguous: false, out Agencies.Alias a, out int e) && e == q)
                (nameStart, alias) = (s, a); // keep the longest
        }
        if (nameStart < 0) return;
        int from = nameStart;
        int p = SkipSpacesBack(text, start, nameStart);
        if (p == nameStart || WordBefore(text, start, p) is not (int ps, _)) { Add(); return; }
        ReadOnlySpan<char> previous = text.AsSpan(ps, p - ps);
        if (previous.Equals("as", StringComparison.OrdinalIgnoreCase)) from = ps;
        else if (s_notReporter.Contains(previous)) return;
        else if (char.IsUpper(previous[0]) && !s_leadIns.Contains(previous) && !s_notNames.Contains(previous)) return; // "Michael Bloomberg reported"
        Add();

        void Add() => found.Add(new CreditLine(alias.Canonical, text[from..kwEnd], from, kwEnd, CreditKinds.Reports));
    }

    /// <summary>"reported by [the] Agency".</summary>
    static void ReportedBy(string text, int at, int kwEnd, int end, List<CreditLine> found)
    {
        int pos = SkipSpaces(text, kwEnd, end);
        if (pos == kwEnd || pos + 3 > end || text[pos] != 'b' || text[pos + 1] != 'y' || !char.IsWhiteSpace(text[pos + 2])) return;
        if (AgencyAfter(text, SkipSpaces(text, pos + 2, end), end, out string agency, out int nameEnd))
            found.Add(new CreditLine(agency, text[at..nameEnd], at, nameEnd, CreditKinds.Reports));
    }

    /// <summary>
    /// An unambiguous agency name at <paramref name="pos"/>, after an optional "the" and a short description ending
    /// in "agency" ("the French news agency AFP"), that no further capitalised word continues ("AP Stylebook").
    /// </summary>
    static bool AgencyAfter(string text, int pos, int end, out string agency, out int nameEnd)
    {
        agency = "";
        nameEnd = -1;
        ReadOnlySpan<char> body = text.AsSpan(0, end);
        if (body[pos..].StartsWith("the ", StringComparison.OrdinalIgnoreCase)) pos = SkipSpaces(text, pos + 4, end);
        if (!Agencies.TryMatchAt(body, pos, allowAmbiguous: false, out Agencies.Alias alias, out nameEnd))
        {
            // Up to four words of description ending in "agency": "the Russian news agency Interfax".
            int p = pos;
            for (int words = 0; words < 4 && p < end; words++)
            {
                int w = p;
                while (p < end && char.IsLetter(text[p])) p++;
                if (p == w) return false;
                bool isAgency = text.AsSpan(w, p - w) is "agency";
                p = SkipSpaces(text, p, end);
                if (isAgency) break;
                if (words == 3) return false;
            }
            if (!Agencies.TryMatchAt(body, p, allowAmbiguous: false, out alias, out nameEnd)) return false;
        }
        // The name may go on with "news agency" and the like (taken into the evidence), but not with another capitalised word.
        for (int next = SkipSpaces(text, nameEnd, end); next < end && char.IsLetterOrDigit(text[next]);)
        {
            int w = next;
            while (w < end && char.IsLetter(text[w])) w++;
            if (s_agencyTail.Contains(text.AsSpan(next, w - next))) (nameEnd, next) = (w, SkipSpaces(text, w, end));
            else if (char.IsUpper(text[next]) || char.IsDigit(text[next])) return false;
            else break;
        }
        agency = alias.Canonical;
        return true;
    }

    static int SkipSpaces(string text, int pos, int end)
    {
        while (pos < end && text[pos] is ' ' or '\t' or '\u00A0') pos++;
        return pos;
    }

    static int SkipSpacesBack(string text, int start, int pos)
    {
        while (pos > start && text[pos - 1] is ' ' or '\t' or '\u00A0') pos--;
        return pos;
    }

    /// <summary>The word of letters that ends at <paramref name="pos"/>, or null when none does.</summary>
    static (int Start, int End)? WordBefore(string text, int start, int pos)
    {
        int s = pos;
        while (s > start && char.IsLetter(text[s - 1])) s--;
        return s < pos ? (s, pos) : null;
    }
}
