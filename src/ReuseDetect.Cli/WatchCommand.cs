using System.CommandLine;
using Microsoft.Extensions.Hosting;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Worker;

namespace ReuseDetect.Cli;

/// <summary><c>reuse watch &lt;folder&gt;</c>: the hosted worker that keeps the reports current as articles arrive.</summary>
static class WatchCommand
{
    /// <summary>
    /// Writes each rescan's reports. It keeps the bytes of every cluster it wrote (<see cref="ReportFragments"/>), so the
    /// clusters a change did not touch, which the worker's detector passes on as the same objects, are copied into the next
    /// report.json and report.html instead of being serialized and diffed again.
    /// </summary>
    sealed class FileSink(int parallelism) : IReportSink
    {
        readonly ReportFragments _fragments = new();

        public void Write(string folder, ReuseReport report) => ReportFiles.Write(folder, report, parallelism, _fragments);
    }

    public static Command Create(TextWriter stderr)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of articles to watch, recursively (the same inputs as scan)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where the reports go. Default: <folder>.reuse beside the input." };
        var store = new Option<DirectoryInfo?>("--store") { Description = "Signature store. Default: <out>/store." };
        var debounce = new Option<int>("--debounce-ms") { Description = "Quiet time after the last file event before a rescan.", DefaultValueFactory = _ => 2000 };
        var reconcile = new Option<int>("--reconcile-seconds") { Description = "Full reconcile interval (file watchers miss events).", DefaultValueFactory = _ => 300 };
        var detection = new DetectionOptions();
        var command = new Command("watch", "Keep the index and reports of a folder up to date as articles arrive (Ctrl+C or SIGTERM stops cleanly).\n"
            + "Settings can also come from appsettings.json (section \"Watch\") and REUSEDETECT_Watch__* environment variables.");
        command.Arguments.Add(folder);
        command.Options.Add(output);
        command.Options.Add(store);
        command.Options.Add(debounce);
        command.Options.Add(reconcile);
        foreach (Option o in detection.All) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            DirectoryInfo root = parse.GetValue(folder)!;
            if (!root.Exists)
            {
                await stderr.WriteLineAsync($"reuse: folder not found: {ConsoleSummary.Name(root.FullName)}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            string outDir = parse.GetValue(output)?.FullName ?? DetectionOptions.DefaultOutput(root.FullName);
            string storeDir = parse.GetValue(store)?.FullName ?? Path.Combine(outDir, "store");
            if (!detection.TryBind(parse, [outDir, storeDir], stderr, out ReuseDetectOptions options)) return ExitCodes.Usage;
            // Options given on the command line win; otherwise appsettings.json / REUSEDETECT_Watch__* apply, then the defaults.
            using IHost host = WatchHost.Build([], s =>
            {
                s.Root = root.FullName;
                if (parse.GetValue(output) is not null || string.IsNullOrWhiteSpace(s.Out)) s.Out = outDir;
                if (parse.GetValue(store) is not null) s.Store = storeDir;
                else if (string.IsNullOrWhiteSpace(s.Store)) s.Store = Path.Combine(s.Out, "store");
                if (parse.GetResult(debounce) is { Implicit: false }) s.DebounceMilliseconds = parse.GetValue(debounce);
                if (parse.GetResult(reconcile) is { Implicit: false }) s.ReconcileSeconds = parse.GetValue(reconcile);
            }, options, new FileSink(options.Parallelism));
            // A fatal error (store in use or not writable, reports not writable, an unexpected exception) stops the
            // host and exits 1, so a supervisor (systemd Restart=on-failure) sees the failure.
            string? failure = await WatchHost.RunAsync(host, cancellationToken).ConfigureAwait(false);
            if (failure is null) return ExitCodes.Success;
            await stderr.WriteLineAsync("reuse: " + failure).ConfigureAwait(false);
            return ExitCodes.Failure;
        });
        return command;
    }
}
