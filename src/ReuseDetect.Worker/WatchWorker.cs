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
/// Keeps the index and reports of a folder current. It scans once at start, then rescans (incrementally, through
/// the store) after file events have been quiet for the debounce time, and also on a periodic reconcile, because
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
    readonly Channel<string> _events = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    ReuseReport? _last;
    Lazy<ReuseIndex?> _index = new(() => null);
    string? _failure;
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
        FileSystemEventHandler onChange = (_, e) => _events.Writer.TryWrite(e.FullPath);
        watcher.Created += onChange;
        watcher.Changed += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, e) => _events.Writer.TryWrite(e.FullPath);
        watcher.Error += (_, e) => { LogWatcherError(DisplayText.Name(e.GetException().Message)); _events.Writer.TryWrite(root); };
        watcher.EnableRaisingEvents = true;
        LogWatching(DisplayText.Name(root), DisplayText.Name(outDir));

        RunScan(root, outDir, storeDir, store, "initial scan", stoppingToken);
        var reconcile = TimeSpan.FromSeconds(Math.Max(1, _settings.ReconcileSeconds));
        var debounce = TimeSpan.FromMilliseconds(Math.Max(0, _settings.DebounceMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                wait.CancelAfter(reconcile);
                try
                {
                    string first = await _events.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                    if (IsOwnOutput(first, outDir) || IsOwnOutput(first, storeDir)) continue;
                    reason = "change in " + Path.GetRelativePath(root, first);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    reason = "periodic reconcile";
                }
            }
            if (reason != "periodic reconcile") await QuietAsync(debounce, outDir, stoppingToken).ConfigureAwait(false);
            RunScan(root, outDir, storeDir, store, reason, stoppingToken);
        }
    }

    /// <summary>Waits until no file event has arrived for <paramref name="debounce"/>, draining the queue.</summary>
    async Task QuietAsync(TimeSpan debounce, string outDir, CancellationToken stoppingToken)
    {
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                await Task.Delay(debounce, time, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            bool more = false;
            while (_events.Reader.TryRead(out string? path)) more |= !IsOwnOutput(path, outDir);
            if (!more) return;
        }
    }

    static bool IsOwnOutput(string path, string outDir) =>
        path.StartsWith(outDir + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == outDir;

    /// <summary>One scan. A failure on the scanned folder is logged and retried later; store, report and unexpected errors propagate (fatal).</summary>
    void RunScan(string root, string outDir, string storeDir, SignatureStore store, string reason, CancellationToken stoppingToken)
    {
        ReuseReport report;
        var cache = new Store.StoreScanCache(store);
        try
        {
            var options = _detectOptions with { Ingest = _detectOptions.Ingest with { ExcludedFolders = [outDir, storeDir] } };
            report = new ReuseDetector(options).Scan(new FolderSource(root, options.Ingest), cache, null, stoppingToken);
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
        try
        {
            sink.Write(outDir, report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write the reports to {outDir}: {e.Message}", e);
        }
        foreach (string line in ReuseChanges.Describe(_last, report, cache.SignedFileIds)) LogNewReuse(line);
        Volatile.Write(ref _last, report);
        Volatile.Write(ref _index, new Lazy<ReuseIndex?>(() => QueryIndexFile.Open(storeDir, _detectOptions, root, out _)));
        Interlocked.Increment(ref _scans);
        LogScanned(reason, report.Summary.Documents, report.Summary.Skipped, cache.Signed, cache.Reused, report.Summary.PassageClusters, report.Summary.NearDuplicatePairs);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Root}; reports go to {Out}")]
    partial void LogWatching(string root, string @out);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan ({Reason}): {Documents} documents, {Skipped} skipped, {Signed} signed, {Reused} unchanged; {Passages} reposted passages, {NearDuplicates} near-duplicate pairs")]
    partial void LogScanned(string reason, int documents, int skipped, int signed, int reused, int passages, int nearDuplicates);

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
