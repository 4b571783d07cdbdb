using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store.Tests;

public sealed class QueryIndexTests
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months.";

    [Fact]
    public void Should_answer_a_query_from_the_query_index_as_from_the_segments()
    {
        // Given a scanned folder with a store
        using var root = new TempDir();
        using var storeDir = new TempDir();
        File.WriteAllText(Path.Combine(root.Path, "wire.md"), "---\ndate: 2023-01-02\noutlet: Wire\n---\n" + Story);
        File.WriteAllText(Path.Combine(root.Path, "other.txt"), "Heavy snow closed the mountain pass for a third day, stranding hundreds of trucks loaded with fruit for export.");
        var options = new ReuseDetectOptions { Parallelism = 1 };
        using (var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options)))
        {
            store.Root = root.Path;
            new ReuseDetector(options).Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store));
        }
        // When the query index is read and a repost is queried through it and through the segments
        var (index, detail) = QueryIndexFile.Read(storeDir.Path);
        Assert.NotNull(index);
        Assert.Equal("ok", detail);
        Assert.Equal(root.Path, index.Root);
        string query = "Our partners report: " + Story;
        QueryResult fast = QueryIndexFile.ToReuseIndex(index, options, root.Path).Query(query);
        using var readOnly = SignatureStore.OpenReadOnly(storeDir.Path);
        QueryResult slow = new ReuseIndex(options, root.Path, StoreScanCache.Documents(readOnly)).Query(query);
        // Then both find the wire story, dated, as the origin
        QueryMatch match = Assert.Single(fast.Matches);
        Assert.Equal("wire.md", match.Id);
        Assert.Equal("wire.md", fast.OriginId);
        Assert.Equal("earliest-date", fast.OriginBasis);
        Assert.Equal(Story, Assert.Single(match.Passages).DocumentText);
        Assert.Equal(fast.Matches.Select(m => (m.Id, m.Passages.Count)), slow.Matches.Select(m => (m.Id, m.Passages.Count)));
    }

    [Fact]
    public void Should_refuse_a_damaged_query_index_with_a_reason()
    {
        using var storeDir = new TempDir();
        File.WriteAllBytes(Path.Combine(storeDir.Path, QueryIndexFile.FileName), [1, 2, 3]);
        var (index, detail) = QueryIndexFile.Read(storeDir.Path);
        Assert.Null(index);
        Assert.Contains("not a ReuseDetect query index", detail, StringComparison.Ordinal);
        Assert.Equal("no query index", QueryIndexFile.Read(Path.Combine(storeDir.Path, "missing")).Detail);
    }
}
