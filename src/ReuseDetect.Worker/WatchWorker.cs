using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Store;

namespace ReuseDetect.Worker;

/// <summary>
/// Keeps the index and reports of a folder current. It scans once at start, then, after file events have been quiet
/// for the debounce time, answers each changed article from the index of its last scan (a line per file in
/// <c>changes.jsonl</c>, in milliseconds) and rescans (incrementally, through the store), and also rescans on a periodic
/// reconcile, because
/// file watchers miss events (network shares, overflows, editors that replace files). A scan that is cancelled by
/// shutdown commits nothing, so the store stays at its last consistent state; reports are replaced atomically.
/// </summary>
sealed partial class WatchWorker(
    IOptions<WatchSettings> settings,
    WatchDetection detection,
    IReportSink sink,
    ILogger<WatchWorker> logger,
    TimeProvider time,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    readonly WatchSettings _settings = settings.Value;
    readonly ReuseDetectOptions _detectOptions = detection.Options;
    ReuseDetector? _detector;
    // Each file event with the time it arrived, so that the quiet time is counted from the last event.
    readonly Channel<(string Path, long At)> _events = Channel.CreateUnbounded<(string, long)>(new UnboundedChannelOptions { SingleReader = true });
    ReuseReport? _last;
    Lazy<ReuseIndex?> _index = new(() => null);
    string? _failure;
    bool _warm;
    int _scans;

    /// <summary>Scans completed so far (for tests and health checks).</summary>
    public int Scans => Volatile.Read(ref _scans);

    /// <summary>The latest report.</summary>
    public ReuseReport? LastReport => Volatile.Read(ref _last);

    /// <summary>
    /// The query index of the last scan, for a host that answers queries in this process (no new process, no rescan):
    /// opened on first use after each scan from the store's <c>query.idx</c>; null before the first scan or when that
    /// file cannot be read. A query that meets a damaged postings block throws <see cref="InvalidDataException"/>.
    /// </summary>
    public ReuseIndex? Index => Volatile.Read(ref _index).Value;

    /// <summary>
    /// Why the worker stopped the host, in one line, or null while it runs or after a clean stop. Fatal are the errors
    /// that do not pass by themselves: the folder missing at start, the store locked by another process or not
    /// writable, the reports not writable, and any unexpected exception. A rescan that fails on the scanned folder
    /// (a file or folder gone, access denied) is only logged; the next change or reconcile tries again.
    /// </summary>
    public string? Failure => Volatile.Read(ref _failure);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WatchAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (Exception e)
        {
            // One line says what to fix; the stack trace is logged at Debug only. The host stops once it has started.
            string message = (e is IOException or UnauthorizedAccessException ? e.Message : $"unexpected error ({e.GetType().Name}): {e.Message}").ReplaceLineEndings(" ");
            Volatile.Write(ref _failure, message);
            LogFatal(DisplayText.Name(message));
            LogFatalDetail(e);
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        }
    }

    async Task WatchAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        string root = Path.GetFullPath(_settings.Root);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Folder not found: {root}");
        string outDir = Path.GetFullPath(_settings.Out);
        string storeDir = Path.GetFullPath(_settings.Store);
        using var store = SignatureStore.Open(storeDir, Store.StoreScanCache.ParametersFor(_detectOptions), m => LogStore(DisplayText.Name(m)));
        store.Root = root;
        using var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        void Arrived(string path) => _events.Writer.TryWrite((path, time.GetTimestamp()));
        FileSystemEventHandler onChange = (_, e) => Arrived(e.FullPath);
        watcher.Created += onChange;
        watcher.Changed += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, e) => Arrived(e.FullPath);
        watcher.Error += (_, e) => { LogWatcherError(DisplayText.Name(e.GetException().Message)); Arrived(root); };
        watcher.EnableRaisingEvents = true;
        LogWatching(DisplayText.Name(root), DisplayText.Name(outDir));

        RunScan(root, outDir, storeDir, store, "initial scan", stoppingToken);
        var reconcile = TimeSpan.FromSeconds(Math.Max(1, _settings.ReconcileSeconds));
        var debounce = TimeSpan.FromMilliseconds(Math.Max(0, _settings.DebounceMilliseconds));
        var changed = new HashSet<string>(StringComparer.Ordinal);
        bool nameFromScan = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            long lastEvent = 0;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                wait.CancelAfter(reconcile);
                try
                {
                    (string first, lastEvent) = await _events.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                    if (IsOwnOutput(first, outDir, storeDir)) continue;
                    reason = "change in " + Path.GetRelativePath(root, first);
                    changed.Add(first);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    reason = "periodic reconcile";
                }
            }
            if (reason != "periodic reconcile")
            {
                await QuietAsync(debounce, lastEvent, outDir, storeDir, changed, stoppingToken).ConfigureAwait(false);
                // The last report's files, for both: whether a file is new or changed, and a removed file named in the log.
                HashSet<string> known = FilesLastReported();
                AnswerChanges(root, outDir, changed, known);
                // None of the changed files is there or was reported (a temporary file renamed before the quiet time
                // ended, the rename's event still to come): the scan names what it found new, changed or gone.
                if (ChangeReason(root, changed, known) is { } named) reason = named;
                else nameFromScan = true;
            }
            changed.Clear();
            RunScan(root, outDir, storeDir, store, reason, stoppingToken, nameFromScan);
            nameFromScan = false;
        }
    }

    /// <summary>
    /// Waits until no file event has arrived for <paramref name="debounce"/> since the last one (the first arrived at
    /// timestamp <paramref name="lastEvent"/>), draining the queue into <paramref name="changed"/> (the paths named,
    /// except the reports' and the store's own). The quiet time counts from each event's arrival, so the few events
    /// of one save (write, then rename) cost one debounce, not two.
    /// </summary>
    async Task QuietAsync(TimeSpan debounce, long lastEvent, string outDir, string storeDir, HashSet<string> changed, CancellationToken stoppingToken)
    {
        while (true)
        {
            TimeSpan left = debounce - time.GetElapsedTime(lastEvent);
            if (left > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(left, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            bool more = false;
            while (_events.Reader.TryRead(out var e))
            {
                if (IsOwnOutput(e.Path, outDir, storeDir)) continue;
                changed.Add(e.Path);
                lastEvent = Math.Max(lastEvent, e.At);
                more = true;
            }
            if (!more) return;
        }
    }

    /// <summary>
    /// What the log names as the cause of a rescan: the changed files that are there now, or that the last report held
    /// (removed ones), up to three; null when none is (the first event's path is named then). A save through a temporary
    /// file names the file saved, not the temporary one gone by the end of the quiet time.
    /// </summary>
    static string? ChangeReason(string root, HashSet<string> changed, HashSet<string> known)
    {
        var names = new List<string>();
        foreach (string path in changed.Order(StringComparer.Ordinal))
            if (FolderSource.IdUnder(root, path) is { } id && (File.Exists(path) || Directory.Exists(path) || known.Contains(id))) names.Add(DisplayText.Name(id));
        return Changes(names);
    }

    /// <summary>"change in a, b, c" (and how many more), or null for no names.</summary>
    static string? Changes(List<string> names) => names.Count switch
    {
        0 => null,
        <= 3 => "change in " + string.Join(", ", names),
        _ => $"change in {string.Join(", ", names.Take(3))} and {names.Count - 3} more",
    };

    /// <summary>
    /// The files a scan found new or changed (signed again: <paramref name="signed"/> document ids) or gone since the
    /// report before (<paramref name="before"/>), by file, in order; null when there are none.
    /// </summary>
    internal static string? ScannedChanges(ReuseReport? before, ReuseReport report, IReadOnlySet<string> signed)
    {
        var now = new HashSet<string>(report.Documents.Select(d => d.Path), StringComparer.Ordinal);
        IEnumerable<string> changedFiles = report.Documents.Where(d => signed.Contains(d.Id)).Select(d => d.Path);
        IEnumerable<string> gone = before?.Documents.Select(d => d.Path).Where(p => !now.Contains(p)) ?? [];
        return Changes([.. changedFiles.Concat(gone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(DisplayText.Name)]);
    }

    /// <summary>The files (ids under the root) of the last report's documents.</summary>
    HashSet<string> FilesLastReported() => new(_last?.Documents.Select(d => d.Path) ?? [], StringComparer.Ordinal);

    /// <summary>
    /// The quick answer to a change, before the rescan: each changed article is queried against the index of the last
    /// scan and one line per file is appended to <c>changes.jsonl</c> in the reports folder (<see cref="LiveChanges"/>).
    /// Without a usable index (none yet, or its file damaged), or for more than <see cref="WatchSettings.QuickAnswerMaxFiles"/>
    /// files at once, the rescan alone answers. A failure to read one file, or to append, is logged and never stops the
    /// worker: the rescan that follows reports the file either way.
    /// </summary>
    void AnswerChanges(string root, string outDir, HashSet<string> changed, HashSet<string> known)
    {
        if (changed.Count == 0) return;
        if (changed.Count > _settings.QuickAnswerMaxFiles)
        {
            LogLiveSkipped(changed.Count, _settings.QuickAnswerMaxFiles);
            return;
        }
        long start = time.GetTimestamp();
        ReuseIndex? index;
        try
        {
            index = Index;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            index = null;
        }
        if (index is null) return;
        var lines = new List<string>();
        int documents = 0, matched = 0;
        foreach (string path in changed.Order(StringComparer.Ordinal))
        {
            if (FolderSource.IdUnder(root, path) is not { } fileId || Directory.Exists(path)) continue;
            bool existed = known.Contains(fileId);
            if (!File.Exists(path))
            {
                if (existed) lines.Add(LiveChanges.Line(time.GetUtcNow(), fileId, LiveChanges.Change.Removed, null));
                continue;
            }
            // Only article files: a sidecar's metadata, like any other file, reaches the report with the rescan.
            if (FolderSource.FormatOf(path) is null || FolderSource.IsSidecar(path)) continue;
            var change = existed ? LiveChanges.Change.Changed : LiveChanges.Change.Added;
            try
            {
                QueryFileResult result = index.QueryFile(path);
                documents += result.Results.Count;
                matched += result.Results.Count(r => r.Matches.Count > 0);
                lines.Add(LiveChanges.Line(time.GetUtcNow(), fileId, change, result));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                lines.Add(LiveChanges.Line(time.GetUtcNow(), fileId, change, null, e.Message.ReplaceLineEndings(" ")));
            }
        }
        try
        {
            LiveChanges.Append(outDir, lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogLiveFailed(DisplayText.Name(e.Message));
            return;
        }
        if (lines.Count > 0) LogLive(lines.Count, documents, matched, time.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>Whether a file event is about the reports or the store themselves (which the worker writes).</summary>
    static bool IsOwnOutput(string path, string outDir, string storeDir) => IsUnder(path, outDir) || IsUnder(path, storeDir);

    static bool IsUnder(string path, string dir) => path.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == dir;

    /// <summary>One scan. A failure on the scanned folder is logged and retried later; store, report and unexpected errors propagate (fatal).</summary>
    void RunScan(string root, string outDir, string storeDir, SignatureStore store, string reason, CancellationToken stoppingToken, bool nameFromScan = false)
    {
        ReuseReport report;
        // The store commits while the reports are written (both after the scan's alignments; the reports do not read
        // the store); every way out of this method waits for the commit first, so the next scan finds it done. The
        // store, open for the worker's life, keeps its documents and pairs as the engine reads them, for every rescan.
        var cache = new Store.StoreScanCache(store) { DeferCommit = true, KeepConversions = true };
        bool waited = false;
        var clock = new StageClock(time);
        try
        {
            try
            {
                var options = _detectOptions with { Ingest = _detectOptions.Ingest with { ExcludedFolders = [outDir, storeDir] } };
                // One detector for the worker's life: it keeps the candidate index of its last scan and updates it with what changed.
                _detector ??= new ReuseDetector(options) { KeepIndex = true };
                report = _detector.Scan(new FolderSource(root, options.Ingest), cache, clock, stoppingToken);
                clock.Scanned();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                LogCancelled();
                return;
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException and not StoreUnavailableException)
            {
                // A transient problem with the scanned folder (a file locked or gone, the folder briefly away).
                LogScanFailed(reason, DisplayText.Name(e.Message));
                return;
            }
            Exception? unwritten = null;
            try
            {
                sink.Write(outDir, report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unwritten = e;
            }
            // A store that cannot be written stops the worker, as reports that cannot be written do (after the commit is over).
            clock.Written();
            waited = true;
            cache.WaitCommitted();
            clock.Committed();
            if (unwritten is not null) throw new IOException($"Cannot write the reports to {outDir}: {unwritten.Message}", unwritten);
        }
        finally
        {
            // The scan or the writer failed first: the commit is waited for, and its own failure is secondary.
            if (!waited) Settle(cache);
        }
        IReadOnlySet<string> signedIds = cache.SignedFileIds;
        if (nameFromScan && ScannedChanges(_last, report, signedIds) is { } found) reason = found;
        foreach (string line in ReuseChanges.Describe(_last, report, signedIds)) LogNewReuse(line);
        // Logged as soon as the reports are in place: opening the new query index (below) is for the next change. The
        // report is published after its log line, so that whoever sees it (LastReport) finds the line written too.
        LogScanned(reason, report.Summary.Documents, report.Summary.Skipped, cache.Signed, cache.Reused, report.Summary.PassageClusters, report.Summary.NearDuplicatePairs);
        if (logger.IsEnabled(LogLevel.Debug)) LogStages(clock.Describe());
        Volatile.Write(ref _last, report);
        var index = new Lazy<ReuseIndex?>(() => QueryIndexFile.Open(storeDir, _detectOptions, root, out _));
        Volatile.Write(ref _index, index);
        // Opened now, so that the quick answer to the next change does not wait for it; after the first scan, one
        // document of the folder is queried and the answer dropped, so that the code of a query is compiled before a
        // change waits for it (a warm start signs and aligns nothing: the first answer took about 0.3 s, the next 10 ms).
        try
        {
            if (index.Value is { } ready && !_warm && report.Documents.FirstOrDefault() is { } first)
            {
                _warm = true;
                _ = ready.QueryFile(Path.Combine(root, first.Path));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The next change is answered by its rescan alone.
        }
        Interlocked.Increment(ref _scans);
    }

    /// <summary>Waits for the scan's commit when the scan or its reports failed: its own failure is secondary to theirs.</summary>
    static void Settle(Store.StoreScanCache cache)
    {
        try
        {
            cache.WaitCommitted();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The scan's failure is the one reported; the store keeps its last committed state.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Root}; reports go to {Out}")]
    partial void LogWatching(string root, string @out);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan ({Reason}): {Documents} documents, {Skipped} skipped, {Signed} signed, {Reused} unchanged; {Passages} reposted passages, {NearDuplicates} near-duplicate pairs")]
    partial void LogScanned(string reason, int documents, int skipped, int signed, int reused, int passages, int nearDuplicates);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scan stages, ms: {Stages}")]
    partial void LogStages(string stages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quick answer to {Files} changed file(s) in changes.jsonl: {Documents} document(s), {Matched} with matches in the index ({Milliseconds:F1} ms); a rescan follows")]
    partial void LogLive(int files, int documents, int matched, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Files} files changed at once (more than {Most}): the rescan answers them, not changes.jsonl")]
    partial void LogLiveSkipped(int files, int most);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot append to changes.jsonl ({Message}); the rescan follows")]
    partial void LogLiveFailed(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Change}")]
    partial void LogNewReuse(string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    partial void LogStore(string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File watcher error ({Message}); a full reconcile follows")]
    partial void LogWatcherError(string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan ({Reason}) failed: {Message}; it is retried on the next change or reconcile")]
    partial void LogScanFailed(string reason, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan cancelled by shutdown; the store keeps its last committed state")]
    partial void LogCancelled();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Watch stopped: {Message}")]
    partial void LogFatal(string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watch stopped by this exception")]
    partial void LogFatalDetail(Exception exception);
}
