using System.Globalization;
using System.Text;
using ReuseDetect.Evaluation;

namespace ReuseDetect.Testbed;

/// <summary>A count of right answers out of a total; <see cref="Value"/> is NaN when there was nothing to answer.</summary>
public readonly record struct Ratio(int Right, int Total)
{
    public double Value => Total == 0 ? double.NaN : (double)Right / Total;

    public override string ToString() => Total == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Value:F3} ({Right}/{Total})");
}

/// <summary>The figures of one scored report. <see cref="ToTable"/> prints them.</summary>
public sealed record TestbedScore
{
    public required string Dates { get; init; }
    public int Documents { get; init; }
    public int Stories { get; init; }
    public int Clusters { get; init; }
    /// <summary>Passage clusters across documents that are not boilerplate.</summary>
    public int PassageClusters { get; init; }
    /// <summary>PAN character measures per edit level (verbatim, light, heavy) and over all cases (all), on projected pairs.</summary>
    public required IReadOnlyDictionary<string, PanScore> PlagDet { get; init; }
    /// <summary>The same with each member taken whole (no projection of the parent's member onto the repost's).</summary>
    public required IReadOnlyDictionary<string, PanScore> PlagDetWholeMembers { get; init; }
    /// <summary>Stories with two or more carriers whose best-covering cluster names an accepted origin.</summary>
    public Ratio Origin { get; init; }
    /// <summary><see cref="Origin"/> by the evidence a reader has (date, wire-dateline, credit, outside-credited, outside-uncredited, undeterminable).</summary>
    public required IReadOnlyDictionary<string, Ratio> OriginByEvidence { get; init; }
    public Ratio Source { get; init; }
    /// <summary>Members of matched clusters, other than the true origin, whose <c>credited</c> flag is right.</summary>
    public Ratio Credited { get; init; }
    /// <summary>Members of passage clusters that overlap planted furniture, and the characters overlapped.</summary>
    public int BoilerplateMembers { get; init; }
    public long BoilerplateChars { get; init; }
    /// <summary>Passage clusters that do not overlap one story's planted reuse in two or more of their documents.</summary>
    public int FalseClusters { get; init; }
    public double FalseClusterShare => PassageClusters == 0 ? 0 : (double)FalseClusters / PassageClusters;
    /// <summary>Stories whose same text (in one document) sits in more than one passage cluster.</summary>
    public int NestedStories { get; init; }
    /// <summary>Stories with text in some passage cluster.</summary>
    public int StoriesInClusters { get; init; }
    /// <summary>Share of passage members' characters inside planted reuse (a story's block).</summary>
    public double MemberPrecision { get; init; }
    /// <summary>Planted furniture strings, and how many of them are in the documents as read (page chrome a reader drops is not).</summary>
    public int FurniturePlanted { get; init; }
    public int FurnitureInText { get; init; }
    /// <summary>Planted text the scorer could not find in the documents as read (should be empty).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
    /// <summary>A few examples of each kind of error, for whoever has to fix them.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>The figures as a plain-text table (and, when <paramref name="examples"/>, the examples of errors).</summary>
    public string ToTable(bool examples = true)
    {
        var sb = new StringBuilder();
        void Line(FormattableString s) => sb.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"Testbed score (dates: {Dates}): {Documents} documents, {Stories} stories, {Clusters} clusters ({PassageClusters} reposted passages)");
        Line($"");
        Line($"{"plagdet",-24} {"cases",6} {"detect",7} {"prec",7} {"recall",7} {"gran",7} {"plagdet",8}   whole members");
        foreach (string level in new[] { "verbatim", "light", "heavy", "all" })
        {
            PanScore s = PlagDet[level], w = PlagDetWholeMembers[level];
            Line($"{"  " + level,-24} {s.Cases,6} {s.Detections,7} {F(s.Precision),7} {F(s.Recall),7} {F(s.Granularity),7} {F(s.Cases == 0 ? double.NaN : s.PlagDet),8}   {F(w.Cases == 0 ? double.NaN : w.PlagDet)}");
        }
        Line($"");
        Line($"{"origin accuracy",-24} {Origin}");
        foreach (var (evidence, r) in OriginByEvidence.OrderBy(e => e.Key, StringComparer.Ordinal)) Line($"{"  " + evidence,-24} {r}");
        Line($"{"source accuracy",-24} {Source}");
        Line($"{"credited flags",-24} {Credited}");
        Line($"{"boilerplate in passages",-24} {BoilerplateMembers} members, {BoilerplateChars} chars");
        Line($"{"false clusters",-24} {FalseClusters} of {PassageClusters} ({100 * FalseClusterShare:F1} %)");
        Line($"{"nested/duplicate",-24} {NestedStories} of {StoriesInClusters} stories in clusters");
        Line($"{"member precision",-24} {F(MemberPrecision)}");
        Line($"{"furniture in text",-24} {FurnitureInText} of {FurniturePlanted} planted strings (the rest is page chrome the reader dropped)");
        if (Missing.Count > 0)
        {
            Line($"");
            Line($"planted text not found in the documents as read: {Missing.Count}");
            foreach (string m in Missing.Take(10)) Line($"  {m}");
        }
        if (examples && Examples.Count > 0)
        {
            Line($"");
            Line($"examples:");
            foreach (string e in Examples) Line($"  {e}");
        }
        return sb.ToString();
    }
}
