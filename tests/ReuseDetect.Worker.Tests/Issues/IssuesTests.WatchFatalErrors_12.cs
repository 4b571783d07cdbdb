using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Store;

namespace ReuseDetect.Worker.Tests.Issues;

/// <summary>
/// Issue 12 (3): <c>watch</c> exited 0 on fatal errors, so <c>Restart=on-failure</c> never restarted it. A fatal
/// error now stops the host with a one-line reason (<see cref="WatchHost.RunAsync"/> returns it; the CLI exits 1),
/// while a failure on the scanned folder is logged and watching goes on.
/// </summary>
public sealed partial class IssuesTests
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months.";

    static readonly ReuseDetectOptions s_options = new() { Parallelism = 1 };

    sealed class Sink(Action<ReuseReport>? onWrite = null) : IReportSink
    {
        public void Write(string folder, ReuseReport report) => onWrite?.Invoke(report);
    }

    sealed class ListLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(exception is null ? formatter(state, exception) : formatter(state, exception) + " | " + exception);
        public void Dispose() { }
    }

    sealed class Folder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reusedetect-watch-" + Guid.NewGuid().ToString("N"));
        public string Root => System.IO.Path.Combine(Path, "news");
        public string Out => System.IO.Path.Combine(Path, "out");
        public string Store => System.IO.Path.Combine(Out, "store");

        public Folder()
        {
            Directory.CreateDirectory(Root);
            File.WriteAllText(System.IO.Path.Combine(Root, "wire.txt"), Story);
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { }
        }
    }

    static IHost Host(Folder folder, IReportSink sink, ConcurrentQueue<string> logs, string? store = null, int reconcileSeconds = 3600) =>
        WatchHost.Build([], s =>
        {
            s.Root = folder.Root;
            s.Out = folder.Out;
            s.Store = store ?? folder.Store;
            s.DebounceMilliseconds = 50;
            s.ReconcileSeconds = reconcileSeconds;
        }, s_options, sink, logging: b => b.ClearProviders().AddProvider(new ListLogger(logs)));

    /// <summary>Runs the host to its end; the bound only keeps a broken build from hanging the suite.</summary>
    static async Task<string?> RunToEnd(IHost host)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        string? failure = await WatchHost.RunAsync(host, bound.Token);
        Assert.False(bound.IsCancellationRequested, "the host did not stop by itself");
        return failure;
    }

    [Fact]
    public async Task Should_stop_with_a_failure_when_another_process_holds_the_store_lock()
    {
        // Given a store whose lock another writer holds
        using var folder = new Folder();
        using var other = SignatureStore.Open(folder.Store, StoreScanCache.ParametersFor(s_options));
        var logs = new ConcurrentQueue<string>();

        // When watch starts on it
        string? failure = await RunToEnd(Host(folder, new Sink(), logs));

        // Then it stops by itself with a one-line reason, logged without a stack trace
        Assert.NotNull(failure);
        Assert.Contains("in use by another ReuseDetect process", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
        string fatal = Assert.Single(logs, l => l.StartsWith("Watch stopped: ", StringComparison.Ordinal));
        Assert.DoesNotContain(" at ", fatal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stop_with_a_failure_when_the_store_folder_cannot_be_created()
    {
        // Given a store path that is a regular file (chmod does not stop root from writing; this stops everyone)
        using var folder = new Folder();
        string store = Path.Combine(folder.Path, "store-is-a-file");
        File.WriteAllText(store, "not a folder");

        // When watch starts on it
        string? failure = await RunToEnd(Host(folder, new Sink(), new ConcurrentQueue<string>(), store));

        // Then it stops with the reason
        Assert.NotNull(failure);
        Assert.StartsWith($"The store {store} cannot be created", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stop_with_a_failure_on_an_unexpected_exception_in_a_scan()
    {
        // Given a report sink that throws what no rescan can mend
        using var folder = new Folder();
        var sink = new Sink(_ => throw new InvalidOperationException("report model broken"));

        // When watch runs its first scan
        string? failure = await RunToEnd(Host(folder, sink, new ConcurrentQueue<string>()));

        // Then it stops with the reason
        Assert.Equal("unexpected error (InvalidOperationException): report model broken", failure);
    }

    [Fact]
    public async Task Should_stop_with_a_failure_when_the_reports_cannot_be_written()
    {
        // Given a report sink on a full disk
        using var folder = new Folder();
        var sink = new Sink(_ => throw new IOException("No space left on device"));

        // When watch runs its first scan
        string? failure = await RunToEnd(Host(folder, sink, new ConcurrentQueue<string>()));

        // Then it stops with the reason
        Assert.Equal($"Cannot write the reports to {folder.Out}: No space left on device", failure);
    }

    [Fact]
    public async Task Should_keep_watching_after_a_rescan_fails_on_the_scanned_folder()
    {
        // Given a running watch whose folder has been scanned once
        using var folder = new Folder();
        int scans = 0;
        var logs = new ConcurrentQueue<string>();
        using IHost host = Host(folder, new Sink(_ => Interlocked.Increment(ref scans)), logs, reconcileSeconds: 1);
        var worker = host.Services.GetRequiredService<WatchWorker>();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await Until(() => Volatile.Read(ref scans) >= 1, "the initial scan");

            // When the folder is gone for a reconcile, then comes back with a new file
            string aside = folder.Root + ".aside";
            Directory.Move(folder.Root, aside);
            await Until(() => logs.Any(l => l.Contains("failed: Folder not found", StringComparison.Ordinal)), "the failed rescan to be logged");
            Directory.Move(aside, folder.Root);
            File.WriteAllText(Path.Combine(folder.Root, "repost.txt"), "From our partners: " + Story);

            // Then watching goes on and the next reconcile scans it
            await Until(() => worker.LastReport?.Summary.Documents == 2, "the rescan after the folder came back");
            Assert.Null(worker.Failure);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
        Assert.Null(worker.Failure);
    }

    [Fact]
    public async Task Should_write_a_rescans_reports_then_stop_with_a_failure_when_its_store_cannot_be_committed()
    {
        // Given a running watch whose folder has been scanned once (the store commits while a rescan's reports are written)
        using var folder = new Folder();
        var written = new ConcurrentQueue<int>();
        var logs = new ConcurrentQueue<string>();
        using IHost host = Host(folder, new Sink(r => written.Enqueue(r.Summary.Documents)), logs);
        var worker = host.Services.GetRequiredService<WatchWorker>();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            // (done, its commit included: the reports are written while the store commits)
            await Until(() => worker.Scans >= 1, "the initial scan");

            // When the store's folder is removed under it, then an article arrives
            Directory.Delete(folder.Store, recursive: true);
            File.WriteAllText(Path.Combine(folder.Root, "repost.txt"), "From our partners: " + Story);

            // Then the rescan's reports are written, and the worker stops with the store's reason, in one line
            await Until(() => worker.Failure is not null, "the worker to stop");
            Assert.Equal([1, 2], written);
            string failure = worker.Failure!;
            Assert.StartsWith($"Cannot write the store {folder.Store}", failure, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', failure);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    static async Task Until(Func<bool> condition, string what)
    {
        for (int i = 0; i < 600 && !condition(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(condition(), "Timed out waiting for: " + what);
    }
}
