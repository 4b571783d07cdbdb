using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Store.Tests;

/// <summary>
/// Faults injected into the store through a whole scan: a write killed before its rename, a full disk, truncated
/// and bit-flipped segments. What was committed before stays intact and the next scan's report equals a cold scan.
/// </summary>
public sealed class StoreFaultTests
{
    static readonly ReuseDetectOptions s_options = new() { Parallelism = 2 };

    static (string Json, StoreScanCache Cache) Scan(string root, string storeDir, Action? beforeRename = null)
    {
        using var store = SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(s_options));
        store.BeforeSegmentRename = beforeRename;
        var cache = new StoreScanCache(store);
        ReuseReport report = new ReuseDetector(s_options).Scan(new FolderSource(root, s_options.Ingest), cache);
        return (JsonReportWriter.ToJson(report), cache);
    }

    static string Cold(string root) => JsonReportWriter.ToJson(new ReuseDetector(s_options).Scan(root));

    static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.GetFiles(dir, "segment-*").ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes, StringComparer.Ordinal);

    static void Write(string root, string relative, string text, int minute)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 12, minute, 0, DateTimeKind.Utc));
    }

    static void Corpus(string root, int count, int minute)
    {
        for (int i = 0; i < count; i++)
            Write(root, $"o{i % 3}/d{i:D2}.txt", GeneratedCorpus.Article(new Random(i), 120) + " " + GeneratedCorpus.Shared, minute);
    }

    [Theory]
    [InlineData("disk full")]
    [InlineData("killed before rename")]
    public void A_failed_commit_keeps_the_committed_segments_and_the_next_scan_recovers(string fault)
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        Corpus(root.Path, 6, 1);
        Scan(root.Path, storeDir.Path);
        var committed = Snapshot(storeDir.Path);
        // When a new file's commit fails between writing the segment and renaming it into place
        Write(root.Path, "o9/new.txt", "Via partners. " + GeneratedCorpus.Shared, 2);
        Exception thrown = Assert.ThrowsAny<Exception>(() => Scan(root.Path, storeDir.Path, fault == "disk full"
            ? () => throw new IOException("No space left on device")
            : () => throw new OperationCanceledException("process killed")));
        Assert.True(thrown is IOException or OperationCanceledException);
        // Then the committed segments are byte for byte what they were, with no unfinished write left
        var after = Snapshot(storeDir.Path);
        Assert.Equal(committed.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in committed) Assert.Equal(bytes, after[name]);
        Assert.Empty(Directory.GetFiles(storeDir.Path, "*.tmp"));
        // And the next scan reuses them, signs only the new file and reports as a cold scan
        var next = Scan(root.Path, storeDir.Path);
        Assert.Equal(Cold(root.Path), next.Json);
        Assert.Equal((6, 1), (next.Cache.Reused, next.Cache.Signed));
    }

    [Fact]
    public void A_leftover_temporary_file_of_a_killed_process_is_removed()
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        Corpus(root.Path, 4, 1);
        Scan(root.Path, storeDir.Path);
        File.WriteAllBytes(Path.Combine(storeDir.Path, "segment-00000002.rds.tmp"), [.. "RDSTORE\n"u8, 1, 0, 0]);
        var next = Scan(root.Path, storeDir.Path);
        Assert.Equal(Cold(root.Path), next.Json);
        Assert.Equal((4, 0), (next.Cache.Reused, next.Cache.Signed));
        Assert.Empty(Directory.GetFiles(storeDir.Path, "*.tmp"));
    }

    [Theory]
    [InlineData("truncate-newest")]
    [InlineData("flip-oldest")]
    [InlineData("flip-header")]
    public void A_damaged_segment_only_costs_its_own_files(string damage)
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        // Given two committed segments: four files, then two more
        Corpus(root.Path, 4, 1);
        Scan(root.Path, storeDir.Path);
        Write(root.Path, "p/e.txt", GeneratedCorpus.Article(new Random(50), 150), 2);
        Write(root.Path, "p/f.txt", "Reprinted. " + GeneratedCorpus.Shared + " " + GeneratedCorpus.Article(new Random(51), 60), 2);
        Scan(root.Path, storeDir.Path);
        string[] segments = [.. Directory.GetFiles(storeDir.Path, "segment-*.rds").Order(StringComparer.Ordinal)];
        Assert.Equal(2, segments.Length);
        // When one of them is damaged on disk
        string victim = damage == "truncate-newest" ? segments[1] : segments[0];
        byte[] bytes = File.ReadAllBytes(victim);
        if (damage == "truncate-newest") bytes = bytes[..(bytes.Length * 2 / 3)];
        else bytes[damage == "flip-header" ? 9 : bytes.Length / 2] ^= 0x04;
        File.WriteAllBytes(victim, bytes);
        // Then the next scan reports as a cold scan and re-reads only the damaged segment's files
        var next = Scan(root.Path, storeDir.Path);
        Assert.Equal(Cold(root.Path), next.Json);
        Assert.Equal(damage == "truncate-newest" ? (4, 2) : (2, 4), (next.Cache.Reused, next.Cache.Signed));
        Assert.Single(Directory.GetFiles(storeDir.Path, "*.corrupt"));
        // And the scan after that is fully warm again
        var warm = Scan(root.Path, storeDir.Path);
        Assert.Equal(next.Json, warm.Json);
        Assert.Equal((6, 0), (warm.Cache.Reused, warm.Cache.Signed));
    }
}
