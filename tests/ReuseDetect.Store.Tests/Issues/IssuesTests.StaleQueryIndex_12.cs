using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store.Tests.Issues;

/// <summary>
/// Issue 12 (4): <c>query.idx</c> is written after the segment it covers, so a crash or a full disk between the two
/// renames left an index that lagged the store forever, and queries answered from it. The index now names the
/// segments it was built from: a lagging one is refused as stale, and the next commit, even with nothing new,
/// rewrites it.
/// </summary>
public sealed partial class IssuesTests
{
    static readonly ReuseDetectOptions s_options = new() { Parallelism = 1 };

    const string Wire = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months.";

    const string Snow = "Heavy snow closed the mountain pass for a third day, stranding hundreds of trucks loaded with fruit for export, "
        + "and road crews said the avalanche risk would stay high until the weekend thaw arrived in the north.";

    static (int Reused, int Signed) Scan(string root, string storeDir, Action? beforeQueryIndexWrite = null)
    {
        using var store = SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(s_options));
        store.Root = root;
        store.BeforeQueryIndexWrite = beforeQueryIndexWrite;
        var cache = new StoreScanCache(store);
        new ReuseDetector(s_options).Scan(new FolderSource(root, s_options.Ingest), cache);
        return (cache.Reused, cache.Signed);
    }

    static void Write(string root, string name, string text, int minute)
    {
        string path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 12, minute, 0, DateTimeKind.Utc));
    }

    static List<string> Matches(ReuseIndex index, string text) => [.. index.Query(text).Matches.Select(m => m.Id)];

    [Theory]
    [InlineData("killed between the segment and the index")]
    [InlineData("previous index put back")]
    public void Should_refuse_a_query_index_that_lags_the_segments_and_rewrite_it_at_the_next_scan(string fault)
    {
        // Given a scanned folder, then a new article whose commit leaves the previous query index in place
        using var root = new TempDir();
        using var storeDir = new TempDir();
        string indexPath = Path.Combine(storeDir.Path, QueryIndexFile.FileName);
        Write(root.Path, "snow.txt", Snow, 1);
        Scan(root.Path, storeDir.Path);
        byte[] previous = File.ReadAllBytes(indexPath);
        Write(root.Path, "wire.txt", Wire, 2);
        if (fault == "previous index put back")
        {
            Scan(root.Path, storeDir.Path);
            File.WriteAllBytes(indexPath, previous);
        }
        else
        {
            Assert.Throws<OperationCanceledException>(() => Scan(root.Path, storeDir.Path, () => throw new OperationCanceledException("process killed")));
        }
        Assert.Equal(previous, File.ReadAllBytes(indexPath));

        // When the query index is read
        var (stale, why) = QueryIndexFile.Read(storeDir.Path);

        // Then it is refused as stale, and the segments (the fallback) hold the new article
        Assert.Null(stale);
        Assert.Equal("the query index is stale (built from segment 1, the store holds segment 1, 2: a scan stopped before updating it)", why);
        using (var readOnly = SignatureStore.OpenReadOnly(storeDir.Path))
            Assert.Equal(["wire.txt"], Matches(new ReuseIndex(s_options, root.Path, StoreScanCache.Documents(readOnly)), "Seen elsewhere: " + Wire));

        // And the next scan, which finds nothing new, rewrites it
        Assert.Equal((2, 0), Scan(root.Path, storeDir.Path));
        var (index, detail) = QueryIndexFile.Read(storeDir.Path);
        Assert.Equal("ok", detail);
        Assert.Equal([1L, 2L], index!.Segments!);
        Assert.Equal(["wire.txt"], Matches(QueryIndexFile.ToReuseIndex(index, s_options, root.Path), "Seen elsewhere: " + Wire));
    }

    [Fact]
    public void Should_refuse_a_query_index_that_names_a_segment_the_store_lacks()
    {
        // Given a store whose newest segment is gone (set aside as damaged) while the index still names it
        using var root = new TempDir();
        using var storeDir = new TempDir();
        Write(root.Path, "snow.txt", Snow, 1);
        Scan(root.Path, storeDir.Path);
        Write(root.Path, "wire.txt", Wire, 2);
        Scan(root.Path, storeDir.Path);
        string newest = Path.Combine(storeDir.Path, "segment-00000002.rds");
        File.Move(newest, newest + ".corrupt");

        // When the query index is read, then after the next scan
        var (stale, why) = QueryIndexFile.Read(storeDir.Path);
        Assert.Equal((1, 1), Scan(root.Path, storeDir.Path));
        var (mended, detail) = QueryIndexFile.Read(storeDir.Path);

        // Then it is refused, and the scan that signs the article again writes a current one
        Assert.Null(stale);
        Assert.Contains("built from segment 1, 2, the store holds segment 1:", why, StringComparison.Ordinal);
        Assert.Equal("ok", detail);
        Assert.Equal([1L, 3L], mended!.Segments!);
    }
}
