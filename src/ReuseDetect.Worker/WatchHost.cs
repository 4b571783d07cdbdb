using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Worker;

/// <summary>The detection options the worker scans with (a reference type for the service container).</summary>
sealed record WatchDetection(ReuseDetectOptions Options);

/// <summary>Builds the generic host that runs <see cref="WatchWorker"/> (Ctrl+C and SIGTERM stop it cleanly).</summary>
public static class WatchHost
{
    /// <summary>
    /// Creates the host. Configuration comes from appsettings.json (content root), environment variables
    /// prefixed <c>REUSEDETECT_</c> and <paramref name="args"/>; <paramref name="overrides"/> (the CLI's options) win.
    /// </summary>
    public static IHost Build(string[] args, Action<WatchSettings> overrides, ReuseDetectOptions detectOptions, IReportSink sink,
        TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = false });
        builder.Configuration.AddEnvironmentVariables("REUSEDETECT_");
        builder.Services.AddOptions<WatchSettings>()
            .Bind(builder.Configuration.GetSection("Watch"))
            .PostConfigure(overrides)
            .Validate(s => !string.IsNullOrWhiteSpace(s.Root), "Watch:Root (the folder to watch) is required.");
        builder.Services.AddSingleton(new WatchDetection(detectOptions));
        builder.Services.AddSingleton(sink);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<WatchWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WatchWorker>());
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
            // The worker reports its own fatal errors (WatchWorker.Failure); anything else escaping still stops the host.
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        logging?.Invoke(builder.Logging);
        return builder.Build();
    }

    /// <summary>
    /// Runs the host until it stops (Ctrl+C, SIGTERM or a fatal error) and disposes it. Returns null after a clean stop,
    /// else the fatal error in one line (<see cref="WatchWorker.Failure"/>), so the caller can exit non-zero.
    /// </summary>
    public static async Task<string?> RunAsync(IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var worker = host.Services.GetRequiredService<WatchWorker>();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return worker.Failure ?? (worker.ExecuteTask is { IsFaulted: true } t ? t.Exception!.GetBaseException().Message : null);
    }

    /// <summary>
    /// The query index of the worker's last scan in a host built by <see cref="Build"/> (opened on first use; null before
    /// the first scan or when the store holds no usable index): queries answered in the host's own process, without
    /// opening the index again.
    /// </summary>
    public static ReuseIndex? Index(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<WatchWorker>().Index;
    }
}
