using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Store;

namespace ReuseDetect.Worker.Tests;

public sealed class WatchWorkerTests
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months. "
        + "Analysts had expected a smaller increase after two consecutive hikes earlier this year, and markets reacted with a modest rally in the national currency.";

    sealed class MemorySink : IReportSink
    {
        public ConcurrentQueue<ReuseReport> Written { get; } = new();

        public void Write(string folder, ReuseReport report)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "report.json"), JsonReportWriter.ToJson(report));
            Written.Enqueue(report);
        }
    }

    sealed class ListLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
        public void Dispose() { }
    }

    static async Task Until(Func<bool> condition, string what)
    {
        // Waits for an outcome, not a duration: the bound only keeps a broken build from hanging the suite.
        for (int i = 0; i < 600 && !condition(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(condition(), "Timed out waiting for: " + what);
    }

    /// <summary>A new temporary folder holding <c>news/wire.txt</c> (the <see cref="Story"/>), and where its reports go.</summary>
    static (string Dir, string Root, string Out) NewFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "reusedetect-watch-" + Guid.NewGuid().ToString("N"));
        string root = Path.Combine(dir, "news");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "wire.txt"), Story);
        return (dir, root, Path.Combine(dir, "out"));
    }

    /// <summary>A worker host over <paramref name="root"/> with a 100 ms quiet time and no reconcile during a test.</summary>
    static IHost Build(string root, string outDir, string storeDir, IReportSink sink, ReuseDetectOptions options, ConcurrentQueue<string>? logs = null,
        Action<WatchSettings>? more = null) =>
        WatchHost.Build([], s =>
        {
            s.Root = root;
            s.Out = outDir;
            s.Store = storeDir;
            s.DebounceMilliseconds = 100;
            s.ReconcileSeconds = 3600;
            more?.Invoke(s);
        }, options, sink, logging: b => { b.ClearProviders(); b.SetMinimumLevel(LogLevel.Debug); if (logs is not null) b.AddProvider(new ListLogger(logs)); });

    [Fact]
    public async Task Should_answer_queries_in_process_from_the_index_of_its_last_scan()
    {
        // Given a running worker over a folder with one article
        var (dir, root, outDir) = NewFolder();
        using IHost host = Build(root, outDir, Path.Combine(outDir, "store"), new MemorySink(), new ReuseDetectOptions { Parallelism = 1 });
        var worker = host.Services.GetRequiredService<WatchWorker>();
        try
        {
            Assert.Null(WatchHost.Index(host));
            await host.StartAsync(TestContext.Current.CancellationToken);
            await Until(() => worker.Scans >= 1, "the initial scan");
            // When a text is queried through the worker's index, then the article is found
            Assert.Equal(["wire.txt"], WatchHost.Index(host)!.Query("Seen elsewhere: " + Story).Matches.Select(m => m.Id));
            // And after a repost arrives and is scanned, the index the worker answers from holds it
            File.WriteAllText(Path.Combine(root, "repost.txt"), "From our partners: " + Story);
            await Until(() => worker.Scans >= 2 && WatchHost.Index(host)?.Count == 2, "the repost to be indexed");
            Assert.Equal(["repost.txt", "wire.txt"], WatchHost.Index(host)!.Query("Seen elsewhere: " + Story).Matches.Select(m => m.Id).Order(StringComparer.Ordinal));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Should_scan_then_follow_new_files_and_stop_with_a_consistent_store()
    {
        // Given a folder with one article and a running worker
        var (dir, root, outDir) = NewFolder();
        string storeDir = Path.Combine(outDir, "store");
        var sink = new MemorySink();
        var logs = new ConcurrentQueue<string>();
        var options = new ReuseDetectOptions { Parallelism = 2 };
        using IHost host = Build(root, outDir, storeDir, sink, options, logs);
        var worker = host.Services.GetRequiredService<WatchWorker>();
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await Until(() => worker.Scans >= 1, "the initial scan");
            Assert.Equal(1, worker.LastReport!.Summary.Documents);

            // When a repost arrives
            File.WriteAllText(Path.Combine(root, "repost.txt"), "From our partners: " + Story);

            // Then the report is rewritten with the reposted passage, and the new reuse is logged
            await Until(() => worker.LastReport?.Summary.PassageClusters == 1, "the repost to be found");
            Assert.Contains(logs, l => l == "repost.txt shares 1 passage with wire.txt");
            // and where each scan's time went is logged at Debug, stage by stage in the order they ran
            Assert.Contains(logs, l => System.Text.RegularExpressions.Regex.IsMatch(l,
                @"^Scan stages, ms: listing \d+, sign \d+, candidates \d+, align \d+, cluster \d+, attribute \d+, report model \d+, reports \d+, commit wait \d+ \(of \d+ ms\); allocated \d+ MB, collections \d+/\d+/\d+, paused \d+ ms$"));
            ReuseReport? onDisk = JsonReportWriter.FromJson(File.ReadAllText(Path.Combine(outDir, "report.json")));
            Assert.Equal(2, onDisk!.Summary.Documents);

            // And a deleted file leaves the report
            File.Delete(Path.Combine(root, "repost.txt"));
            await Until(() => worker.LastReport?.Summary.Documents == 1, "the deletion to be seen");
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
        // The store is consistent after the stop: it opens, and it holds exactly the live file.
        using (var store = SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(options)))
            Assert.Equal(["wire.txt"], store.Files().Select(f => f.FileId));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Should_answer_each_change_from_the_index_before_the_rescan()
    {
        // Given a running worker over a folder with one article, and its reports folder
        var (dir, root, outDir) = NewFolder();
        string changes = Path.Combine(outDir, "changes.jsonl");
        var logs = new ConcurrentQueue<string>();
        using IHost host = Build(root, outDir, Path.Combine(outDir, "store"), new MemorySink(), new ReuseDetectOptions { Parallelism = 1 }, logs);
        var worker = host.Services.GetRequiredService<WatchWorker>();
        static List<System.Text.Json.JsonElement> Lines(string path) => !File.Exists(path) ? []
            : [.. File.ReadAllLines(path).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)];
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await Until(() => worker.Scans >= 1, "the initial scan");
            Assert.False(File.Exists(changes));

            // When a repost arrives, and a file that is no article, and a sidecar
            File.WriteAllText(Path.Combine(root, "repost.txt"), "From our partners: " + Story);
            File.WriteAllText(Path.Combine(root, "notes.csv"), "a,b");
            File.WriteAllText(Path.Combine(root, "repost.meta.json"), "{\"outlet\": \"Partner\"}");

            // Then one line answers it from the index of the last scan: added, matching the wire story on the passage
            await Until(() => Lines(changes).Count >= 1, "the quick answer");
            var added = Assert.Single(Lines(changes));
            Assert.Equal("repost.txt", added.GetProperty("file").GetString());
            Assert.Equal("added", added.GetProperty("change").GetString());
            var document = Assert.Single(added.GetProperty("documents").EnumerateArray().ToList());
            var match = Assert.Single(document.GetProperty("matches").EnumerateArray().ToList());
            Assert.Equal("wire.txt", match.GetProperty("id").GetString());
            var passage = Assert.Single(match.GetProperty("passages").EnumerateArray().ToList());
            Assert.Equal("From our partners: ".Length, passage.GetProperty("start").GetInt32());
            Assert.Equal(0, passage.GetProperty("matchStart").GetInt32());
            Assert.Contains(logs, l => l.StartsWith("Quick answer to 1 changed file(s)", StringComparison.Ordinal));
            // And the rescan follows with the full report
            await Until(() => worker.LastReport?.Summary.PassageClusters == 1, "the rescan");

            // When the repost is edited, then deleted, each change gets its line
            int before = Lines(changes).Count;
            File.WriteAllText(Path.Combine(root, "repost.txt"), "Updated. From our partners: " + Story);
            await Until(() => Lines(changes).Count > before && worker.Scans >= 3, "the edit");
            Assert.Equal("changed", Lines(changes)[^1].GetProperty("change").GetString());
            File.Delete(Path.Combine(root, "repost.txt"));
            await Until(() => Lines(changes).Any(l => l.GetProperty("change").GetString() == "removed"), "the deletion");
            var removed = Lines(changes)[^1];
            Assert.Equal("repost.txt", removed.GetProperty("file").GetString());
            Assert.False(removed.TryGetProperty("documents", out _));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Should_name_the_saved_file_as_the_cause_of_a_rescan_not_its_temporary_file()
    {
        // Given a running worker
        var (dir, root, outDir) = NewFolder();
        var logs = new ConcurrentQueue<string>();
        using IHost host = Build(root, outDir, Path.Combine(outDir, "store"), new MemorySink(), new ReuseDetectOptions { Parallelism = 1 }, logs);
        var worker = host.Services.GetRequiredService<WatchWorker>();
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await Until(() => worker.Scans >= 1, "the initial scan");

            // When an editor saves through a temporary file renamed into place
            string tmp = Path.Combine(root, "repost.txt.tmp");
            File.WriteAllText(tmp, "From our partners: " + Story);
            File.Move(tmp, Path.Combine(root, "repost.txt"));
            await Until(() => worker.LastReport?.Documents.Any(d => d.Path == "repost.txt") == true, "the rescan");

            // Then the log names the saved file, and not the temporary one that is gone (on a slow machine the write and
            // the rename may fall in two quiet times: the rescan that found the file names it)
            string scanned = logs.Last(l => l.StartsWith("Scan (change", StringComparison.Ordinal));
            Assert.StartsWith("Scan (change in repost.txt):", scanned, StringComparison.Ordinal);

            // When a file is deleted, the deleted file is named (the last report held it)
            int scans = worker.Scans;
            File.Delete(Path.Combine(root, "repost.txt"));
            await Until(() => worker.Scans > scans, "the rescan after the deletion");
            Assert.Contains(logs, l => l.StartsWith("Scan (change in repost.txt):", StringComparison.Ordinal) && l.Contains("1 documents", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Should_name_the_files_a_scan_found_new_changed_or_gone_when_no_changed_path_is_there()
    {
        // Given a folder scanned once, then one file removed and one added (as when a temporary file was renamed into
        // place after the quiet time, so that the only path the events named is gone)
        var (dir, root, _) = NewFolder();
        try
        {
            File.WriteAllText(Path.Combine(root, "old.txt"), "An older story. " + Story);
            var options = new ReuseDetectOptions { Parallelism = 1 };
            ReuseReport before = new ReuseDetector(options).Scan(root);
            File.Delete(Path.Combine(root, "old.txt"));
            File.WriteAllText(Path.Combine(root, "repost.txt"), "From our partners: " + Story);
            ReuseReport after = new ReuseDetector(options).Scan(root);
            // When the rescan names its changes from what it signed and what is gone
            string? named = WatchWorker.ScannedChanges(before, after, new HashSet<string>(StringComparer.Ordinal) { "repost.txt" });
            // Then the saved file and the removed one are named, and a scan that found nothing names nothing
            Assert.Equal("change in old.txt, repost.txt", named);
            Assert.Null(WatchWorker.ScannedChanges(after, after, new HashSet<string>(StringComparer.Ordinal)));
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Should_leave_a_batch_larger_than_the_quick_answer_limit_to_the_rescan()
    {
        // Given a worker that answers at most one changed file at a time in changes.jsonl
        var (dir, root, outDir) = NewFolder();
        var logs = new ConcurrentQueue<string>();
        using IHost host = Build(root, outDir, Path.Combine(outDir, "store"), new MemorySink(), new ReuseDetectOptions { Parallelism = 1 }, logs,
            s => { s.QuickAnswerMaxFiles = 1; s.DebounceMilliseconds = 500; });
        var worker = host.Services.GetRequiredService<WatchWorker>();
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await Until(() => worker.Scans >= 1, "the initial scan");
            // When two reposts arrive together
            File.WriteAllText(Path.Combine(root, "repost1.txt"), "From our partners: " + Story);
            File.WriteAllText(Path.Combine(root, "repost2.txt"), "Via a partner site: " + Story);
            // Then the rescan finds both, and no quick answer was written for them
            await Until(() => worker.LastReport?.Summary.Documents == 3, "the rescan");
            Assert.Contains(logs, l => l.StartsWith("2 files changed at once (more than 1)", StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(outDir, "changes.jsonl")));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Should_describe_new_reuse_as_comparing_every_cluster_of_both_reports_would(int seed)
    {
        // Describe looks only at clusters the last report does not hold as objects, and at last clusters of the same
        // shape; the answer must be the one of comparing every edge of both reports (written out here), for reports
        // that share cluster objects, hold equal copies of last clusters, and new ones.
        var random = new Random(seed);
        string[] ids = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"];
        ReportCluster Random()
        {
            int n = random.Next(2, 5);
            var members = Enumerable.Range(0, n).Select(_ => new ReportMember(ids[random.Next(ids.Length)], "x", random.Next(3) * 10, random.Next(3) * 10 + 20, "t", null, null)).ToList();
            string? origin = random.Next(3) == 0 ? null : members[random.Next(n)].Id;
            return new ReportCluster
            {
                Id = "c" + random.Next(1000), Kind = random.Next(8) == 0 ? "internal" : "passage", Boilerplate = random.Next(10) == 0,
                Origin = new ReportOrigin(origin, null, origin is null ? "undetermined" : "earliest-date", null), Members = members,
            };
        }
        static ReuseReport Report(IEnumerable<ReportCluster> clusters) => new()
        {
            Parameters = new ReportParameters(5, 128, "0", 0.8, 9, 13, 6, 20, 3, 12, 0.5, 1000, 3),
            Summary = new ReportSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            Documents = [], Clusters = [.. clusters], NearDuplicates = [],
        };
        static IEnumerable<(string, string, string, bool)> AllEdges(ReuseReport r, IReadOnlySet<string> changed)
        {
            foreach (ReportCluster c in r.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate))
            {
                var members = c.Members.Select(m => m.Id).Distinct().Order(StringComparer.Ordinal).ToList();
                string key = string.Join('|', c.Members.Select(m => $"{m.Id}:{m.Start}-{m.End}"));
                string source = c.Origin.Id is { } o && members.Contains(o) ? o : members.FirstOrDefault(i => !changed.Contains(i)) ?? members[0];
                foreach (string id in members.Where(i => i != source)) yield return (id, source, key, c.Origin.Id == source);
            }
        }
        static List<string> Expected(ReuseReport? before, ReuseReport after, IReadOnlySet<string> changed)
        {
            var old = before is null ? [] : AllEdges(before, changed).ToHashSet();
            return [.. AllEdges(after, changed).Where(e => !old.Contains(e)).GroupBy(e => (e.Item1, e.Item2))
                .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
                .Select(g => $"{g.Key.Item1} {(g.All(e => e.Item4) ? "reposts" : "shares")} {g.Count()} passage{(g.Count() == 1 ? "" : "s")} {(g.All(e => e.Item4) ? "from" : "with")} {g.Key.Item2}")];
        }
        int nonEmpty = 0;
        for (int step = 0; step < 200; step++)
        {
            var last = Enumerable.Range(0, random.Next(0, 8)).Select(_ => Random()).ToList();
            // The next report: last clusters kept as objects, as equal copies, or gone, and new ones.
            var next = new List<ReportCluster>();
            foreach (ReportCluster c in last)
                switch (random.Next(3))
                {
                    case 0: next.Add(c); break;
                    case 1: next.Add(c with { Members = [.. c.Members] }); break;
                }
            next.AddRange(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Random()));
            next = [.. next.OrderBy(_ => random.Next())];
            var changed = ids.Where(_ => random.Next(3) == 0).ToHashSet();
            ReuseReport? before = random.Next(6) == 0 ? null : Report(last);
            List<string> expected = Expected(before, Report(next), changed);
            Assert.Equal(expected, ReuseChanges.Describe(before, Report(next), changed));
            if (expected.Count > 0) nonEmpty++;
        }
        Assert.InRange(nonEmpty, 20, 200);
    }

    [Fact]
    public void Should_describe_new_reuse_from_the_reposting_side()
    {
        static ReportCluster Cluster(string? originId, params string[] ids) => new()
        {
            Id = "c1", Kind = "passage", Origin = new ReportOrigin(originId, null, originId is null ? "undetermined" : "earliest-date", null),
            Members = [.. ids.Select((id, i) => new ReportMember(id, "x", i, i + 10, "t", null, null))],
        };
        static ReuseReport Report(params ReportCluster[] clusters) => new()
        {
            Parameters = new ReportParameters(5, 128, "0", 0.8, 9, 13, 6, 20, 3, 12, 0.5, 1000, 3),
            Summary = new ReportSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            Documents = [], Clusters = clusters, NearDuplicates = [],
        };
        var before = Report(Cluster("rferl/y.txt", "ann/a.txt", "rferl/y.txt"));
        var after = Report(Cluster("rferl/y.txt", "ann/a.txt", "rferl/y.txt"), Cluster("rferl/y.txt", "ann/x.txt", "rferl/y.txt"),
            Cluster("rferl/y.txt", "ann/x.txt", "rferl/y.txt") with { Members = [new("ann/x.txt", "x", 50, 90, "t", null, null), new("rferl/y.txt", "x", 60, 99, "t", null, null)] },
            Cluster(null, "b.txt", "c.txt"));
        Assert.Equal(["ann/x.txt reposts 2 passages from rferl/y.txt", "c.txt shares 1 passage with b.txt"], ReuseChanges.Describe(before, after));
        Assert.Empty(ReuseChanges.Describe(after, after));

        // And a hostile file name reaches the log shown, not obeyed: no escape sequence, no bidi override
        string hostile = "ann/\u001b]0;pwned\u0007\u202Etxt.exe";
        string line = Assert.Single(ReuseChanges.Describe(null, Report(Cluster("rferl/y.txt", hostile, "rferl/y.txt"))));
        Assert.DoesNotContain('\u001b', line);
        Assert.DoesNotContain('\u0007', line);
        Assert.DoesNotContain('\u202E', line);
        Assert.StartsWith("ann/\u241B]0;pwned\u2407", line, StringComparison.Ordinal);
    }
}
