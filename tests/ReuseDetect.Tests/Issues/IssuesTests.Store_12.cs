using ReuseDetect.Cli;

namespace ReuseDetect.Tests.Issues;

/// <summary>
/// Issue 12 through the command line: <c>watch</c> exits 1 on a fatal error (3); <c>query</c> warns about a query index
/// that lags the store and answers from the segments, and the next <c>scan</c>, even of an unchanged folder, rewrites
/// the index (4).
/// </summary>
public sealed partial class IssuesTests
{
    const string Wire = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months.";

    const string Snow = "Heavy snow closed the mountain pass for a third day, stranding hundreds of trucks loaded with fruit for export, "
        + "and road crews said the avalanche risk would stay high until the weekend thaw arrived in the north.";

    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Should_exit_1_with_one_line_when_watch_cannot_use_its_store()
    {
        // Given a store path that is a regular file
        using var tmp = new TempFolder();
        tmp.Write("news/wire.txt", Wire);
        string store = tmp.Write("store", "not a folder");

        // When watch starts
        var (code, _, err) = Run("watch", Path.Combine(tmp.Path, "news"), "--out", Path.Combine(tmp.Path, "out"), "--store", store);

        // Then it stops by itself with exit code 1 and one line on standard error
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Matches($"^reuse: The store {System.Text.RegularExpressions.Regex.Escape(store)} cannot be created: [^\n]+\n$", err);
    }

    [Fact]
    public void Should_warn_about_a_stale_query_index_and_mend_it_at_the_next_scan()
    {
        // Given a scanned folder, a new article scanned in, and the previous query index put back (as a crash
        // between the segment's rename and the index's would leave it)
        using var tmp = new TempFolder();
        string news = Path.Combine(tmp.Path, "news"), outDir = Path.Combine(tmp.Path, "out"), store = Path.Combine(outDir, "store");
        string indexPath = Path.Combine(store, "query.idx");
        tmp.Write("news/snow.txt", Snow);
        Assert.Equal(ExitCodes.Success, Run("scan", news, "--out", outDir, "-q").Code);
        byte[] previous = File.ReadAllBytes(indexPath);
        tmp.Write("news/wire.txt", Wire);
        Assert.Equal(ExitCodes.Success, Run("scan", news, "--out", outDir, "-q").Code);
        File.WriteAllBytes(indexPath, previous);

        // When the new article is queried
        var stale = Run("query", "Seen elsewhere: " + Wire, "--store", store);

        // Then query warns and answers from the segments, finding it
        Assert.Equal(ExitCodes.Success, stale.Code);
        Assert.Equal("reuse: the query index is stale (built from segment 1, the store holds segment 1, 2: a scan stopped before updating it); "
            + "reading the store segments instead\n", stale.Err);
        Assert.Contains("  wire.txt (unknown, undated):", stale.Out, StringComparison.Ordinal);

        // And the next scan of the unchanged folder does not stop at its digest: it rewrites the index
        Assert.DoesNotContain("No file changed", Run("scan", news, "--out", outDir).Out, StringComparison.Ordinal);
        var mended = Run("query", "Seen elsewhere: " + Wire, "--store", store);
        Assert.Equal("", mended.Err);
        Assert.Contains("  wire.txt (unknown, undated):", mended.Out, StringComparison.Ordinal);
        // After which an unchanged folder stops at its digest again
        Assert.Contains("No file changed", Run("scan", news, "--out", outDir).Out, StringComparison.Ordinal);
    }
}
