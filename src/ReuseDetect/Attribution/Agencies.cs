using System.Collections.Frozen;

namespace ReuseDetect.Attribution;

/// <summary>
/// The curated news agencies: their canonical names, the names and abbreviations they are printed under, and the
/// web hosts they publish on. Everything is built once; lookups take spans and allocate nothing.
/// </summary>
/// <remarks>
/// An <em>ambiguous</em> name (AA, RIA, PTI, APA, BTA, Trend, Anadolu, Svoboda…) is also an everyday word or another
/// body's abbreviation: it names the agency only where the structure says so (a dateline, a sign-off, a byline, a
/// whole name), never in running text such as "according to PTI".
/// </remarks>
static class Agencies
{
    /// <summary>A printed name of an agency: its canonical name and whether running text may use it alone.</summary>
    internal readonly record struct Alias(string Canonical, string Printed, bool Ambiguous);

    // Canonical name, unambiguous printed names, ambiguous printed names, host labels (the registrable label of the
    // agency's web hosts: reuters.com → "reuters", aa.com.tr → "aa", RFE/RL's language services).
    static readonly (string Canonical, string[] Names, string[] Ambiguous, string[] Hosts)[] s_table =
    [
        ("Reuters", ["Reuters", "Thomson Reuters"], [], ["reuters"]),
        ("AP", ["AP", "Associated Press"], [], ["apnews", "ap"]),
        ("AFP", ["AFP", "Agence France-Presse", "Agence France Presse"], [], ["afp"]),
        ("TASS", ["TASS", "ITAR-TASS", "ITAR TASS"], [], ["tass", "itar-tass"]),
        ("RIA Novosti", ["RIA Novosti", "RIA-Novosti"], ["RIA"], ["ria", "rian"]),
        ("Interfax", ["Interfax"], [], ["interfax"]),
        ("Xinhua", ["Xinhua", "Xinhuanet"], [], ["xinhuanet", "xinhua"]),
        ("RFE/RL", ["RFE/RL", "Radio Free Europe/Radio Liberty", "Radio Free Europe", "Radio Liberty", "Radio Azatutyun", "Azatutyun",
            "Radio Svoboda", "Radio Farda", "Radio Azadi", "Radio Mashaal", "Radio Tavisupleba"], ["Svoboda", "Current Time"],
            ["rferl", "azatutyun", "svoboda", "radiosvoboda", "svaboda", "azadliq", "azattyq", "azattyk", "ozodi", "ozodlik", "azathabar",
             "radiofarda", "azadiradio", "mashaalradio", "slobodnaevropa", "evropaelire", "europalibera", "idelreal", "krymr", "sibreal",
             "kavkazr", "severreal", "currenttime", "radiotavisupleba", "azatliq"]),
        ("Anadolu Agency", ["Anadolu Agency", "Anadolu Ajansı", "Anadolu Ajansi"], ["Anadolu", "AA"], ["aa"]),
        ("Armenpress", ["Armenpress"], [], ["armenpress"]),
        ("Bloomberg", ["Bloomberg", "Bloomberg News"], [], ["bloomberg"]),
        ("dpa", ["dpa", "Deutsche Presse-Agentur", "Deutsche Presse Agentur"], [], ["dpa"]),
        ("EFE", ["EFE", "Agencia EFE"], [], ["efe"]),
        ("ANSA", ["ANSA"], [], ["ansa"]),
        ("Kyodo", ["Kyodo", "Kyodo News"], [], ["kyodonews", "kyodo"]),
        ("Yonhap", ["Yonhap", "Yonhap News Agency"], [], ["yna", "yonhapnews"]),
        ("PTI", ["Press Trust of India"], ["PTI"], ["ptinews"]),
        ("UNIAN", ["UNIAN"], [], ["unian"]),
        ("Ukrinform", ["Ukrinform"], [], ["ukrinform"]),
        ("Sputnik", ["Sputnik", "Sputnik News"], [], ["sputniknews", "sputnik"]),
        ("APA", ["Azeri-Press Agency", "Austria Presse Agentur"], ["APA"], ["apa"]),
        ("Trend", ["Trend News Agency"], ["Trend"], ["trend"]),
        ("BTA", ["Bulgarian News Agency"], ["BTA"], ["bta"]),
        // Wires whose copy other outlets print with their datelines and credits: English-language national agencies,
        // and the agencies of the region the seeds come from. An abbreviation that is also an everyday one (UPI is
        // also India's payments interface, PA a personal assistant, CP a company) names the agency only by structure.
        ("UPI", ["United Press International"], ["UPI"], ["upi"]),
        ("Canadian Press", ["The Canadian Press", "Canadian Press"], ["CP"], ["thecanadianpress"]),
        ("PA Media", ["PA Media", "Press Association"], ["PA"], ["pamediagroup"]),
        ("AAP", ["Australian Associated Press"], ["AAP"], ["aap"]),
        ("Jiji Press", ["Jiji Press", "Jiji"], [], ["jiji"]),
        ("IRNA", ["Islamic Republic News Agency", "IRNA"], [], ["irna"]),
        ("KCNA", ["Korean Central News Agency", "KCNA"], [], ["kcna"]),
        ("Bernama", ["Bernama"], [], ["bernama"]),
        ("Antara", ["Antara News Agency"], ["Antara"], ["antaranews"]),
        ("Europa Press", ["Europa Press"], [], ["europapress"]),
        ("Belga", ["Belga"], [], ["belganewsagency"]),
        ("Lusa", ["Agência Lusa", "Agencia Lusa"], ["Lusa"], ["lusa"]),
        ("BelTA", ["BelTA", "Belarusian Telegraph Agency"], [], ["belta"]),
        ("Azertac", ["Azertac", "Azerbaijan State News Agency"], [], ["azertac"]),
        ("Kazinform", ["Kazinform"], [], ["kazinform"]),
        ("Mediamax", ["Mediamax"], [], ["mediamax"]),
        ("Interpressnews", ["Interpressnews"], [], ["interpressnews"]),
        ("ANI", ["Asian News International"], ["ANI"], ["aninews"]),
        ("IANS", ["Indo-Asian News Service"], ["IANS"], ["ians"]),
        ("Prensa Latina", ["Prensa Latina"], [], ["prensa-latina", "plenglish"]),
    ];

