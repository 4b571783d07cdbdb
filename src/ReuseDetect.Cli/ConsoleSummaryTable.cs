using System.Globalization;
using ReuseDetect.Reporting;
using Spectre.Console;
using Cell = Spectre.Console.Text;

namespace ReuseDetect.Cli;

/// <summary>
/// The summary of <c>reuse scan</c> as tables, for a terminal (Spectre.Console). When output is redirected or
/// <c>--quiet</c> is given, <see cref="ConsoleSummary"/> prints the same facts as plain text instead. Names and
/// quotes are display-safe as there.
/// </summary>
static class ConsoleSummaryTable
{
    const int QuoteChars = 90;

    public static void Write(IAnsiConsole console, ReuseReport report, int top)
    {
        ReportSummary s = report.Summary;
        console.Write(new Rule("[bold]ReuseDetect[/]").LeftJustified());
        var totals = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        totals.AddRow(new Cell("Documents read"), new Cell(Inv($"{s.Documents:N0}")));
        if (s.Skipped > 0) totals.AddRow(new Cell("Skipped"), new Cell(Inv($"{s.Skipped:N0}"), new Style(Color.Yellow)));
        if (s.Ignored > 0) totals.AddRow(new Cell("Ignored (not article files)"), new Cell(Inv($"{s.Ignored:N0}")));
        totals.AddRow(new Cell("Reposted passages"), new Cell(Inv($"{s.PassageClusters:N0}")));
        totals.AddRow(new Cell("Repeated inside one document"), new Cell(Inv($"{s.InternalClusters:N0}")));
        totals.AddRow(new Cell("Boilerplate passages"), new Cell(Inv($"{s.BoilerplateClusters:N0}")));
        totals.AddRow(new Cell("Near-duplicate pairs"), new Cell(Inv($"{s.NearDuplicatePairs:N0}")));
        totals.AddRow(new Cell("Reused text"), new Cell(Inv($"{s.ReusedChars:N0} of {s.TotalChars:N0} chars ({s.ReusedFraction:P1})")));
        console.Write(totals);
        console.WriteLine();

        var passages = report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate).ToList();
        if (passages.Count == 0) console.WriteLine("Reposted passages: none.");
        else console.Write(ClusterTable(Inv($"Top reposted passages ({Math.Min(top, passages.Count)} of {passages.Count})"), passages.Take(top)));

        var docs = new Table().Border(TableBorder.Rounded).Title("Reused share per document")
            .AddColumn(new TableColumn("Reused").RightAligned()).AddColumn("Document").AddColumn("Shares with").AddColumn(new TableColumn("Internal repeats").RightAligned());
        foreach (ReportDocument d in report.Documents.Where(d => d.Error is null).OrderByDescending(d => d.ReusedFraction).ThenBy(d => d.Id, StringComparer.Ordinal).Take(Math.Max(top, 10)))
        {
            string shares = string.Join("\n", d.SharedWith.Take(3).Select(x => Inv($"{Name(x.Id)} ({x.Chars:N0} chars)")));
            docs.AddRow(new Cell(Inv($"{d.ReusedFraction:P1}"), d.ReusedFraction > 0 ? new Style(Color.Orange1) : Style.Plain), new Cell(Name(d.Id)),
                new Cell(shares), new Cell(d.InternalRepeatChars > 0 ? Inv($"{d.InternalRepeatChars:N0} chars") : ""));
        }
        console.Write(docs);

        var groups = NearDuplicateGroups.From(report.NearDuplicates);
        console.WriteLine(groups.Count == 0 ? "Near-duplicate groups: none." : Inv($"Near-duplicate groups ({groups.Count}):"));
        foreach (var g in groups.Take(top)) console.WriteLine("  " + string.Join(" ~ ", g.Select(Name)));

        var internals = report.Clusters.Where(c => c.Kind == "internal").ToList();
        if (internals.Count > 0)
            console.Write(ClusterTable(Inv($"Passages repeated inside one document ({Math.Min(top, internals.Count)} of {internals.Count})"), internals.Take(top)));

        var skipped = report.Documents.Where(d => d.Error is not null).ToList();
        if (skipped.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title(Inv($"Skipped ({skipped.Count})")).AddColumn("File").AddColumn("Reason");
            foreach (ReportDocument d in skipped) t.AddRow(new Cell(Name(d.Id)), new Cell(Name(d.Error), new Style(Color.Yellow)));
            console.Write(t);
        }

        var warned = report.Documents.Where(d => d.Warnings.Count > 0).ToList();
        if (warned.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title(Inv($"Read with warnings ({Math.Min(top, warned.Count)} of {warned.Count})")).AddColumn("Document").AddColumn("Warning");
            foreach (ReportDocument d in warned.Take(top)) t.AddRow(new Cell(Name(d.Id)), new Cell(Name(string.Join("; ", d.Warnings))));
            console.Write(t);
        }

        if (report.Ignored.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title(Inv($"Ignored, not article files ({Math.Min(top, report.Ignored.Count)} of {report.Ignored.Count}; all in report.json)"))
                .AddColumn("File").AddColumn("Reason");
            foreach (ReportIgnoredFile i in report.Ignored.Take(top)) t.AddRow(new Cell(Name(i.Path)), new Cell(Name(i.Reason)));
            console.Write(t);
        }
    }

    static Table ClusterTable(string title, IEnumerable<ReportCluster> clusters)
    {
        var t = new Table().Border(TableBorder.Rounded).Title(title).Expand()
            .AddColumn("Cluster").AddColumn(new TableColumn("Words").RightAligned()).AddColumn("Origin").AddColumn("Places").AddColumn("Passage");
        foreach (ReportCluster c in clusters)
        {
            ReportOrigin o = c.Origin;
            var places = new Rows(c.Members.Select(m => (Spectre.Console.Rendering.IRenderable)new Markup(
                Markup.Escape(Inv($"{Name(m.Id)} [{m.Start}..{m.End})")) + m.Credited switch
                {
                    true => " [green]credited[/]",
                    false => " [red bold]UNCREDITED[/]",
                    null => "",
                })));
            string text = ConsoleSummary.Quote(c.Members[0].Text);
            t.AddRow(new Cell(Name(c.Id)), new Cell(c.Words.ToString(CultureInfo.InvariantCulture)), new Cell($"{Name(o.Id ?? o.Outlet ?? "undetermined")}\n({o.Basis})"),
                places, new Cell(text.Length > QuoteChars ? text[..QuoteChars] + "…" : text, new Style(decoration: Decoration.Italic)));
        }
        return t;
    }

    static string Name(string? s) => ConsoleSummary.Name(s);

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
