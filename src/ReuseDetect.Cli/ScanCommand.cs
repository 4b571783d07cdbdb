using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Store;
using Spectre.Console;

namespace ReuseDetect.Cli;

/// <summary><c>reuse scan &lt;folder&gt;</c>: the main job.</summary>
static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, ConsoleKind console)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of articles, searched recursively: .txt, .text, .md, .markdown, .html, .htm, .xhtml, .shtml, .shtm, .json, .jsonl, .ndjson and files without an extension (read as HTML when they hold a web page; name.meta.json sidecars add metadata; the outlet falls back to the URL host). Other files (.csv, .pdf, images…) are listed as ignored." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where the reports go (report.json, report.md, report.html, report.csv, reuse-graph.graphml). Default: a folder beside the input named <folder>.reuse." };
        var top = new Option<int>("--top") { Description = "How many passages and groups the console summary lists.", DefaultValueFactory = _ => 10 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bars or summary: print only where the reports were written (and errors)." };
        var store = new Option<DirectoryInfo?>("--store") { Description = "Signature store, so a rescan only does new work. Default: <out>/store." };
        var noStore = new Option<bool>("--no-store") { Description = "Scan from scratch and keep no store." };
        var detection = new DetectionOptions();
        var command = new Command("scan", "Find reused passages and near-duplicates in a folder; write the JSON, Markdown, HTML and CSV reports and the reuse graph.\n"
            + "Exit codes: 0 success, 1 failure, 2 usage error, 3 reports written but some article files could not be read (binary, empty, too large).");
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
                stderr.WriteLine($"reuse: folder not found: {Name(root.FullName)}");
                return ExitCodes.Failure;
            }
            string outDir = parse.GetValue(output)?.FullName ?? DetectionOptions.DefaultOutput(root.FullName);
            string? storeDir = parse.GetValue(noStore) ? null : parse.GetValue(store)?.FullName ?? Path.Combine(outDir, "store");
            // Neither the reports nor the store are articles, wherever they are put.
            if (!detection.TryBind(parse, storeDir is null ? [outDir] : [outDir, storeDir], stderr, out ReuseDetectOptions options))
                return ExitCodes.Usage;
            bool isQuiet = parse.GetValue(quiet);
            bool timings = Environment.GetEnvironmentVariable("REUSEDETECT_TIMINGS") == "1";
            using ParallelShare? share = timings ? new ParallelShare() : null;
            var clock = Stopwatch.StartNew();
            var detector = new ReuseDetector(options);
            ReuseReport report;
            string storeLine = "";
            // An unchanged folder (same files, sizes, times, options and build) has current reports: say so and stop.
            // One walk of the folder serves the digest and the scan (its stamps too), so a changed folder is walked once.
            var source = new FolderSource(root.FullName, options.Ingest);
            FolderListing? listing = null;
            string? digest = null;
            if (storeDir is not null)
            {
                try
                {
                    listing = source.List(options.Parallelism);
                }
                catch (DirectoryNotFoundException e)
                {
                    stderr.WriteLine("reuse: " + Name(e.Message));
                    return ExitCodes.Failure;
                }
                digest = ScanDigest.Compute(root.FullName, options, listing);
            }
            if (digest is not null && ScanDigest.Matches(storeDir!, digest) && ReportFiles.AllExist(outDir)
                && ScanDigest.SavedSummary(storeDir!) is { } saved)
            {
                if (!isQuiet)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No file changed since the last scan of {Name(root.FullName)}; the reports are current (checked in {clock.Elapsed.TotalSeconds:F2} s)."));
                    stdout.Write(saved.Text);
                    stdout.WriteLine();
                }
                stdout.WriteLine("Reports:");
                foreach (string path in ReportFiles.Paths(outDir)) stdout.WriteLine("  " + Name(path));
                return saved.Skipped > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
            }
            if (storeDir is not null) ScanDigest.Forget(storeDir);
            try
            {
                using var opened = storeDir is null ? null : SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(options), m => stderr.WriteLine("reuse: " + Name(m)));
                if (opened is not null) opened.Root = root.FullName;
                var cache = opened is null ? null : new StoreScanCache(opened);
                ReuseReport Run(IProgress<ScanProgress>? p) => listing is null ? detector.Scan(source, cache, p) : detector.Scan(source, listing, cache, p);
                report = timings ? Run(new TimingProgress(stderr, clock, options.Parallelism == 1 ? share : null))
                    : !isQuiet && console.StderrIsTerminal ? ConsoleProgress.Run(Ansi(stderr), p => Run(p))
                    : Run(null);
                if (cache is not null)
                    storeLine = $"Store {Name(storeDir)}: {cache.Reused:N0} files unchanged, {cache.Signed:N0} read and signed, {cache.PairsReused:N0} aligned pairs reused.";
            }
            catch (IOException e)
            {
                stderr.WriteLine("reuse: " + Name(e.Message));
                return ExitCodes.Failure;
            }
            if (timings)
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,8:F2} s  WriteReports  heap {GC.GetTotalMemory(false) >> 20} MiB, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, {TimingProgress.Runtime()}{(options.Parallelism == 1 ? ParallelShare.SoFar(share, clock.Elapsed) : "")}"));
            IReadOnlyList<string> written;
            try
            {
                written = ReportFiles.Write(outDir, report, options.Parallelism);
                // A file that could not be read, or a folder that could not be listed, may be fine next time: without a
                // digest the next scan reads them again instead of calling these reports current.
                if (digest is not null && !report.Documents.Any(d => d.Error is { } e && TransientErrors.Is(e)))
                {
                    var summary = new StringWriter();
                    ConsoleSummary.Write(summary, report, parse.GetValue(top));
                    ScanDigest.Save(storeDir!, digest, summary.ToString(), report.Summary.Skipped);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"reuse: cannot write reports to {Name(outDir)}: {Name(e.Message)}");
                return ExitCodes.Failure;
            }
            if (share is not null) stderr.WriteLine(share.Describe(clock.Elapsed, options.Parallelism));
            if (timings)
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"          in all: allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, {TimingProgress.Runtime()}"));
            if (!isQuiet)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scanned {Name(root.FullName)} in {clock.Elapsed.TotalSeconds:F2} s."));
                if (storeLine.Length > 0) stdout.WriteLine(storeLine);
                if (console.StdoutIsTerminal) ConsoleSummaryTable.Write(Ansi(stdout), report, parse.GetValue(top));
                else ConsoleSummary.Write(stdout, report, parse.GetValue(top));
                stdout.WriteLine();
            }
            stdout.WriteLine("Reports:");
            foreach (string path in written) stdout.WriteLine("  " + Name(path));
            return report.Summary.Skipped > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
        });
        return command;
    }

    static string Name(string? s) => ConsoleSummary.Name(s);

    static IAnsiConsole Ansi(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });

}

