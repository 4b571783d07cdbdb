namespace ReuseDetect.Store.Tests;

public sealed class SignatureStoreTests
{
    /// <summary>A stored content hash (16 bytes, little endian) as the store's lookups take it.</summary>
    static UInt128 Hash(byte[] bytes) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(bytes);

    [Fact]
    public void Should_keep_files_and_pairs_across_opens_and_check_stamps()
    {
        using var dir = new TempDir();
        var a = StoreTestData.File("a.txt", 1);
        var b = StoreTestData.File("b.txt", 2);
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(a);
            store.PutFile(b);
            store.PutPair(StoreTestData.Pair(a.Documents[0], b.Documents[0]));
            Assert.Equal(1, store.Commit(["a.txt", "b.txt"]));
        }
        using var reopened = SignatureStore.Open(dir.Path, StoreTestData.Parameters);
        Assert.Equal(2, reopened.FileCount);
        Assert.NotNull(reopened.TryGetFile("a.txt", a.Size, a.ModifiedUtcTicks));
        Assert.Null(reopened.TryGetFile("a.txt", a.Size + 1, a.ModifiedUtcTicks));
        Assert.Null(reopened.TryGetFile("a.txt", a.Size, a.ModifiedUtcTicks + 1));
        var pair = reopened.TryGetPair("a.txt", Hash(a.Documents[0].ContentHash), "b.txt", Hash(b.Documents[0].ContentHash));
        Assert.Equal("passage in a", Assert.IsType<StoredPair>(pair).Passages[0].AText);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_hand_every_scan_of_an_open_store_the_same_documents_and_passages_only_when_asked(bool keep)
    {
        // Given an open store with two files and an aligned pair
        using var dir = new TempDir();
        var a = StoreTestData.File("a.txt", 1);
        var b = StoreTestData.File("b.txt", 2);
        using var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters);
        store.PutFile(a);
        store.PutFile(b);
        store.PutPair(StoreTestData.Pair(a.Documents[0], b.Documents[0]) with { Aligned = true });
        store.Commit(["a.txt", "b.txt"]);
        var file = new Ingestion.SourceFile("a.txt", Path.Combine(dir.Path, "a.txt"));
        var stamp = new Ingestion.FileStamp(a.Size, a.ModifiedUtcTicks);
        (Pipeline.SignedDocument Document, IReadOnlyList<Pipeline.CachedPassage>? Passages) Read(StoreScanCache cache)
        {
            Assert.True(cache.TryGetFile(file, stamp, out var documents, out _));
            Assert.True(cache.TryGetFile(new Ingestion.SourceFile("b.txt", Path.Combine(dir.Path, "b.txt")), new Ingestion.FileStamp(b.Size, b.ModifiedUtcTicks), out var other, out _));
            return (documents[0], cache.TryGetPassages(documents[0], other[0]));
        }

        // When two scans read them through it, keeping conversions or not
        var first = Read(new StoreScanCache(store) { KeepConversions = keep });
        var second = Read(new StoreScanCache(store) { KeepConversions = keep });

