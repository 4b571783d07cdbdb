using Microsoft.Playwright;

namespace ReuseDetect.Browser.Tests;

/// <summary>
/// Headless Debian Chromium driven by Playwright. Playwright's own browser download cannot work here (no internet), so
/// the system browser at <see cref="ExecutablePath"/> is used; tests skip when it is absent (CI installs it).
/// </summary>
sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    static readonly string[] s_args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"];

    readonly IPlaywright _playwright;

    Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Starts the browser, or skips the calling test when Chromium is not installed.</summary>
    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(ExecutablePath)) Assert.Skip($"{ExecutablePath} is not installed (apt-get install chromium); the browser test is skipped.");
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = s_args });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A page that records every request other than to <c>file:</c> and <c>data:</c> URLs (and blocks it) and every
    /// console error or uncaught exception.
    /// </summary>
    public async Task<WatchedPage> NewPageAsync(int width = 1400, int height = 1000)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        // A CI host running four test assemblies on two cores draws a page ten times slower than a quiet machine:
        // waits are for correctness, so they are long enough never to turn a slow host into a failure.
        context.SetDefaultTimeout(120_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        var watched = new WatchedPage(context, await context.NewPageAsync());
        await context.RouteAsync("**/*", async route =>
        {
            string url = route.Request.Url;
            if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                lock (watched.ExternalRequests) watched.ExternalRequests.Add(url);
                await route.AbortAsync();
            }
        });
        watched.Page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
                lock (watched.ExternalRequests) watched.ExternalRequests.Add(r.Url);
        };
        watched.Page.Console += (_, m) =>
        {
            if (m.Type == "error") lock (watched.Errors) watched.Errors.Add("console: " + m.Text);
        };
        watched.Page.PageError += (_, e) =>
        {
            lock (watched.Errors) watched.Errors.Add("page error: " + e);
        };
        return watched;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>A page and what it did that a self-contained report must not do.</summary>
sealed class WatchedPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public List<string> ExternalRequests { get; } = [];
    public List<string> Errors { get; } = [];

    public void AssertSelfContained()
    {
        lock (ExternalRequests) Assert.True(ExternalRequests.Count == 0, "The report requested: " + string.Join(", ", ExternalRequests));
        lock (Errors) Assert.True(Errors.Count == 0, "The report logged: " + string.Join(" | ", Errors));
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

/// <summary>Where tests leave their artifacts (screenshots, timings): <c>artifacts/</c> in the test output folder.</summary>
static class Artifacts
{
    public static string Folder
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string Repo
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReuseDetect.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ReuseDetect.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