/// <summary>
/// Prints when each stage starts (<c>REUSEDETECT_TIMINGS=1</c>), for profiling a scan: seconds since the scan began, memory,
/// CPU, the garbage collector's work and, with one thread, the serial seconds so far (<see cref="ParallelShare"/>).
/// </summary>
sealed class TimingProgress(TextWriter writer, Stopwatch clock, ParallelShare? share = null) : IProgress<ScanProgress>
{
    readonly Lock _gate = new();
    PipelineStage? _stage;

    /// <summary>
    /// The runtime's own costs so far: the collector's pauses and collections (every collection collects generation 0;
    /// those of generation 1 and 2 are counted apart: they copy what survives into the older generations, most of a
    /// pause), and the JIT compiler's time.
    /// </summary>
    internal static string Runtime() => string.Create(CultureInfo.InvariantCulture,
        $"GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s in {GC.CollectionCount(0)} collections (gen1 {GC.CollectionCount(1) - GC.CollectionCount(2)}, gen2 {GC.CollectionCount(2)}), JIT {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s ({System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods)");

    public void Report(ScanProgress value)
    {
        lock (_gate)
        {
            if (value.Stage == _stage) return;
            _stage = value.Stage;
            // Heap in use and the process's peak working set so far, to see which stage holds memory.
            using var self = Process.GetCurrentProcess();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clock.Elapsed.TotalSeconds,8:F2} s  {value.Stage} (total {value.Total:N0})  heap {GC.GetTotalMemory(false) >> 20} MiB, peak {self.PeakWorkingSet64 >> 20} MiB, cpu {self.TotalProcessorTime.TotalSeconds:F1} s, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, {Runtime()}{SerialSoFar()}"));
        }
    }

    // With one thread: the serial seconds so far (ParallelShare), stage by stage (with more, the figure means nothing).
    string SerialSoFar() => ParallelShare.SoFar(share, clock.Elapsed);
}
