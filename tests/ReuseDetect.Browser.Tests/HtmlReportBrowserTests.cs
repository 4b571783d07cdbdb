using Microsoft.Playwright;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Browser.Tests;

/// <summary>report.html of the seeds, opened from disk in headless Chromium.</summary>
public sealed class HtmlReportBrowserTests
{
    const string Ann1 = "000_f10bc7b7f9047a21.txt", Digest = "001_43a853f10424dbd0.txt", Mirror = "004_613e7597b781f811.txt";

    static async Task<(string Path, int Cards)> WriteSeedsReportAsync()
    {
        ReuseReport report = new ReuseDetector(new ReuseDetectOptions { Parallelism = 2 }).Scan(Path.Combine(Artifacts.Repo, "seeds"));
        string path = Path.Combine(Artifacts.Folder, "seeds.report.html");
        await File.WriteAllTextAsync(path, HtmlReportWriter.ToHtml(report), TestContext.Current.CancellationToken);
        return (path, report.Clusters.Count);
    }

    [Fact]
    public async Task Should_show_the_seeds_passages_side_by_side_with_edits_filter_by_search_and_stay_offline()
    {
        // Given the seeds report written to disk
        (string path, int cards) = await WriteSeedsReportAsync();
        Assert.True(cards >= 2, "the seeds report has the RFE/RL passage and the Mirror-Spectator repeat");
        await using Chromium chromium = await Chromium.StartAsync();
        await using WatchedPage watched = await chromium.NewPageAsync();
        IPage page = watched.Page;

        // When it is opened from a file:// URL
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForFunctionAsync("document.body.dataset.ready === 'true'");
        await Assertions.Expect(page.Locator("#headline")).ToContainTextAsync("5 documents");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "seeds-overview.png"), FullPage = true });
        await page.ClickAsync("#tabs button[data-tab=passages]");

        // Then the RFE/RL footer card shows both ANN files side by side, credited, with the origin outside the corpus
        ILocator rfe = page.Locator("article.card").Filter(new() { HasText = "Reposted on ANN/Armenian News with permission from RFE/RL" });
        await Assertions.Expect(rfe).ToHaveCountAsync(1);
        ILocator members = rfe.Locator(".member");
        await Assertions.Expect(members).ToHaveCountAsync(2);
        Assert.Equal([Ann1, Digest], await members.EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.doc)"));
        var boxes = new[] { await members.Nth(0).BoundingBoxAsync(), await members.Nth(1).BoundingBoxAsync() };
        Assert.True(boxes[0]!.X + boxes[0]!.Width <= boxes[1]!.X + 1 && Math.Abs(boxes[0]!.Y - boxes[1]!.Y) < 1, "the two copies are not side by side");
        await Assertions.Expect(rfe.Locator(".credit.yes")).ToHaveCountAsync(2);
        await Assertions.Expect(rfe.Locator(".meta")).ToContainTextAsync("RFE/RL (outside the corpus)");
        await Assertions.Expect(rfe.Locator("ins, del")).ToHaveCountAsync(0);

        // And the edited repeat in the Mirror-Spectator article has its changed words marked
        ILocator edited = page.Locator("article.card").Filter(new() { HasText = "envisaging" });
        await Assertions.Expect(edited).ToHaveCountAsync(1);
        await Assertions.Expect(edited.Locator(".member")).ToHaveCountAsync(2);
        Assert.All(await edited.Locator(".member").EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.doc)"), d => Assert.Equal(Mirror, d));
        string deleted = string.Join(" ", await edited.Locator("del").AllTextContentsAsync());
        string inserted = string.Join(" ", await edited.Locator("ins").AllTextContentsAsync());
        Assert.Contains("Russian-drafted", deleted, StringComparison.Ordinal);
        Assert.Contains("announcing the start of", deleted, StringComparison.Ordinal);
        Assert.Contains("envisaging", inserted, StringComparison.Ordinal);
        Assert.DoesNotContain("demarcation", deleted + inserted, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "seeds-passages.png"), FullPage = true });

        // When a search is typed, only matching cards remain
        ILocator search = page.Locator("#search");
        await search.PressSequentiallyAsync("radio liberty");
        await Assertions.Expect(page.Locator("article.card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("article.card")).ToContainTextAsync("RFE/RL");
        await search.FillAsync("");
        await search.PressSequentiallyAsync(Mirror[..8]);
        await Assertions.Expect(page.Locator("article.card")).ToHaveCountAsync(1);
        await search.FillAsync("no such passage anywhere");
        await Assertions.Expect(page.Locator("article.card")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#cards")).ToContainTextAsync("No cluster matches.");
        await search.FillAsync("");
        await Assertions.Expect(page.Locator("article.card")).ToHaveCountAsync(cards);

        // And the other views draw: reuse bars per document, the graph (documents as nodes), the timeline note
        await page.ClickAsync("#tabs button[data-tab=documents]");
        await Assertions.Expect(page.Locator(".doc-row")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator($".doc-row[data-doc='{Ann1}'] .seg.k0")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "seeds-documents.png"), FullPage = true });
        await page.ClickAsync($".doc-row[data-doc='{Ann1}'] .seg.k0");
        await Assertions.Expect(page.Locator("article.card")).ToHaveCountAsync(1);
        await page.ClickAsync("#tabs button[data-tab=graph]");
        await Assertions.Expect(page.Locator("#tab-graph svg .node")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#tab-graph svg path.edge")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "seeds-graph.png"), FullPage = true });
        await page.ClickAsync("#tabs button[data-tab=timeline]");
        await Assertions.Expect(page.Locator("#tab-timeline")).ToContainTextAsync("No publication dates are known");

        watched.AssertSelfContained();
        TestContext.Current.AddAttachment("seeds-passages.png", await File.ReadAllBytesAsync(Path.Combine(Artifacts.Folder, "seeds-passages.png"), TestContext.Current.CancellationToken), "image/png");
    }
}