    /// <summary>Longest printed name, in characters (after whitespace is collapsed).</summary>
    internal static readonly int MaxNameLength;

    static readonly FrozenDictionary<string, Alias> s_names;
    static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_hosts;
    static readonly FrozenDictionary<string, Alias>.AlternateLookup<ReadOnlySpan<char>> s_nameLookup;
    static readonly FrozenSet<string> s_canonical;

    static Agencies()
    {
        var names = new Dictionary<string, Alias>(StringComparer.OrdinalIgnoreCase);
        var hosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (canonical, plain, ambiguous, hostLabels) in s_table)
        {
            foreach (string n in plain) names.Add(n, new Alias(canonical, n, false));
            foreach (string n in ambiguous) names.Add(n, new Alias(canonical, n, true));
            foreach (string h in hostLabels) hosts.Add(h, canonical);
        }
        s_names = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        s_nameLookup = s_names.GetAlternateLookup<ReadOnlySpan<char>>();
        s_hosts = hosts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        s_canonical = s_table.Select(t => t.Canonical).ToFrozenSet(StringComparer.Ordinal);
        MaxNameLength = names.Keys.Max(k => k.Length);
    }

    /// <summary>True when <paramref name="canonical"/> is the canonical name of a curated agency.</summary>
    internal static bool IsCanonical(string canonical) => s_canonical.Contains(canonical);

    /// <summary>The agency printed exactly as <paramref name="name"/> (case-insensitive, whitespace collapsed).</summary>
    internal static bool TryName(ReadOnlySpan<char> name, out Alias alias) => s_nameLookup.TryGetValue(name, out alias);

    /// <summary>The agency whose web host has the registrable label <paramref name="label"/> (<c>reuters</c>, <c>aa</c>).</summary>
    internal static bool TryHostLabel(ReadOnlySpan<char> label, out string canonical) =>
        s_hosts.TryGetValue(label, out canonical!);

    /// <summary>
    /// The longest agency name printed in <paramref name="text"/> at <paramref name="pos"/> (a word start) and
    /// ending at a word boundary; whitespace runs count as one space and spaces around '/' are ignored
    /// ("Radio Free Europe / Radio Liberty"). The name must start with a capital letter or be printed exactly as
    /// listed ("dpa") unless <paramref name="anyCase"/>. Ambiguous names match only when <paramref name="allowAmbiguous"/>.
    /// </summary>
    internal static bool TryMatchAt(ReadOnlySpan<char> text, int pos, bool allowAmbiguous, out Alias alias, out int end, bool anyCase = false)
    {
        alias = default;
        end = -1;
        if ((uint)pos >= (uint)text.Length || !char.IsLetter(text[pos])) return false;
        Span<char> buffer = stackalloc char[64];
        Span<int> source = stackalloc int[64]; // buffer index → text index just after the copied char
        int n = 0, i = pos;
        while (i < text.Length && n < buffer.Length && n <= MaxNameLength)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                int j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                if (text[i..j].Contains('\n')) break; // a name never runs over a line break
                bool slashNext = j < text.Length && text[j] == '/';
                if (!slashNext && n > 0 && buffer[n - 1] != '/') { buffer[n] = ' '; source[n++] = j; }
                i = j;
                continue;
            }
            if (!char.IsLetterOrDigit(c) && c is not ('/' or '-' or '.' or '\'' or '’' or '&')) break;
            buffer[n] = c;
            source[n++] = i + 1;
            i++;
        }
        // Try every word boundary from the longest prefix down.
        for (int len = n; len > 0; len--)
        {
            if (buffer[len - 1] == ' ' || (len < n && char.IsLetterOrDigit(buffer[len]))) continue;
            if (!s_nameLookup.TryGetValue(buffer[..len], out Alias found)) continue;
            if (found.Ambiguous && !allowAmbiguous) continue;
            if (!anyCase && !char.IsUpper(text[pos]) && !buffer[..len].SequenceEqual(found.Printed)) continue;
            alias = found;
            end = source[len - 1];
            return true;
        }
        return false;
    }
}
