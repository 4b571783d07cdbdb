using ReuseDetect.Cli;

namespace ReuseDetect.Tests.Cli;

public sealed class CliTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("root", new[] { "--help" })]
    [InlineData("scan", new[] { "scan", "--help" })]
    [InlineData("query", new[] { "query", "--help" })]
    [InlineData("eval-pan", new[] { "eval", "pan", "--help" })]
    [InlineData("eval-pan-scan", new[] { "eval", "pan-scan", "--help" })]
    public void Should_match_the_golden_help(string name, string[] args)
    {
        var (code, output, _) = Run(args);
        Assert.Equal(0, code);
        Golden.Verify($"Cli/help.{name}.txt", output);
    }

    [Fact]
    public void Should_scan_the_seeds_write_every_report_print_their_paths_and_summarise()
    {
        using var tmp = new TempFolder();
        var (code, output, err) = Run("scan", TestPaths.Seeds, "--out", tmp.Path, "--threads", "2");
        Assert.Equal(ExitCodes.Success, code);
        foreach (string name in new[] { "report.json", "report.md", "report.html", "report.csv", "reuse-graph.graphml" })
        {
            string path = Path.Combine(tmp.Path, name);
            Assert.True(File.Exists(path), name);
            Assert.Contains("  " + path + "\n", output, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.GetFiles(tmp.Path, "*.tmp"));
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(tmp.Path, "report.csv"))[..3]);
        Assert.Equal((byte)'{', File.ReadAllBytes(Path.Combine(tmp.Path, "report.json"))[0]);
        // Redirected output gets plain text: no progress, no ANSI escapes
        Assert.Equal("", err);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.Contains("Top reposted passages (1 of 1):", output, StringComparison.Ordinal);
        Assert.Contains("origin: RFE/RL (credit-line)", output, StringComparison.Ordinal);
        Assert.Contains("Reused share per document:", output, StringComparison.Ordinal);
        Assert.Contains("Near-duplicate groups: none.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_draw_tables_and_progress_bars_on_a_terminal_and_print_only_paths_when_quiet()
    {
        using var tmp = new TempFolder();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["scan", TestPaths.Seeds, "--out", tmp.Path, "--threads", "2"], stdout, stderr, new ConsoleKind(true, true));
        Assert.Equal(ExitCodes.Success, code);
        string output = stdout.ToString();
        Assert.Contains("Top reposted passages (1 of 1)", output, StringComparison.Ordinal);
        Assert.Contains("c08496069d6", output, StringComparison.Ordinal);
        Assert.Contains("Reused share per document", output, StringComparison.Ordinal);

        var quiet = new StringWriter();
        Assert.Equal(ExitCodes.Success, CliApp.Run(["scan", TestPaths.Seeds, "--out", tmp.Path, "-q"], quiet, new StringWriter(), new ConsoleKind(true, true)));
        Assert.Equal(["Reports:", .. new[] { "report.json", "report.md", "report.html", "report.csv", "reuse-graph.graphml" }.Select(n => "  " + Path.Combine(tmp.Path, n))],
            quiet.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n'));
    }

    [Fact]
    public void Should_return_distinct_exit_codes()
    {
        using var tmp = new TempFolder();
        tmp.Write("in/a.txt", "Some text that is long enough to be a document of its own.");
        tmp.WriteBytes("in/b.txt", [0, 1, 2]);
        var partial = Run("scan", Path.Combine(tmp.Path, "in"), "--out", Path.Combine(tmp.Path, "out"), "-q");
        Assert.Equal(ExitCodes.PartialSuccess, partial.Code);
        Assert.Equal(ExitCodes.Failure, Run("scan", Path.Combine(tmp.Path, "missing")).Code);
        var usage = Run("scan", tmp.Path, "--shingle", "x");
        Assert.Equal(ExitCodes.Usage, usage.Code);
        Assert.Contains("--shingle", usage.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, Run("scan", tmp.Path, "--permutations", "100").Code);
        Assert.Equal(ExitCodes.Usage, Run("frobnicate").Code);
    }

    [Fact]
    public void Should_default_the_output_folder_beside_the_input()
    {
        using var tmp = new TempFolder();
        tmp.Write("news/a.txt", "Some text that is long enough to be a document of its own.");
        var (code, output, _) = Run("scan", Path.Combine(tmp.Path, "news"), "-q");
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "news.reuse", "report.json")), output);
    }

    [Fact]
    public void Should_recognise_an_unchanged_folder_and_rescan_a_changed_one()
    {
        // Given a folder scanned once
        using var tmp = new TempFolder();
        tmp.Write("news/a.txt", "Some text that is long enough to be a document of its own, with a few more words in it.");
        string news = Path.Combine(tmp.Path, "news");
        Assert.Equal(0, Run("scan", news).Code);
        // When nothing changed, the second scan says so and keeps the reports
        var again = Run("scan", news);
        Assert.Equal(0, again.Code);
        Assert.Contains("No file changed since the last scan", again.Out, StringComparison.Ordinal);
        Assert.Contains("1 documents read", again.Out, StringComparison.Ordinal);
        // When a file is added (or options change), it scans
        tmp.Write("news/b.txt", "Another text, long enough to count as an article for this test of rescans.");
        var changed = Run("scan", news);
        Assert.DoesNotContain("No file changed", changed.Out, StringComparison.Ordinal);
        Assert.Contains("2 documents read", changed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("No file changed", Run("scan", news, "--min-words", "25").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("No file changed", Run("scan", news, "--no-store").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_scan_a_store_kept_inside_the_scanned_folder()
    {
        using var tmp = new TempFolder();
        tmp.Write("news/a.txt", "Some text that is long enough to be a document of its own, with a few more words in it.");
        string news = Path.Combine(tmp.Path, "news"), store = Path.Combine(news, "idx");
        var first = Run("scan", news, "--store", store, "--out", Path.Combine(tmp.Path, "out"));
        tmp.Write("news/b.txt", "Another text, long enough to count as an article for this test of the store folder.");
        var second = Run("scan", news, "--store", store, "--out", Path.Combine(tmp.Path, "out"));
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.Code, second.Code));
        Assert.Contains("2 documents read, 0 skipped", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_ignored_files_without_failing_and_exit_3_only_for_a_file_that_should_have_been_read()
    {
        // Given a folder with a text with NUL bytes, a CSV and a PDF
        using var tmp = new TempFolder();
        Pipeline.InputFilesTests.WriteMixedFolder(tmp, "in", withPng: false);
        string input = Path.Combine(tmp.Path, "in");
        // When
        var clean = Run("scan", input, "--out", Path.Combine(tmp.Path, "out"), "--no-store");
        // Then the scan succeeds and says what it read, skipped and ignored
        Assert.Equal(ExitCodes.Success, clean.Code);
        Assert.Contains("2 documents read, 0 skipped, 2 ignored.", clean.Out, StringComparison.Ordinal);
        Assert.Contains("  repost.txt: 3 control characters replaced by spaces", clean.Out, StringComparison.Ordinal);
        Assert.Contains("  data/rates.csv: not an article file (.csv: table)", clean.Out, StringComparison.Ordinal);
        // When a PNG named .txt joins them, it is skipped as binary: exit 3
        tmp.WriteBytes("in/photo.txt", Pipeline.InputFilesTests.Png);
        var partial = Run("scan", input, "--out", Path.Combine(tmp.Path, "out"), "--no-store");
        Assert.Equal(ExitCodes.PartialSuccess, partial.Code);
        Assert.Contains("2 documents read, 1 skipped, 2 ignored.", partial.Out, StringComparison.Ordinal);
        Assert.Contains("  photo.txt: binary file (PNG image)", partial.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_rescan_when_an_ignored_file_is_added_or_removed()
    {
        // Given a folder scanned once, with an ignored file
        using var tmp = new TempFolder();
        tmp.Write("news/a.txt", "Some text that is long enough to be a document of its own, with a few more words in it.");
        tmp.Write("news/table.csv", "a,b\n1,2\n");
        string news = Path.Combine(tmp.Path, "news");
        Assert.Contains("1 ignored", Run("scan", news).Out, StringComparison.Ordinal);
        Assert.Contains("No file changed", Run("scan", news).Out, StringComparison.Ordinal);
        // When another is added, the reports (which list it) are rebuilt; when both go, too
        tmp.Write("news/chart.png", "not really a picture");
        var added = Run("scan", news);
        Assert.DoesNotContain("No file changed", added.Out, StringComparison.Ordinal);
        Assert.Contains("1 documents read, 0 skipped, 2 ignored.", added.Out, StringComparison.Ordinal);
        File.Delete(Path.Combine(news, "table.csv"));
        File.Delete(Path.Combine(news, "chart.png"));
        var removed = Run("scan", news);
        Assert.Equal(ExitCodes.Success, removed.Code);
        Assert.Contains("1 documents read, 0 skipped, 0 ignored.", removed.Out, StringComparison.Ordinal);
    }
}
