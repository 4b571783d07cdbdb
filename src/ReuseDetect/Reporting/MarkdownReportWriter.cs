using System.Globalization;
using System.Text;

namespace ReuseDetect.Reporting;

/// <summary>
/// Writes <c>report.md</c>: the summary, every reposted passage with its origin, members and text, the per-document
/// reuse table, near-duplicate groups, internal repeats, boilerplate, skipped files, warnings and ignored files.
/// Every string from the input is display-safe and escaped (<see cref="DisplayText.MarkdownName"/>,
/// <see cref="DisplayText.MarkdownText"/>, <see cref="DisplayText.MarkdownCode"/>): no file name, outlet, credit line
/// or passage can add a link, an image, raw HTML or a table column.
/// </summary>
public static class MarkdownReportWriter
{
    const int MaxQuoteChars = 700;

    /// <summary>The report as Markdown.</summary>
    public static string ToMarkdown(ReuseReport report) => Build(report).ToString();

    /// <summary>The report as Markdown, left in the builder (a file writer copies its chunks without one big string).</summary>
    public static StringBuilder Build(ReuseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        ReportSummary s = report.Summary;
        sb.AppendLine("# ReuseDetect duplication report").AppendLine();
        sb.AppendLine(Inv($"{s.Documents} documents read ({s.Skipped} skipped, {s.Ignored} ignored), {s.PassageClusters} reposted passages, {s.InternalClusters} internal repeats, {s.BoilerplateClusters} boilerplate passages, {s.NearDuplicatePairs} near-duplicate pairs."));
        sb.AppendLine(Inv($"Reused text: {s.ReusedChars:N0} of {s.TotalChars:N0} characters ({s.ReusedFraction:P1}).")).AppendLine();
        ReportParameters p = report.Parameters;
        sb.AppendLine(Inv($"Parameters: {p.Shingle}-word shingles, MinHash-{p.Permutations}, near-duplicate Jaccard ≥ {p.NearDuplicateThreshold} (LSH {p.LshBands}×{p.LshRows}), winnowing window {p.WinnowWindow}, passages ≥ {p.MinWords} words with ≥ {p.MinCoverage:P0} seed coverage.")).AppendLine();

        var passages = report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate).ToList();
        sb.AppendLine("## Reposted passages").AppendLine();
        if (passages.Count == 0) sb.AppendLine("None found.").AppendLine();
        foreach (ReportCluster c in passages) AppendCluster(sb, c);

        sb.AppendLine("## Documents").AppendLine();
        sb.AppendLine("| Document | Outlet | Chars | Reused | Shared with | Internal repeats |");
        sb.AppendLine("|---|---|---:|---:|---|---:|");
        foreach (ReportDocument d in report.Documents.Where(d => d.Error is null))
        {
            string shared = d.SharedWith.Count == 0 ? "–" : string.Join(", ", d.SharedWith.Take(ReportShare.Shown).Select(x => Inv($"{Name(x.Id)} ({x.Chars:N0} chars)")))
                + (d.SharedWithCount > ReportShare.Shown ? Inv($" and {d.SharedWithCount - ReportShare.Shown:N0} more") : "");
            sb.AppendLine(Inv($"| {Name(d.Id)} | {Name(d.Outlet)} | {d.Length:N0} | {d.ReusedFraction:P1} | {shared} | {d.InternalRepeatChars:N0} |"));
        }
        sb.AppendLine();

        sb.AppendLine("## Near-duplicate documents").AppendLine();
        if (report.NearDuplicates.Count == 0) sb.AppendLine("None found.").AppendLine();
        else
        {
            sb.AppendLine("| Documents | Jaccard | MinHash estimate | SimHash distance |").AppendLine("|---|---:|---:|---:|");
            foreach (ReportNearDuplicate n in report.NearDuplicates)
                sb.AppendLine(Inv($"| {Name(n.Ids[0])} ~ {Name(n.Ids[1])} | {n.Jaccard:F3} | {n.Estimate:F3} | {n.SimHashDistance} |"));
            sb.AppendLine();
        }

        var internals = report.Clusters.Where(c => c.Kind == "internal" && !c.Boilerplate).ToList();
        sb.AppendLine("## Passages repeated inside one document").AppendLine();
        if (internals.Count == 0) sb.AppendLine("None found.").AppendLine();
        foreach (ReportCluster c in internals) AppendCluster(sb, c);

        var boiler = report.Clusters.Where(c => c.Boilerplate).ToList();
        if (boiler.Count > 0)
        {
            sb.AppendLine("## Boilerplate (excluded from reuse figures)").AppendLine();
            foreach (ReportCluster c in boiler) AppendCluster(sb, c);
        }

        var skipped = report.Documents.Where(d => d.Error is not null).ToList();
        if (skipped.Count > 0)
        {
            sb.AppendLine("## Skipped files").AppendLine();
            foreach (ReportDocument d in skipped) sb.AppendLine(Inv($"- {Code(d.Id)}: {Text(d.Error)}"));
            sb.AppendLine();
        }

        var warned = report.Documents.Where(d => d.Warnings.Count > 0).ToList();
        if (warned.Count > 0)
        {
            sb.AppendLine("## Read with warnings").AppendLine();
            foreach (ReportDocument d in warned) sb.AppendLine(Inv($"- {Code(d.Id)}: {Text(string.Join("; ", d.Warnings))}"));
            sb.AppendLine();
        }

        if (report.Ignored.Count > 0)
        {
            sb.AppendLine("## Ignored files (not articles by their extension)").AppendLine();
            foreach (ReportIgnoredFile i in report.Ignored) sb.AppendLine(Inv($"- {Code(i.Path)}: {Text(i.Reason)}"));
            sb.AppendLine();
        }
        return sb;
    }

    static void AppendCluster(StringBuilder sb, ReportCluster c)
    {
        ReportOrigin o = c.Origin;
        string origin = o.Id is not null ? $"{Code(o.Id)} ({Name(o.Outlet)})" : o.Outlet is not null ? $"{Name(o.Outlet)} (outside the corpus)" : "undetermined";
        sb.AppendLine(Inv($"### {c.Id}: {c.Words} words in {c.Members.Count} places across {c.Documents} document(s)")).AppendLine();
        sb.AppendLine(Inv($"Likely origin: {origin}; basis: {Name(o.Basis)}{(o.Evidence is null ? "" : $" (\"{Text(o.Evidence)}\")")}."));
        if (c.Source is { } source) sb.AppendLine(Inv($"Credited source: {Name(source.Name)} (\"{Text(source.Evidence)}\")."));
        sb.AppendLine();
        sb.AppendLine("| Document | Outlet | Span | Credited |").AppendLine("|---|---|---|---|");
        foreach (ReportMember m in c.Members)
        {
            string credited = m.Credited switch { true => "yes", false => "**no**", null => "–" };
            sb.AppendLine(Inv($"| {Name(m.Id)} | {Name(m.Outlet)} | {m.Start}–{m.End} | {credited} |"));
        }
        sb.AppendLine();
        string text = c.Members[0].Text.ReplaceLineEndings(" ");
        if (text.Length > MaxQuoteChars) text = text[..MaxQuoteChars] + " …";
        sb.AppendLine("> " + Text(text)).AppendLine();
    }

    static string Name(string? s) => DisplayText.MarkdownName(s);

    static string Text(string? s) => DisplayText.MarkdownText(s);

    static string Code(string? s) => DisplayText.MarkdownCode(s);

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
