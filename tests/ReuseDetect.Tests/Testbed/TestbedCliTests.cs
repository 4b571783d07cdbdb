using ReuseDetect.Testbed;

namespace ReuseDetect.Tests.Testbed;

/// <summary>The testbed's command line: its verbs end to end, and bad input as a named message without a stack trace.</summary>
public sealed class TestbedCliTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = TestbedCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Should_score_a_report_and_print_the_table()
    {
        using var eco = new TinyEcosystem();
        string report = Path.Combine(eco.Path, "perfect.json");
        Assert.Equal(0, Run("perfect", eco.Path, report).Code);

        var (code, output, err) = Run("score", eco.Path, report);

        Assert.Equal((0, ""), (code, err));
        Assert.Contains("  verbatim                    2       2   1.000   1.000   1.000    1.000", output, StringComparison.Ordinal);
        Assert.Contains("false clusters           0 of 1 (0.0 %)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-truth")]
    [InlineData("no-report")]
    [InlineData("bad-report")]
    public void Should_name_what_is_wrong_without_a_stack_trace(string problem)
    {
        using var eco = new TinyEcosystem();
        string report = Path.Combine(eco.Path, "report.json");
        if (problem == "bad-report") File.WriteAllText(report, "[1, 2");
        string outDir = problem == "no-truth" ? Path.Combine(eco.Path, "corpus") : eco.Path;

        var (code, output, err) = Run("score", outDir, report);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("testbed: ", err, StringComparison.Ordinal);
        Assert.Contains(problem == "no-truth" ? "truth.json" : "report.json", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", "--dates", "sometimes")]
    [InlineData("generate")]
    [InlineData("paint", "x")]
    public void Should_reject_bad_usage_with_exit_code_2(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("Try 'testbed --help'.", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_generate_scan_and_score_with_run()
    {
        if (TestPaths.SharedData("reuters21578") is null) Assert.Skip("../shared/data/reuters21578 is not present");
        using var folder = new TempFolder();
        string outDir = Path.Combine(folder.Path, "eco");

        var (code, output, err) = Run("run", outDir, "--stories", "12", "--seed", "2", "--dates", "mixed");

        Assert.True(code == 0, err);
        Assert.Contains("seed 2, dates mixed, 12 stories", output, StringComparison.Ordinal);
        Assert.Contains("Testbed score (dates: mixed)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "corpus.reuse", "report.json")));
    }
}
