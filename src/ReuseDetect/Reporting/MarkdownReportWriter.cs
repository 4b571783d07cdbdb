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
    public static string ToMarkdown(ReuseReport report)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, report);
        return text.ToString();
    }

    /// <summary>
    /// Writes the report as Markdown to <paramref name="w"/> as it goes (no copy of the whole is held). With
    /// <paramref name="fragments"/>, a cluster object written before is copied from its kept text, and the text of each
    /// cluster written is kept for the next report.
    /// </summary>
    public static void Write(TextWriter w, ReuseReport report, ReportFragments? fragments = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        ReportSummary s = report.Summary;
        Section(w, "# ReuseDetect duplication report");
        w.WriteLine(Inv($"{s.Documents} documents read ({s.Skipped} skipped, {s.Ignored} ignored), {s.PassageClusters} reposted passages, {s.InternalClusters} internal repeats, {s.BoilerplateClusters} boilerplate passages, {s.NearDuplicatePairs} near-duplicate pairs."));
        w.WriteLine(Inv($"Reused text: {s.ReusedChars:N0} of {s.TotalChars:N0} characters ({s.ReusedFraction:P1})."));
        w.WriteLine();
        ReportParameters p = report.Parameters;
        w.WriteLine(Inv($"Parameters: {p.Shingle}-word shingles, MinHash-{p.Permutations}, near-duplicate Jaccard ≥ {p.NearDuplicateThreshold} (LSH {p.LshBands}×{p.LshRows}), winnowing window {p.WinnowWindow}, passages ≥ {p.MinWords} words with ≥ {p.MinCoverage:P0} seed coverage."));
        w.WriteLine();

        // Every cluster's text, in report order, is kept (when asked) once the report is written.
        var kept = fragments is null ? null : new string?[report.Clusters.Count];
        var scratch = new StringBuilder();
        List<int> Where(Func<ReportCluster, bool> kind) => [.. Enumerable.Range(0, report.Clusters.Count).Where(i => kind(report.Clusters[i]))];
        void Clusters(List<int> indexes)
        {
            foreach (int i in indexes)
            {
                ReportCluster c = report.Clusters[i];
                if (fragments is not null && fragments.Markdown.TryGetValue(c, out string? text))
                {
                    fragments.CountReuse();
                    kept![i] = text;
                    w.Write(text);
                    continue;
                }
                scratch.Clear();
                AppendCluster(scratch, c);
                if (kept is null) w.Write(scratch);
                else w.Write(kept[i] = scratch.ToString());
            }
        }

        var passages = Where(c => c.Kind == "passage" && !c.Boilerplate);
        Section(w, "## Reposted passages");
        if (passages.Count == 0) Section(w, "None found.");
        Clusters(passages);

        Section(w, "## Documents");
        w.WriteLine("| Document | Outlet | Chars | Reused | Shared with | Internal repeats |");
        w.WriteLine("|---|---|---:|---:|---|---:|");
        // Each row is kept (when asked) by its document entry, which a watching detector passes on while it is the same.
        var rows = fragments is null ? null : new string?[report.Documents.Count];
        for (int i = 0; i < report.Documents.Count; i++)
        {
            ReportDocument d = report.Documents[i];
            if (d.Error is not null) continue;
            if (fragments is null || !fragments.MarkdownDocuments.TryGetValue(d, out string? row)) row = DocumentRow(d);
            if (rows is not null) rows[i] = row;
            w.WriteLine(row);
        }
        if (rows is not null) fragments!.MarkdownDocuments.Keep(report.Documents, rows);
        w.WriteLine();

        Section(w, "## Near-duplicate documents");
        if (report.NearDuplicates.Count == 0) Section(w, "None found.");
        else
        {
            w.WriteLine("| Documents | Jaccard | MinHash estimate | SimHash distance |");
            w.WriteLine("|---|---:|---:|---:|");
            foreach (ReportNearDuplicate n in report.NearDuplicates)
                w.WriteLine(Inv($"| {Name(n.Ids[0])} ~ {Name(n.Ids[1])} | {n.Jaccard:F3} | {n.Estimate:F3} | {n.SimHashDistance} |"));
            w.WriteLine();
        }

        var internals = Where(c => c.Kind == "internal" && !c.Boilerplate);
        Section(w, "## Passages repeated inside one document");
        if (internals.Count == 0) Section(w, "None found.");
        Clusters(internals);

        var boiler = Where(c => c.Boilerplate);
        if (boiler.Count > 0)
        {
            Section(w, "## Boilerplate (excluded from reuse figures)");
            Clusters(boiler);
        }

        var skipped = report.Documents.Where(d => d.Error is not null).ToList();
        if (skipped.Count > 0)
        {
            Section(w, "## Skipped files");
            foreach (ReportDocument d in skipped) w.WriteLine(Inv($"- {Code(d.Id)}: {Text(d.Error)}"));
            w.WriteLine();
        }

        var warned = report.Documents.Where(d => d.Warnings.Count > 0).ToList();
        if (warned.Count > 0)
        {
            Section(w, "## Read with warnings");
            foreach (ReportDocument d in warned) w.WriteLine(Inv($"- {Code(d.Id)}: {Text(string.Join("; ", d.Warnings))}"));
            w.WriteLine();
        }

        if (report.Ignored.Count > 0)
        {
            Section(w, "## Ignored files (not articles by their extension)");
            foreach (ReportIgnoredFile i in report.Ignored) w.WriteLine(Inv($"- {Code(i.Path)}: {Text(i.Reason)}"));
            w.WriteLine();
        }
        if (kept is not null) fragments!.Markdown.Keep(report.Clusters, kept);
    }

    /// <summary>A document's row of the table of documents (without its line end).</summary>
    static string DocumentRow(ReportDocument d)
    {
        string shared = d.SharedWith.Count == 0 ? "–" : string.Join(", ", d.SharedWith.Take(ReportShare.Shown).Select(x => Inv($"{Name(x.Id)} ({x.Chars:N0} chars)")))
            + (d.SharedWithCount > ReportShare.Shown ? Inv($" and {d.SharedWithCount - ReportShare.Shown:N0} more") : "");
        return Inv($"| {Name(d.Id)} | {Name(d.Outlet)} | {d.Length:N0} | {d.ReusedFraction:P1} | {shared} | {d.InternalRepeatChars:N0} |");
    }

    /// <summary>A line and the blank line after it.</summary>
    static void Section(TextWriter w, string line)
    {
        w.WriteLine(line);
        w.WriteLine();
    }

    static void AppendCluster(StringBuilder sb, ReportCluster c)
    {
        ReportOrigin o = c.Origin;
        string origin = o.Id is not null ? $"{Code(o.Id)} ({Name(o.Outlet)})" : o.Outlet is not null ? $"{Name(o.Outlet)} (outside the corpus)" : "undetermined";
        sb.Append(Inv($"### {c.Id}: {c.Words} words in {c.Members.Count} places across {c.Documents} document(s)")).Append(NewLine).Append(NewLine);
        sb.Append(Inv($"Likely origin: {origin}; basis: {Name(o.Basis)}{(o.Evidence is null ? "" : $" (\"{Text(o.Evidence)}\")")}.")).Append(NewLine);
        if (c.Source is { } source) sb.Append(Inv($"Credited source: {Name(source.Name)} (\"{Text(source.Evidence)}\").")).Append(NewLine);
        sb.Append(NewLine);
        sb.Append("| Document | Outlet | Span | Credited |").Append(NewLine).Append("|---|---|---|---|").Append(NewLine);
        foreach (ReportMember m in c.Members)
        {
            string credited = m.Credited switch { true => "yes", false => "**no**", null => "–" };
            sb.Append(Inv($"| {Name(m.Id)} | {Name(m.Outlet)} | {m.Start}–{m.End} | {credited} |")).Append(NewLine);
        }
        sb.Append(NewLine);
        string text = c.Members[0].Text.ReplaceLineEndings(" ");
        if (text.Length > MaxQuoteChars) text = text[..MaxQuoteChars] + " …";
        sb.Append("> ").Append(Text(text)).Append(NewLine).Append(NewLine);
    }

    /// <summary>The line end of the report, the platform's (as <see cref="TextWriter.WriteLine()"/> writes it).</summary>
    static readonly string NewLine = Environment.NewLine;

    static string Name(string? s) => DisplayText.MarkdownName(s);

    static string Text(string? s) => DisplayText.MarkdownText(s);

    static string Code(string? s) => DisplayText.MarkdownCode(s);

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
