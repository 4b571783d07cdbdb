using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Store.Tests;

public sealed class IncrementalScanTests
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months. "
        + "Analysts had expected a smaller increase after two consecutive hikes earlier this year, and markets reacted with a modest rally in the national currency.";

    const string Other = "Heavy snow closed the mountain pass between the two northern provinces for a third day, stranding hundreds of trucks loaded with fruit for export. "
        + "Road crews said the avalanche risk remained high and that the pass would reopen only after the weekend, when temperatures are forecast to rise.";

    static readonly ReuseDetectOptions s_options = new() { Parallelism = 2 };

    static (string Json, StoreScanCache Cache) ScanWithStore(string root, string storeDir)
    {
        using var store = SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(s_options));
        var cache = new StoreScanCache(store);
        ReuseReport report = new ReuseDetector(s_options).Scan(new FolderSource(root, s_options.Ingest), cache);
        return (JsonReportWriter.ToJson(report), cache);
    }

    static string ColdScan(string root) => JsonReportWriter.ToJson(new ReuseDetector(s_options).Scan(root));

    static void Write(string root, string relative, string text, int minute)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 12, minute, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Should_keep_a_documents_reading_warnings_and_the_ignored_files_when_it_comes_from_the_store()
    {
        // Given a text with NUL bytes and a CSV, scanned once with a store
        using var root = new TempDir();
        using var storeDir = new TempDir();
        Write(root.Path, "wire/story.txt", Story, 1);
        Write(root.Path, "a/copy.txt", "Breaking.\0\0 " + Story, 2);
        Write(root.Path, "a/table.csv", "a,b\n1,2\n", 3);
        var first = ScanWithStore(root.Path, storeDir.Path);
        // When it is scanned again, the copy comes from the store
        var second = ScanWithStore(root.Path, storeDir.Path);
        Assert.Equal((2, 0), (second.Cache.Reused, second.Cache.Signed));
        // Then the report still has its warning and the ignored file, as a cold scan does
        Assert.Equal(ColdScan(root.Path), second.Json);
        Assert.Equal(first.Json, second.Json);
        Assert.Contains("\"2 control characters replaced by spaces\"", second.Json, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"a/table.csv\"", second.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_equal_a_cold_scan_after_adds_edits_and_deletes_and_only_redo_new_work()
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        // Given a first scan
        Write(root.Path, "wire/story.txt", Story, 1);
        Write(root.Path, "a/copy.txt", "Breaking. " + Story, 2);
        Write(root.Path, "b/other.txt", Other, 3);
        var first = ScanWithStore(root.Path, storeDir.Path);
        Assert.Equal(ColdScan(root.Path), first.Json);
        Assert.Equal(3, first.Cache.Signed);

        // When nothing changed, nothing is read again
        var second = ScanWithStore(root.Path, storeDir.Path);
        Assert.Equal(first.Json, second.Json);
        Assert.Equal((3, 0), (second.Cache.Reused, second.Cache.Signed));
        Assert.True(second.Cache.PairsReused > 0);

        // When a file is added, one edited and one deleted
        Write(root.Path, "c/new.txt", "From our partners: " + Story.Replace("a modest rally", "a small rally", StringComparison.Ordinal), 4);
        Write(root.Path, "a/copy.txt", "Updated. " + Story + " " + Other, 5);
        File.Delete(Path.Combine(root.Path, "b/other.txt"));
        var third = ScanWithStore(root.Path, storeDir.Path);

        // Then the report equals a cold scan and only the new and edited files were signed
        Assert.Equal(ColdScan(root.Path), third.Json);
        Assert.Equal((1, 2), (third.Cache.Reused, third.Cache.Signed));
        using var reopened = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(s_options));
        Assert.Equal(["a/copy.txt", "c/new.txt", "wire/story.txt"], reopened.Files().Select(f => f.FileId));
    }

    [Fact]
    public void Should_rebuild_from_the_files_when_a_segment_is_corrupt()
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        Write(root.Path, "wire/story.txt", Story, 1);
        Write(root.Path, "a/copy.txt", "Breaking. " + Story, 2);
        string cold = ScanWithStore(root.Path, storeDir.Path).Json;
        string segment = Directory.GetFiles(storeDir.Path, "segment-*.rds").Single();
        File.WriteAllBytes(segment, File.ReadAllBytes(segment)[..40]);
        var again = ScanWithStore(root.Path, storeDir.Path);
        Assert.Equal(cold, again.Json);
        Assert.Equal(2, again.Cache.Signed);
    }

    [Fact]
    public void Should_round_trip_a_signed_document_exactly()
    {
        using var root = new TempDir();
        Write(root.Path, "x.md", "---\ntitle: T\ndate: 2023-12-14\noutlet: RFE/RL\n---\nMOSCOW (RFE/RL) — " + Story, 1);
        var source = new FolderSource(root.Path, s_options.Ingest);
        using var storeDir = new TempDir();
        ScanWithStore(root.Path, storeDir.Path);
        using var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(s_options));
        StoredDocument stored = store.Files().Single().Documents.Single();
        SignedDocument back = StoreScanCache.FromStored(stored);
        StoredDocument again = StoreScanCache.ToStored(back);
        Assert.Equal(MessagePackBytes(stored), MessagePackBytes(again));
        Assert.Equal("RFE/RL", back.Metadata.Outlet);
        Assert.Equal(new DateTimeOffset(2023, 12, 14, 0, 0, 0, TimeSpan.Zero), back.Metadata.Published);
        Assert.Contains(back.Credits, c => c.Outlet == "RFE/RL");
        Assert.NotEmpty(back.Fingerprints);
        // Content fingerprints keep their places through the store (a scan from it pairs documents by them).
        Assert.NotEmpty(back.ContentPlaces);
        Assert.Equal(back.ContentFingerprints.Length, back.ContentPlaces.Length);
        Assert.Single(source.List().Files);
    }

    static byte[] MessagePackBytes(StoredDocument d) => MessagePack.MessagePackSerializer.Serialize(d, MessagePack.Resolvers.StandardResolverAllowPrivate.Options);
}
