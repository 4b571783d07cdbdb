using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Store;

namespace ReuseDetect.Cli;

/// <summary><c>reuse scan &lt;folder&gt;</c>: the main job.</summary>
static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of articles (.txt, .md; searched recursively)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where report.json and report.md go. Default: a folder beside the input named <folder>.reuse." };
        var top = new Option<int>("--top") { Description = "How many passages and groups the console summary lists.", DefaultValueFactory = _ => 10 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only where the reports were written (and errors)." };
        var store = new Option<DirectoryInfo?>("--store") { Description = "Signature store, so a rescan only does new work. Default: <out>/store." };
        var noStore = new Option<bool>("--no-store") { Description = "Scan from scratch and keep no store." };
        var detection = new DetectionOptions();
        var command = new Command("scan", "Find reused passages and near-duplicates in a folder; write report.json and report.md.\n"
            + "Exit codes: 0 success, 1 failure, 2 usage error, 3 reports written but some files skipped.");
        command.Arguments.Add(folder);
        command.Options.Add(output);
        command.Options.Add(top);
        command.Options.Add(quiet);
        command.Options.Add(store);
        command.Options.Add(noStore);
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
            var progress = Environment.GetEnvironmentVariable("REUSEDETECT_TIMINGS") == "1" ? new TimingProgress(stderr) : isQuiet || Console.IsErrorRedirected ? null : new ConsoleProgress(stderr);
            var clock = Stopwatch.StartNew();
            string? storeDir = parse.GetValue(noStore) ? null : parse.GetValue(store)?.FullName ?? Path.Combine(outDir, "store");
            ReuseReport report;
            string storeLine = "";
            try
            {
                using var opened = storeDir is null ? null : SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(options), m => stderr.WriteLine("reuse: " + m));
                if (opened is not null) opened.Root = root.FullName;
                var cache = opened is null ? null : new StoreScanCache(opened);
                report = new ReuseDetector(options).Scan(new FolderSource(root.FullName, options.Ingest), cache, progress);
                if (cache is not null)
                    storeLine = $"Store {storeDir}: {cache.Reused:N0} files unchanged, {cache.Signed:N0} read and signed, {cache.PairsReused:N0} aligned pairs reused.";
            }
            catch (IOException e)
            {
                progress?.Done();
                stderr.WriteLine($"reuse: {e.Message}");
                return ExitCodes.Failure;
            }
            progress?.Done();
            try
            {
                ReportFiles.Write(outDir, report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"reuse: cannot write reports to {outDir}: {e.Message}");
                return ExitCodes.Failure;
            }
            if (!isQuiet)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scanned {root.FullName} in {clock.Elapsed.TotalSeconds:F2} s."));
                if (storeLine.Length > 0) stdout.WriteLine(storeLine);
                ConsoleSummary.Write(stdout, report, parse.GetValue(top));
                stdout.WriteLine();
            }
            stdout.WriteLine($"Reports: {Path.Combine(outDir, ReportFiles.Json)}, {Path.Combine(outDir, ReportFiles.Markdown)}");
            return report.Summary.Skipped > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
        });
        return command;
    }

    static string DefaultOutput(string root) => Path.TrimEndingDirectorySeparator(root) + ".reuse";
}

/// <summary>Writes the report files atomically (temporary file, then rename), so a reader never sees half a report.</summary>
static class ReportFiles
{
    public const string Json = "report.json", Markdown = "report.md";

    public static void Write(string folder, ReuseReport report)
    {
        Directory.CreateDirectory(folder);
        WriteAtomic(Path.Combine(folder, Json), JsonReportWriter.ToJson(report));
        WriteAtomic(Path.Combine(folder, Markdown), MarkdownReportWriter.ToMarkdown(report));
    }

    static void WriteAtomic(string path, string content)
    {
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, content, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }
}

/// <summary>Prints when each stage starts (REUSEDETECT_TIMINGS=1), for profiling.</summary>
sealed class TimingProgress(TextWriter writer) : ConsoleProgress(writer)
{
    readonly TextWriter _writer = writer;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    PipelineStage? _stage;

    public override void Report(ScanProgress value)
    {
        if (value.Stage == _stage) return;
        _stage = value.Stage;
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds,8:F2} s  {value.Stage} (total {value.Total:N0})"));
    }
}

/// <summary>A one-line progress display on standard error for terminals.</summary>
class ConsoleProgress(TextWriter stderr) : IProgress<ScanProgress>
{
    readonly Lock _gate = new();

    public virtual void Report(ScanProgress value)
    {
        lock (_gate) stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r{value.Stage,-10} {value.Done,8:N0} / {value.Total:N0}          "));
    }

    public void Done()
    {
        lock (_gate) stderr.Write("\r" + new string(' ', 60) + "\r");
    }
}
