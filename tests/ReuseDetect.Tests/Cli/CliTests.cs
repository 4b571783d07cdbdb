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
    [InlineData("eval-pan", new[] { "eval", "pan", "--help" })]
    public void Should_match_the_golden_help(string name, string[] args)
    {
        var (code, output, _) = Run(args);
        Assert.Equal(0, code);
        Golden.Verify($"Cli/help.{name}.txt", output);
    }

    [Fact]
    public void Should_scan_the_seeds_write_both_reports_and_summarise()
    {
        using var tmp = new TempFolder();
        var (code, output, _) = Run("scan", TestPaths.Seeds, "--out", tmp.Path, "--threads", "2");
        Assert.Equal(ExitCodes.Success, code);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "report.json")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "report.md")));
        Assert.Contains("Top reposted passages (1 of 1):", output, StringComparison.Ordinal);
        Assert.Contains("origin: RFE/RL (credit-line)", output, StringComparison.Ordinal);
        Assert.Contains("Reused share per document:", output, StringComparison.Ordinal);
        Assert.Contains("Near-duplicate groups: none.", output, StringComparison.Ordinal);
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
}
