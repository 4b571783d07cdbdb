namespace ReuseDetect.Testbed;

/// <summary>
/// Loose comparison of outlet and agency names: case, punctuation, a leading "the", a "www." and a top-level domain do
/// not matter ("North Star Post" = "northstarpost.net"), and the agencies' short and long names are one
/// (AP = Associated Press = AP News, AA = Anadolu Agency, RFE/RL = Radio Free Europe/Radio Liberty, AFP = Agence France-Presse).
/// </summary>
static class Names
{
    static readonly Dictionary<string, string> s_aliases = new(StringComparer.Ordinal)
    {
        ["associatedpress"] = "ap",
        ["apnews"] = "ap",
        ["anadoluagency"] = "aa",
        ["anadolu"] = "aa",
        ["radiofreeeuroperadioliberty"] = "rferl",
        ["radiofreeeurope"] = "rferl",
        ["agencefrancepresse"] = "afp",
        ["itartass"] = "tass",
        ["thomsonreuters"] = "reuters",
    };

    static readonly string[] s_domains = [".com", ".net", ".org", ".co.uk", ".am", ".ru"];

    public static string Canonical(string name)
    {
        string s = name.Trim().ToLowerInvariant();
        if (s.StartsWith("the ", StringComparison.Ordinal)) s = s[4..];
        if (s.StartsWith("www.", StringComparison.Ordinal)) s = s[4..];
        foreach (string d in s_domains)
            if (s.EndsWith(d, StringComparison.Ordinal) && !s.Contains(' ', StringComparison.Ordinal)) s = s[..^d.Length];
        s = string.Concat(s.Where(char.IsLetterOrDigit));
        return s_aliases.GetValueOrDefault(s, s);
    }

    /// <summary>True when both name the same outlet, or both are absent (null or blank).</summary>
    public static bool Same(string? a, string? b)
    {
        bool noA = string.IsNullOrWhiteSpace(a), noB = string.IsNullOrWhiteSpace(b);
        if (noA || noB) return noA && noB;
        return Canonical(a!) == Canonical(b!);
    }
}
