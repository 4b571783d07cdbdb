using System.Collections.Frozen;

namespace ReuseDetect.Attribution;

// Outlet names: canonical names for printed ones, and the identity key that says two names denote one outlet.
// Precomputed tables and spans only: nothing here builds a regex or sorts per call.
static partial class CreditLineDetector
{
    // Capitalised words that end a captured name rather than belong to it ("RFE/RL Copyright …" → "RFE/RL").
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_stopWords = FrozenSet.ToFrozenSet(
    [
        "Copyright", "All", "Reposted", "Reprinted", "Republished", "Published", "Updated", "Inc", "The", "This", "Read", "More",
        "In", "On", "At", "By", "Via", "For", "With", "Source", "Photo", "Rights", "Reserved",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that begin no outlet's name: "originally published on Sunday", "… in English", "Source: March 2004".
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notNames = FrozenSet.ToFrozenSet(
    [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December", "English", "Russian", "Armenian",
        "French", "German", "Spanish", "Turkish", "Arabic", "Chinese", "Ukrainian", "Print", "Paper", "Today", "Yesterday",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that name no outlet on their own: "originally published in the Journal", "Source: Website".
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_genericNames = FrozenSet.ToFrozenSet(
    [
        "Journal", "Magazine", "Newspaper", "Review", "Press", "Website", "Web", "Blog", "Issue", "Edition", "Book", "Author",
        "Authors", "Publisher", "Internet", "Online", "Staff", "Agency", "Agencies", "News", "Wire", "Wires",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that may follow an agency's name and still name only the agency ("Reuters News Agency", "…, Inc.").
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_agencyTail = FrozenSet.ToFrozenSet(
    [
        "news", "agency", "service", "services", "wire", "inc", "ltd", "llc", "plc", "corp", "corporation", "company", "co", "group",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Corporate words an outlet's own name may carry or drop: "Outlet Media Group" is the outlet "Outlet".
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_corporate = FrozenSet.ToFrozenSet(
    [
        "inc", "ltd", "llc", "plc", "corp", "corporation", "company", "co", "group", "media", "holdings", "holding", "publishing",
        "publications", "limited", "gmbh",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Second-level labels of country domains: bbc.co.uk, aa.com.tr, yna.co.kr.
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_secondLevel = FrozenSet.ToFrozenSet(
        ["co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gv"], StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    const int StackNameLength = 256;

    /// <summary>
    /// The canonical outlet name for a printed name: a curated agency's canonical name for any of its names,
    /// abbreviations and web hosts ("Radio Free Europe / Radio Liberty, Inc.", "rferl.org" → RFE/RL; "ITAR-TASS" → TASS),
    /// otherwise the name as printed without trailing stop words and punctuation; null when nothing is left.
    /// </summary>
    public static string? Canonical(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        Span<char> buffer = printed.Length <= StackNameLength ? stackalloc char[StackNameLength] : new char[printed.Length];
        ReadOnlySpan<char> name = Collapse(printed, buffer);
        if (TryAgency(name, out string? agency)) return agency;
        int cut = NameLength(name);
        if (cut < 0) return null;
        ReadOnlySpan<char> kept = TrimName(name[..cut]);
        return kept.Length >= 2 && !s_genericNames.Contains(kept) ? kept.ToString() : null;
    }

    /// <summary>True when <paramref name="outlet"/> is the canonical name of a curated agency.</summary>
    public static bool IsKnown(string outlet) => Agencies.IsCanonical(outlet);

    /// <summary>
    /// True when two names denote the same outlet: the same agency under any of its names or hosts, or names equal
    /// after case, spaces, punctuation, a leading "The", corporate words ("Media Group", "Inc."), "www." and the
    /// domain suffix are set aside ("Daily Courier" = dailycourier.com).
    /// </summary>
    public static bool SameOutlet(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Span<char> ka = a.Length <= StackNameLength ? stackalloc char[StackNameLength] : new char[a.Length];
        Span<char> kb = b.Length <= StackNameLength ? stackalloc char[StackNameLength] : new char[b.Length];
        ReadOnlySpan<char> x = WriteKey(a, ka), y = WriteKey(b, kb);
        return x.Length > 0 && x.SequenceEqual(y);
    }

    /// <summary>The identity key of an outlet name (see <see cref="SameOutlet"/>); empty when the name holds no letter or digit.</summary>
    internal static string OutletKey(string name)
    {
        Span<char> buffer = name.Length <= StackNameLength ? stackalloc char[StackNameLength] : new char[name.Length];
        return WriteKey(name, buffer).ToString();
    }

    static ReadOnlySpan<char> WriteKey(string name, Span<char> buffer)
    {
        ReadOnlySpan<char> collapsed = Collapse(name, buffer);
        if (TryAgency(collapsed, out string? agency)) return Squash(agency, buffer);
        if (IsHostLike(collapsed)) return Squash(RegistrableLabel(collapsed), buffer);
        ReadOnlySpan<char> words = collapsed;
        if (words.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) words = words[4..];
        // Drop trailing corporate words, but never the whole name ("Media Group" stays).
        while (words.LastIndexOf(' ') is int space and > 0 && s_corporate.Contains(words[(space + 1)..].TrimEnd(".,")))
            words = words[..space].TrimEnd(',');
        return Squash(words, buffer);
    }

    /// <summary>Lower-case letters and digits of <paramref name="name"/>, written over the start of <paramref name="buffer"/>.</summary>
    static ReadOnlySpan<char> Squash(ReadOnlySpan<char> name, Span<char> buffer)
    {
        // Writing never overtakes reading: the output index never exceeds the input index, and when name lies in
        // buffer it starts at or after buffer's start.
        int n = 0;
        foreach (char c in name)
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        return buffer[..n];
    }

    /// <summary>The name trimmed, whitespace runs collapsed to one space and spaces around '/' dropped, written to <paramref name="buffer"/>.</summary>
    static ReadOnlySpan<char> Collapse(ReadOnlySpan<char> printed, Span<char> buffer)
    {
        int n = 0;
        printed = printed.Trim();
        for (int i = 0; i < printed.Length; i++)
        {
            char c = printed[i];
            if (char.IsWhiteSpace(c))
            {
                while (i + 1 < printed.Length && char.IsWhiteSpace(printed[i + 1])) i++;
                if (n > 0 && i + 1 < printed.Length && printed[i + 1] != '/' && buffer[n - 1] != '/') buffer[n++] = ' ';
                continue;
            }
            buffer[n++] = c;
        }
        return buffer[..n];
    }

    /// <summary>A curated agency named by <paramref name="name"/> (collapsed): a host of one, or one of its names followed by nothing but punctuation, stop words or agency words.</summary>
    static bool TryAgency(ReadOnlySpan<char> name, out string canonical)
    {
        if (IsHostLike(name)) return Agencies.TryHostLabel(RegistrableLabel(name), out canonical!);
        canonical = null!;
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) name = name[4..];
        if (!Agencies.TryMatchAt(name, 0, allowAmbiguous: true, out Agencies.Alias alias, out int end, anyCase: true)) return false;
        ReadOnlySpan<char> rest = name[end..];
        // A possessive right after the name names a part of the agency: "RFE/RL's Armenian Service", "Reuters' Moscow
        // bureau". Not for a name that is also an everyday word or another body's abbreviation.
        if (!alias.Ambiguous && IsPossessive(rest))
        {
            canonical = alias.Canonical;
            return true;
        }
        foreach (Range r in rest.Split(' '))
        {
            ReadOnlySpan<char> word = rest[r].Trim(".,;:’'()");
            if (word.Length == 0 || word is "s") continue;
            if (s_stopWords.Contains(word)) break;
            if (alias.Ambiguous || !s_agencyTail.Contains(word)) return false;
        }
        canonical = alias.Canonical;
        return true;
    }

    /// <summary>True when <paramref name="rest"/> opens with a possessive ending: "'s", "’s" or a bare apostrophe, then a space.</summary>
    static bool IsPossessive(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] is not ('\'' or '’')) return false;
        int at = rest.Length > 1 && rest[1] is 's' or 'S' ? 2 : 1;
        return at < rest.Length && rest[at] == ' ';
    }

    /// <summary>Length of the name before its first stop word; -1 when it starts with one or with a word that begins no name.</summary>
    static int NameLength(ReadOnlySpan<char> name)
    {
        int offset = 0;
        foreach (Range r in name.Split(' '))
        {
            ReadOnlySpan<char> word = name[r].TrimEnd(".,");
            bool stop = s_stopWords.Contains(word);
            if (offset == 0 && (stop || s_notNames.Contains(word))) return -1;
            if (stop) return offset - 1;
            offset = r.End.GetOffset(name.Length) + 1;
        }
        return name.Length;
    }

    /// <summary>A single token with a dot and a final label of 2–6 letters: <c>rferl.org</c>, <c>www.aa.com.tr</c>, <c>SciDev.Net</c>.</summary>
    static bool IsHostLike(ReadOnlySpan<char> name)
    {
        int dot = name.LastIndexOf('.');
        if (dot <= 0 || name.Contains(' ') || name.Contains('/')) return false;
        ReadOnlySpan<char> tld = name[(dot + 1)..];
        if (tld.Length is < 2 or > 6) return false;
        foreach (char c in tld)
            if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    /// <summary>The label a host is registered under: news.bbc.co.uk → bbc, www.rferl.org → rferl, aa.com.tr → aa.</summary>
    static ReadOnlySpan<char> RegistrableLabel(ReadOnlySpan<char> host)
    {
        host = host[..host.LastIndexOf('.')]; // the top-level domain
        int dot = host.LastIndexOf('.');
        if (dot > 0 && s_secondLevel.Contains(host[(dot + 1)..])) host = host[..dot];
        dot = host.LastIndexOf('.');
        return dot >= 0 ? host[(dot + 1)..] : host;
    }
}
