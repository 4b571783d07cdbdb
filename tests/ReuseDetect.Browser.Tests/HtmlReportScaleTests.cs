using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using ReuseDetect.Reporting;

namespace ReuseDetect.Browser.Tests;

/// <summary>report.html stays usable with thousands of clusters: cards render lazily, search filters them all.</summary>
public sealed class HtmlReportScaleTests
{
    [Fact]
    public async Task Should_render_and_search_5000_clusters()
    {
        // Given a synthetic report of 5,000 clusters
        ReuseReport report = SyntheticReport.Create(5000);
        var build = Stopwatch.StartNew();
        string html = HtmlReportWriter.ToHtml(report);
        build.Stop();
        string path = Path.Combine(Artifacts.Folder, "synthetic-5000.report.html");
        await File.WriteAllTextAsync(path, html, TestContext.Current.CancellationToken);
        await using Chromium chromium = await Chromium.StartAsync();
        await using WatchedPage watched = await chromium.NewPageAsync();
        IPage page = watched.Page;

        // When it is opened, then searched
        var load = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForFunctionAsync("document.body.dataset.ready === 'true'");
        load.Stop();
        double readyMs = await page.EvaluateAsync<double>("performance.now()");
        await page.ClickAsync("#tabs button[data-tab=passages]");
        await Assertions.Expect(page.Locator("#count")).ToContainTextAsync("5,000 clusters");
        int firstPage = await page.Locator("article.card").CountAsync();
        double searchMs = await page.EvaluateAsync<double>(
            "() => { const t = performance.now(); document.getElementById('search').value = 'outlet07 treaty'; filterCards(); return performance.now() - t; }");
        double searchAgainMs = await page.EvaluateAsync<double>(
            "() => { const t = performance.now(); document.getElementById('search').value = 'reportedly'; filterCards(); return performance.now() - t; }");
        var typed = Stopwatch.StartNew();
        await page.Locator("#search").FillAsync("");
        await page.Locator("#search").PressSequentiallyAsync("c00000012");
        await Assertions.Expect(page.Locator("#count")).ToContainTextAsync(" of 5,000 clusters");
        typed.Stop();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "synthetic-5000.png") });

        // Then every cluster is counted, one page of cards is drawn, the search narrows the cards to the matching clusters
        // and the page stays offline. The timings are written as figures, never asserted: a loaded CI host runs this
        // page ten times slower than a quiet one, and speed is measured by benchmarks, not by tests.
        string figures = string.Create(CultureInfo.InvariantCulture,
            $"5,000 clusters, {html.Length / 1e6:F1} MB page: built in {build.ElapsedMilliseconds} ms; opened and first render in {load.ElapsedMilliseconds} ms (page clock {readyMs:F0} ms); first card page {firstPage} cards; search over all clusters {searchMs:F0} ms cold, {searchAgainMs:F0} ms warm; typed search to filtered cards {typed.ElapsedMilliseconds} ms");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(Artifacts.Folder, "synthetic-5000.timings.txt"), figures + "\n", TestContext.Current.CancellationToken);
        Assert.InRange(firstPage, 1, 100);
        string count = await page.Locator("#count").InnerTextAsync();
        int shown = int.Parse(count.AsSpan(0, count.IndexOf(" of ", StringComparison.Ordinal)).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(shown, 1, 4999);
        Assert.Equal(Math.Min(shown, firstPage), await page.Locator("article.card:visible").CountAsync());
        watched.AssertSelfContained();
    }
}
