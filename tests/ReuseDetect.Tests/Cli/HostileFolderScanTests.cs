using System.Text.Json;
using System.Xml;
using ReuseDetect.Cli;
using ReuseDetect.Reporting;
using ReuseDetect.Tests.Reporting;
using Spectre.Console;

namespace ReuseDetect.Tests.Cli;

/// <summary>
/// Issue 12: a folder whose names carry escape sequences, bidi overrides, formulas, Markdown and HTML is scanned,
/// rescanned and queried; every report is written and nothing reaches the terminal or a report's reader raw.
/// </summary>
public sealed class HostileFolderScanTests
{
    const string Esc = "\u001b]0;pwned\u0007\u001b[2J";

    static string Story(int seed) => string.Join(' ', Enumerable.Range(0, 150).Select(i => $"word{(i * seed) % 97} alpha{i % 13} beta{i % 7}"));

    /// <summary>Three copies of one story: an HTML page whose site name holds ESC, and two text files with hostile names.</summary>
    static (TempFolder Folder, string Root, string EscName) HostileFolder()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "file names with control characters need Linux");
        var tmp = new TempFolder();
        string root = Path.Combine(tmp.Path, "in");
        string story = Story(1);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "page.html"),
            $"<html><head><meta property=\"og:site_name\" content=\"Daily&#27;News\"><title>T&#27;[2J</title></head><body><article><p>{story}</p></article></body></html>");
        string escName = "=cmd|' calc'!A0 " + Esc + " \u202Eevil.txt";
        File.WriteAllText(Path.Combine(root, escName), "Reposted: " + story);
        File.WriteAllText(Path.Combine(root, "[x](javascript:alert(1)) <img src=x onerror=alert(1)>.txt"), "-2+3 copy: " + story + " \u001b[31m red");
        return (tmp, root, escName);
    }

    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    static void AssertPrintable(string console)
    {
        Assert.DoesNotContain('\u001b', console);
        Assert.DoesNotContain('\u0007', console);
        Assert.DoesNotContain(console, c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C');
    }

    [Fact]
    public void Should_scan_rescan_and_query_a_hostile_folder_writing_every_report_and_printing_nothing_raw()
    {
        // Given a folder whose outlet and file names hold ESC, BEL, U+202E, formulas, a javascript: link and an <img> tag
        var (tmp, root, escName) = HostileFolder();
        using TempFolder _ = tmp;
        string outDir = Path.Combine(tmp.Path, "out");

        // When it is scanned (with a store), then scanned again with nothing changed (the summary is replayed)
        var first = Run("scan", root, "--out", outDir, "--threads", "2");
        var second = Run("scan", root, "--out", outDir, "--threads", "2");

        // Then both succeed, and neither prints an escape sequence or a bidi control
        Assert.Equal(ExitCodes.Success, first.Code);
        Assert.Equal(ExitCodes.Success, second.Code);
        Assert.Contains("No file changed since the last scan", second.Out, StringComparison.Ordinal);
        foreach (string printed in new[] { first.Out, first.Err, second.Out, second.Err }) AssertPrintable(printed);
        Assert.Contains("\u241B]0;pwned\u2407", first.Out, StringComparison.Ordinal);

        // and every report is written
        foreach (string name in ReportFiles.Names) Assert.True(File.Exists(Path.Combine(outDir, name)), name);

        // report.json keeps the names as they are, with the outlet's control character a space
        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, ReportFiles.Json))))
        {
            var docs = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
            Assert.Equal("Daily News", docs.Single(d => d.GetProperty("id").GetString() == "page.html").GetProperty("outlet").GetString());
            Assert.Contains(docs, d => d.GetProperty("id").GetString() == escName);
        }

        // reuse-graph.graphml parses
        using (var reader = XmlReader.Create(Path.Combine(outDir, ReportFiles.GraphMl)))
            while (reader.Read()) { }

        // report.csv has no cell a spreadsheet would run, and no raw ESC
        string csv = File.ReadAllText(Path.Combine(outDir, ReportFiles.Csv));
        Assert.DoesNotContain('\u001b', csv);
        List<List<string>> rows = HostileNamesTests.ParseCsv(csv.TrimStart('\uFEFF'));
        Assert.Equal(4, rows.Count);
        foreach (string cell in rows.SelectMany(r => r))
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', cell);

        // report.md has no raw tag and no javascript: link; report.html no raw control or bidi override
        string md = File.ReadAllText(Path.Combine(outDir, ReportFiles.Markdown));
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript:", md, StringComparison.Ordinal);
        HostileNamesTests.AssertNoControls(md);
        HostileNamesTests.AssertNoControls(File.ReadAllText(Path.Combine(outDir, ReportFiles.Html)));

        // When the file with the escape sequence in its name is queried, the answer prints nothing raw either
        var query = Run("query", Path.Combine(root, escName), "--store", Path.Combine(outDir, "store"));
        Assert.Equal(ExitCodes.Success, query.Code);
        Assert.Contains("shares passages with", query.Out, StringComparison.Ordinal);
        AssertPrintable(query.Out);
        AssertPrintable(query.Err);
    }

    [Fact]
    public void Should_print_the_summary_tables_with_names_made_safe()
    {
        // Given the hostile report and a terminal without colours (so any ESC would come from the input)
        ReuseReport report = HostileNamesTests.Report();
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        // When
        ConsoleSummaryTable.Write(console, report, 10);
        var plain = new StringWriter();
        ConsoleSummary.Write(plain, report, 10);
        // Then
        AssertPrintable(output.ToString());
        AssertPrintable(plain.ToString());
        Assert.Contains("Daily\u241BNews", plain.ToString(), StringComparison.Ordinal);
        Assert.Contains("abc\uFFFDtxt.exe", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_missing_folder_with_its_name_made_safe()
    {
        var (code, _, err) = Run("scan", "/nonexistent/\u001b[2J\u202Efolder");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("folder not found: /nonexistent/\u241B[2J\uFFFDfolder", err, StringComparison.Ordinal);
        AssertPrintable(err);
    }
}
