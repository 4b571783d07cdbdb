using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using Spectre.Console;

namespace ReuseDetect.Cli;

/// <summary><c>reuse scan &lt;folder&gt;</c>: the main job.</summary>
static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, ConsoleKind console)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of articles (.txt, .md; searched recursively)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where the reports go (report.json, report.md, report.html, report.csv, reuse-graph.graphml). Default: a folder beside the input named <folder>.reuse." };
        var top = new Option<int>("--top") { Description = "How many passages and groups the console summary lists.", DefaultValueFactory = _ => 10 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bars or summary: print only where the reports were written (and errors)." };
        var detection = new DetectionOptions();
        var command = new Command("scan", "Find reused passages and near-duplicates in a folder; write the JSON, Markdown, HTML and CSV reports and the reuse graph.\n"
            + "Exit codes: 0 success, 1 failure, 2 usage error, 3 reports written but some files skipped.");
        command.Arguments.Add(folder);
        command.Options.Add(output);
        command.Options.Add(top);
        command.Options.Add(quiet);
        foreach (Option o in detection.All) command.Options.Add(o);
        command.SetAction(parse =>
        {
            DirectoryInfo root = parse.GetValue(folder)!;
            if (!root.Exists)
            {
                stderr.WriteLine($"reuse: folder not found: {root.FullName}");
                return ExitCodes.Failure;
            }
            string outDir = parse.GetValue(output)?.FullName ?? DefaultOutput(root.FullName);
            ReuseDetectOptions options;
            try
            {
                options = detection.Bind(parse, [outDir]);
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                stderr.WriteLine($"reuse: {e.Message}");
                return ExitCodes.Usage;
            }
            bool isQuiet = parse.GetValue(quiet);
            var clock = Stopwatch.StartNew();
            var detector = new ReuseDetector(options);
            ReuseReport report = !isQuiet && console.StderrIsTerminal
                ? ConsoleProgress.Run(Ansi(stderr), p => detector.Scan(root.FullName, p))
                : detector.Scan(root.FullName);
            IReadOnlyList<string> written;
            try
            {
                written = ReportFiles.Write(outDir, report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"reuse: cannot write reports to {outDir}: {e.Message}");
                return ExitCodes.Failure;
            }
            if (!isQuiet)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scanned {root.FullName} in {clock.Elapsed.TotalSeconds:F2} s."));
                if (console.StdoutIsTerminal) ConsoleSummaryTable.Write(Ansi(stdout), report, parse.GetValue(top));
                else ConsoleSummary.Write(stdout, report, parse.GetValue(top));
                stdout.WriteLine();
            }
            stdout.WriteLine("Reports:");
            foreach (string path in written) stdout.WriteLine("  " + path);
            return report.Summary.Skipped > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
        });
        return command;
    }

    static IAnsiConsole Ansi(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });

    static string DefaultOutput(string root) => Path.TrimEndingDirectorySeparator(root) + ".reuse";
}