        // Then both get equal values; the same objects only when conversions are kept
        Assert.Equivalent(first.Document, second.Document, strict: true);
        Assert.Equal(first.Passages, second.Passages);
        Assert.Equal(keep, ReferenceEquals(first.Document, second.Document));
        Assert.Equal(keep, ReferenceEquals(first.Passages, second.Passages));
    }

    [Fact]
    public void Should_forget_deleted_files_and_their_pairs()
    {
        using var dir = new TempDir();
        var a = StoreTestData.File("a.txt", 1);
        var b = StoreTestData.File("b.txt", 2);
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(a);
            store.PutFile(b);
            store.PutPair(StoreTestData.Pair(a.Documents[0], b.Documents[0]));
            store.Commit(["a.txt", "b.txt"]);
            store.Commit(["a.txt"]);
        }
        using var reopened = SignatureStore.Open(dir.Path, StoreTestData.Parameters);
        Assert.Equal(["a.txt"], reopened.Files().Select(f => f.FileId));
        Assert.Null(reopened.TryGetFile("b.txt", b.Size, b.ModifiedUtcTicks));
    }

    [Fact]
    public void Should_set_a_corrupt_segment_aside_and_keep_the_others()
    {
        using var dir = new TempDir();
        var log = new List<string>();
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(StoreTestData.File("a.txt", 1));
            store.Commit(["a.txt"]);
            store.PutFile(StoreTestData.File("b.txt", 2));
            store.Commit(["a.txt", "b.txt"]);
        }
        string second = Directory.GetFiles(dir.Path, "segment-*.rds").Order(StringComparer.Ordinal).Last();
        byte[] bytes = File.ReadAllBytes(second);
        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(second, bytes);
        using var reopened = SignatureStore.Open(dir.Path, StoreTestData.Parameters, log.Add);
        Assert.Equal(["a.txt"], reopened.Files().Select(f => f.FileId));
        Assert.Contains(log, l => l.Contains("is unusable (checksum mismatch", StringComparison.Ordinal) && l.Contains("read again", StringComparison.Ordinal));
        Assert.True(File.Exists(second + ".corrupt"));
    }

    [Fact]
    public void Should_rebuild_when_parameters_change_and_remove_old_segments_after_the_new_write()
    {
        using var dir = new TempDir();
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(StoreTestData.File("a.txt", 1));
            store.Commit(["a.txt"]);
        }
        var log = new List<string>();
        var changed = StoreTestData.Parameters with { ShingleSize = 7 };
        using (var store = SignatureStore.Open(dir.Path, changed, log.Add))
        {
            Assert.Equal(0, store.FileCount);
            Assert.Contains(log, l => l.Contains("parameters changed (shingle 5→7)", StringComparison.Ordinal));
            store.PutFile(StoreTestData.File("a.txt", 9));
            Assert.Equal(1, store.Commit(["a.txt"]));
        }
        Assert.Single(Directory.GetFiles(dir.Path, "segment-*.rds"));
        using var reopened = SignatureStore.Open(dir.Path, changed);
        Assert.Equal(1009, reopened.Files().Single().Documents[0].Length);
    }

    [Fact]
    public void Should_ignore_an_unfinished_write_left_by_a_crash()
    {
        using var dir = new TempDir();
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(StoreTestData.File("a.txt", 1));
            store.Commit(["a.txt"]);
        }
        File.WriteAllBytes(Path.Combine(dir.Path, "segment-00000002.rds.tmp"), [1, 2, 3]);
        var log = new List<string>();
        using var reopened = SignatureStore.Open(dir.Path, StoreTestData.Parameters, log.Add);
        Assert.Equal(1, reopened.FileCount);
        Assert.Contains(log, l => l.Contains("unfinished write", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_compact_after_many_segments()
    {
        using var dir = new TempDir();
        using var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters);
        var ids = new List<string>();
        int segments = 0;
        for (int i = 0; i < SignatureStore.CompactAfter + 1; i++)
        {
            string id = $"f{i}.txt";
            ids.Add(id);
            store.PutFile(StoreTestData.File(id, (byte)i));
            segments = store.Commit(ids);
        }
        Assert.Equal(1, segments);
        Assert.Single(Directory.GetFiles(dir.Path, "segment-*.rds"));
        Assert.Equal(SignatureStore.CompactAfter + 1, store.FileCount);
    }

    [Fact]
    public void Should_keep_through_compaction_the_pairs_a_scan_used_under_alignment_keys()
    {
        // Given a pair stored as a scan stores it, under alignment keys (content hash folded with the token marks), and
        // one stored the same way that no scan asks for again, and one under content hashes
        using var dir = new TempDir();
        using var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters);
        StoredFile a = StoreTestData.File("a.txt", 1), b = StoreTestData.File("b.txt", 2), c = StoreTestData.File("c.txt", 3);
        static StoredPair Marked(StoredPair p, byte mark) => p with { AHash = [.. p.AHash.Select(x => (byte)(x ^ mark))], BHash = [.. p.BHash.Select(x => (byte)(x ^ mark))] };
        StoredPair used = Marked(StoreTestData.Pair(a.Documents[0], b.Documents[0]), 0x5A);
        StoredPair stale = Marked(StoreTestData.Pair(a.Documents[0], c.Documents[0]), 0x33);
        StoredPair plain = StoreTestData.Pair(b.Documents[0], c.Documents[0]);
        store.PutFile(a);
        store.PutFile(b);
        store.PutFile(c);
        foreach (StoredPair p in new[] { used, stale, plain }) store.PutPair(p);
        List<string> live = ["a.txt", "b.txt", "c.txt"];
        int segments = store.Commit(live);
        // When later scans (each adding a file) use only the first, until the store compacts
        for (int i = 0; segments != 1 || i == 0; i++)
        {
            Assert.True(i <= SignatureStore.CompactAfter, "the store never compacted");
            Assert.NotNull(store.TryGetPair(used.A, Hash(used.AHash), used.B, Hash(used.BHash)));
            store.PutFile(StoreTestData.File($"n{i}.txt", (byte)(10 + i)));
            live.Add($"n{i}.txt");
            segments = store.Commit(live);
        }
        using var reopened = OpenAfter(store, dir.Path);
        // Then the used pair and the one under content hashes survive; the one no scan asked for does not
        Assert.NotNull(reopened.TryGetPair(used.A, Hash(used.AHash), used.B, Hash(used.BHash)));
        Assert.NotNull(reopened.TryGetPair(plain.A, Hash(plain.AHash), plain.B, Hash(plain.BHash)));
        Assert.Null(reopened.TryGetPair(stale.A, Hash(stale.AHash), stale.B, Hash(stale.BHash)));
    }

    static SignatureStore OpenAfter(SignatureStore writer, string path)
    {
        writer.Dispose();
        return SignatureStore.Open(path, StoreTestData.Parameters);
    }

    [Fact]
    public void Should_refuse_a_second_writer()
    {
        using var dir = new TempDir();
        using var first = SignatureStore.Open(dir.Path, StoreTestData.Parameters);
        var e = Assert.Throws<StoreUnavailableException>(() => SignatureStore.Open(dir.Path, StoreTestData.Parameters));
        Assert.Contains("in use by another ReuseDetect process", e.Message, StringComparison.Ordinal);
    }
}
