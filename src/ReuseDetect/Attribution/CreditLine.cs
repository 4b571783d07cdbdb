namespace ReuseDetect.Attribution;

/// <summary>
/// A credit line or dateline naming an outlet, as found in one document: the outlet (canonical name), the evidence
/// as printed, where (<c>[Start, End)</c> in the document's text) and its kind (see <see cref="CreditKinds"/>).
/// Detection gives <em>candidates</em>; <see cref="CreditResolver"/> decides which of them credit anyone.
/// </summary>
public readonly record struct CreditLine(string Outlet, string Evidence, int Start, int End, string Kind = CreditKinds.Credit)
{
    /// <summary>True when <see cref="Outlet"/> is a curated news agency (Reuters, AP, RFE/RL, TASS…), not any name.</summary>
    public bool Agency => CreditLineDetector.IsKnown(Outlet);
}

/// <summary>The kinds of <see cref="CreditLine"/>, by the structure that found them.</summary>
public static class CreditKinds
{
    /// <summary>"MOSCOW (RFE/RL) —", "LONDON, March 3 (Reuters) -": an agency in parentheses opening a paragraph.</summary>
    public const string Dateline = "dateline";

    /// <summary>"YEREVAN, MARCH 3, ARMENPRESS.", "MOSCOW, March 3. /TASS/.": an agency closing a dateline.</summary>
    public const string AgencyDateline = "agency-dateline";

    /// <summary>A wire story's last lines: "(Reuters)", "— AP", "/TASS/", "Reporting by …; Editing by …".</summary>
    public const string SignOff = "signoff";

    /// <summary>"As Reuters reported:", "TASS reports", "according to AFP", "reported by Interfax" (agencies only).</summary>
    public const string Reports = "reports";

    /// <summary>"Reposted with permission from X", "with permission from X", "reprinted by permission of X".</summary>
    public const string Permission = "permission";

    /// <summary>"republished from X", "reprinted from X", "originally published in X".</summary>
    public const string Republished = "republished";

    /// <summary>"courtesy of X".</summary>
    public const string Courtesy = "courtesy";

    /// <summary>"Source: X".</summary>
    public const string Source = "source";

    /// <summary>"X contributed to this report", "Additional reporting by X", "Material from X was used in this report", "With files from X".</summary>
    public const string Contributed = "contributed";

    /// <summary>"By Author | X", or a line holding only an agency's name.</summary>
    public const string Byline = "byline";

    /// <summary>"Copyright (c) 2023 X": names whoever holds the copyright, often the publishing outlet itself.</summary>
    public const string Copyright = "copyright";

    /// <summary>A credit of unstated kind (credits made by hand or stored by older versions).</summary>
    public const string Credit = "credit";
}
