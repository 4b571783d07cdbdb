using System.Globalization;

namespace ReuseDetect.Testbed;

/// <summary>
/// A news agency as it prints itself: its dateline (real-world style), the names others credit it by, and the lines
/// its wire copy may end with.
/// </summary>
sealed record Agency(string Name, IReadOnlyList<string> CreditNames, Func<string, DateTimeOffset, string> Dateline, IReadOnlyList<string> SignOffs)
{
    static readonly CultureInfo s_en = CultureInfo.InvariantCulture;

    /// <summary>True when <paramref name="text"/> names the agency (its name or a credit name, as a whole word).</summary>
    public bool NamedIn(string text) => CreditNames.Append(Name).Any(n =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<![\w/])" + System.Text.RegularExpressions.Regex.Escape(n) + @"(?![\w/])"));

    static string Month(DateTimeOffset t) => t.ToString("MMMM", s_en);

    static string Day(DateTimeOffset t) => t.Day.ToString(s_en);

    /// <summary>"Nairobi" style from the wire's "NAIROBI".</summary>
    static string Proper(string city) => string.Join(' ', city.Split(' ').Select(w => w.Length == 0 ? w : w[0] + w[1..].ToLowerInvariant()));

    public static readonly Agency Reuters = new("Reuters", ["Reuters"],
        (city, t) => $"{city}, {Month(t)} {Day(t)} (Reuters) - ", ["Reporting by {0}; Editing by {1}", "(Reuters)"]);

    public static readonly Agency AP = new("AP", ["AP", "Associated Press"],
        (city, _) => $"{city} (AP) — ", ["Associated Press writer {0} contributed to this report."]);

    public static readonly Agency Afp = new("AFP", ["AFP", "Agence France-Presse"],
        (city, _) => $"{Proper(city)} (AFP) - ", []);

    public static readonly Agency Tass = new("TASS", ["TASS"],
        (city, t) => $"{city}, {Month(t)} {Day(t)}. /TASS/. ", []);

    public static readonly Agency RfeRl = new("RFE/RL", ["RFE/RL", "Radio Free Europe/Radio Liberty"],
        (city, _) => $"{city} (RFE/RL) -- ", ["Written by {0} with reporting by RFE/RL's regional services."]);

    public static readonly Agency Anadolu = new("Anadolu Agency", ["Anadolu Agency", "AA"],
        (city, _) => $"{city} (AA) - ", []);

    public static readonly Agency Armenpress = new("ARMENPRESS", ["ARMENPRESS", "Armenpress"],
        (city, t) => $"{city}, {Month(t).ToUpperInvariant()} {Day(t)}, ARMENPRESS. ", []);

    public static readonly Agency Interfax = new("Interfax", ["Interfax"],
        (city, t) => $"{city}. {Month(t)} {Day(t)} (Interfax) - ", []);

    public static IReadOnlyList<Agency> All { get; } = [Reuters, AP, Afp, Tass, RfeRl, Anadolu, Armenpress, Interfax];

    /// <summary>How often each agency's stories are drawn (Reuters and AP dominate syndication).</summary>
    public static IReadOnlyList<double> Weights { get; } = [0.3, 0.2, 0.1, 0.1, 0.1, 0.08, 0.06, 0.06];

    /// <summary>Lines that credit a source before the reposted text ({0} = the name).</summary>
    public static IReadOnlyList<string> LeadCredits { get; } = ["As {0} reported:", "According to {0}:", "{0} reports:"];

    /// <summary>Lines that credit a source after the reposted text ({0} = the name).</summary>
    public static IReadOnlyList<string> TrailCredits { get; } =
        ["Source: {0}", "Published with permission from {0}.", "Originally published by {0}.", "This story first appeared on {0}.", "({0})"];

    /// <summary>Reporters and editors named in sign-offs and bylines.</summary>
    public static IReadOnlyList<string> People { get; } =
    [
        "Jane Doe", "John Roe", "Maria Kovacs", "Tomas Berger", "Aylin Demir", "Karen Mkrtchyan", "Oleg Petrov", "Sophie Laurent",
        "David Okafor", "Elena Ruiz", "Hiro Tanaka", "Nadia Haddad", "Peter Lindqvist", "Grace Mensah", "Igor Sokolov", "Lucia Bianchi",
    ];
}
