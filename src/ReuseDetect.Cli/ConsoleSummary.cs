using System.Globalization;
using ReuseDetect.Reporting;

namespace ReuseDetect.Cli;

/// <summary>
/// The readable summary <c>reuse scan</c> prints: top reposted passages, per-document reuse, near-duplicate groups,
/// skipped files. Names and quotes are display-safe (<see cref="DisplayText"/>): no escape sequence or bidi control
/// from a file name, outlet or article reaches the terminal.
/// </summary>
static class ConsoleSummary
{
    const int QuoteChars = 160;

    public static void Write(TextWriter w, ReuseReport report, int top)
    {
        ReportSummary s = report.Summary;
        w.WriteLine(Inv($"{s.Documents} documents read, {s.Skipped} skipped, {s.Ignored} ignored. {s.PassageClusters} reposted passages, {s.InternalClusters} internal repeats, {s.BoilerplateClusters} boilerplate, {s.NearDuplicatePairs} near-duplicate pairs."));
        w.WriteLine(Inv($"Reused text: {s.ReusedChars:N0} of {s.TotalChars:N0} characters ({s.ReusedFraction:P1})."));

        var passages = report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate).ToList();
        w.WriteLine();
        w.WriteLine(passages.Count == 0 ? "Reposted passages: none." : Inv($"Top reposted passages ({Math.Min(top, passages.Count)} of {passages.Count}):"));
        foreach (ReportCluster c in passages.Take(top)) WriteCluster(w, c);

        w.WriteLine();
        w.WriteLine("Reused share per document:");
        foreach (ReportDocument d in report.Documents.Where(d => d.Error is null).OrderByDescending(d => d.ReusedFraction).ThenBy(d => d.Id, StringComparer.Ordinal).Take(Math.Max(top, 10)))
        {
            string from = d.SharedWith.Count == 0 ? "" : "  shares with " + string.Join(", ", d.SharedWith.Take(3).Select(x => Inv($"{Name(x.Id)} ({x.Chars:N0} chars)")));
            string repeats = d.InternalRepeatChars > 0 ? Inv($"  repeats {d.InternalRepeatChars:N0} chars internally") : "";
            w.WriteLine(Inv($"  {d.ReusedFraction,6:P1}  {Name(d.Id)}{from}{repeats}"));
        }

        var groups = NearDuplicateGroups.From(report.NearDuplicates);
        w.WriteLine();
        w.WriteLine(groups.Count == 0 ? "Near-duplicate groups: none." : Inv($"Near-duplicate groups ({groups.Count}):"));
        foreach (var g in groups.Take(top)) w.WriteLine("  " + string.Join(" ~ ", g.Select(Name)));

        var internals = report.Clusters.Where(c => c.Kind == "internal").ToList();
        if (internals.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(Inv($"Passages repeated inside one document ({Math.Min(top, internals.Count)} of {internals.Count}):"));
            foreach (ReportCluster c in internals.Take(top)) WriteCluster(w, c);
        }

        var skipped = report.Documents.Where(d => d.Error is not null).ToList();
        if (skipped.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(Inv($"Skipped ({skipped.Count}):"));
            foreach (ReportDocument d in skipped) w.WriteLine(Inv($"  {Name(d.Id)}: {Name(d.Error)}"));
        }

        var warned = report.Documents.Where(d => d.Warnings.Count > 0).ToList();
        if (warned.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(Inv($"Read with warnings ({Math.Min(top, warned.Count)} of {warned.Count}):"));
            foreach (ReportDocument d in warned.Take(top)) w.WriteLine(Inv($"  {Name(d.Id)}: {Name(string.Join("; ", d.Warnings))}"));
        }

        if (report.Ignored.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(Inv($"Ignored, not article files ({Math.Min(top, report.Ignored.Count)} of {report.Ignored.Count}; all in report.json):"));
            foreach (ReportIgnoredFile i in report.Ignored.Take(top)) w.WriteLine(Inv($"  {Name(i.Path)}: {Name(i.Reason)}"));
        }
    }

    static void WriteCluster(TextWriter w, ReportCluster c)
    {
        ReportOrigin o = c.Origin;
        string origin = o.Id is not null ? Name(o.Id) : o.Outlet is not null ? Name(o.Outlet) : "undetermined";
        string source = c.Source is { } s ? $"; source: {Name(s.Name)}" : "";
        w.WriteLine(Inv($"  {c.Id}  {c.Words} words, {c.Members.Count} places in {c.Documents} document(s); origin: {origin} ({o.Basis}){source}"));
        string text = Quote(c.Members[0].Text);
        w.WriteLine("    \"" + (text.Length > QuoteChars ? text[..QuoteChars] + "…" : text) + "\"");
        foreach (ReportMember m in c.Members)
        {
            string credit = m.Credited switch { true => "  credited", false => "  UNCREDITED", null => "" };
            w.WriteLine(Inv($"    - {Name(m.Id)} [{m.Start}..{m.End}) {Name(m.Outlet)}{credit}"));
        }
    }

    /// <summary>A name for the terminal: one line, no control or bidi character.</summary>
    internal static string Name(string? s) => DisplayText.Name(s);

    /// <summary>Passage text for one terminal line: display-safe, line breaks and tabs as spaces.</summary>
    internal static string Quote(string s) => DisplayText.Text(s).ReplaceLineEndings(" ").Replace('\t', ' ');

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
