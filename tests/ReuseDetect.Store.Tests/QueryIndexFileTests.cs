using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store.Tests;

/// <summary><c>query.idx</c> (<see cref="QueryIndexLayout"/>): round trip, damage refused with a reason, and answers equal to the segments'.</summary>
public sealed class QueryIndexFileTests
{
    static readonly StoreParameters s_parameters = new(7, 64, 0xDEADBEEF12345678, 9, 3, -42);

    static readonly QueryIndexLayout.Entry[] s_documents =
    [
        new("feed.jsonl#1", "feed.jsonl", 0, new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc).Ticks, 1, "https://wire.example/story", "Vote in the assembly"),
        new("feed.jsonl#2", "feed.jsonl", -1, QueryIndexLayout.Undated, UInt128.MaxValue, Title: ""),
        new("dépêche/é.txt", "dépêche/é.txt", 1, QueryIndexLayout.Undated, new UInt128(5, 6), "https://daily.example/dépêche"),
    ];

    // Runs of equal hashes that cross blocks of 3 postings: 10 (four postings, blocks 0-1), 30 (three, blocks 1-2).
    static readonly ulong[] s_hashes = [10, 10, 10, 10, 20, 30, 30, 30, 40, 50];
    static readonly int[] s_owners = [0, 1, 2, 2, 1, 0, 1, 2, 0, 2];

    static QueryIndexMeta Meta(string? root = "/news") => new(s_parameters, root, [1, 4, 9], ["Wire", "daily.example"], [7, 0xC0FFEE], [3, 0xBEEF, 0xFACADE]);

    static byte[] Encode(string? root = "/news") => QueryIndexLayout.Encode(Meta(root), s_documents, s_hashes, s_owners, blockSize: 3);

    static (FileIndexData? Data, QueryIndexMeta? Meta, string Detail) Open(TempDir dir, byte[] bytes)
    {
        string path = Path.Combine(dir.Path, "q.idx");
        File.WriteAllBytes(path, bytes);
        return FileIndexData.Open(File.OpenHandle(path));
    }

    [Theory]
    [InlineData("/news")]
    [InlineData(null)]
    public void Should_round_trip_documents_postings_and_meta(string? root)
    {
        // Given an index written with blocks of three postings
        using var dir = new TempDir();
        // When it is opened
        var (data, meta, detail) = Open(dir, Encode(root));
        // Then the meta, every document and every hash's postings are those written
        Assert.Equal("ok", detail);
        Assert.NotNull(data);
        Assert.Equal(s_parameters, meta!.Parameters);
        Assert.Equal(root, meta.Root);
        Assert.Equal([1L, 4L, 9L], meta.Segments);
        Assert.Equal(["Wire", "daily.example"], data.OutletNames);
        Assert.Equal([7UL, 0xC0FFEE], data.CommonWords);
        Assert.Equal([3UL, 0xBEEF, 0xFACADE], data.CommonContent);
        Assert.Equal(3, data.Count);
        for (int i = 0; i < s_documents.Length; i++)
        {
            QueryIndexLayout.Entry e = s_documents[i];
            IndexedDocument d = data.Document(i);
            Assert.Equal((e.Id, e.FileId, e.ContentHash), (d.Id, d.FileId, d.ContentHash));
            Assert.Equal(e.ContentHash, data.ContentHash(i));
            Assert.Equal(e.Outlet < 0 ? DocumentMetadata.UnknownOutlet : meta.OutletNames[e.Outlet], d.Metadata.Outlet);
            Assert.Equal(e.PublishedUtcTicks == QueryIndexLayout.Undated ? null : new DateTimeOffset(e.PublishedUtcTicks, TimeSpan.Zero), d.Metadata.Published);
            // URL and title (format 7): none stays none, an empty title stays empty
            Assert.Equal((e.Url, e.Title), (d.Metadata.Url, d.Metadata.Title));
        }
        foreach (ulong hash in (ulong[])[0, 5, 10, 15, 20, 30, 35, 40, 50, 60, ulong.MaxValue])
        {
            foreach (int most in (int[])[0, 2, 3, 4, 1000])
            {
                List<int> expected = [.. s_owners.Where((_, i) => s_hashes[i] == hash)];
                if (expected.Count > most) expected.Clear();
                var owners = new List<int> { -7 }; // what the list held before is kept
                data.Postings(hash, most, owners);
                Assert.Equal([-7, .. expected], owners);
            }
        }
    }

    [Fact]
    public void Should_open_an_index_of_nothing()
    {
        using var dir = new TempDir();
        var (data, _, detail) = Open(dir, QueryIndexLayout.Encode(Meta(), [], [], []));
        Assert.Equal("ok", detail);
        var owners = new List<int>();
        data!.Postings(10, 1000, owners);
        Assert.Empty(owners);
        Assert.Equal(0, data.Count);
    }

    /// <summary>Recomputes the header checksum, so a change to a header field is judged on its own.</summary>
    static void Reseal(byte[] bytes) => BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(56), XxHash3.HashToUInt64(bytes.AsSpan(0, 56)));

    [Theory]
    [InlineData("empty", "not a ReuseDetect query index")]
    [InlineData("format 1", "the query index was written by an older build (format 1)")]
    [InlineData("header cut", "truncated query index header (40 bytes)")]
    [InlineData("header bit", "query index header checksum mismatch (the file was damaged)")]
    [InlineData("version", "query index format version 2, this build reads version 7")]
    [InlineData("cut short", "truncated query index: ")]
    [InlineData("longer", "query index is inconsistent (")]
    [InlineData("document bit", "query index checksum mismatch (the file was damaged)")]
    [InlineData("huge count", "query index is inconsistent (counts out of range)")]
    [InlineData("url outside", "query index is inconsistent (document 0 names bytes outside the string heap)")]
    public void Should_refuse_a_damaged_or_truncated_index_with_a_reason(string damage, string reason)
    {
        // Given a valid index, damaged
        using var dir = new TempDir();
        byte[] bytes = Encode();
        int documents = QueryIndexLayout.HeaderLength + Meta().Encode().Length + 8;
        bytes = damage switch
        {
            "empty" => [],
            "format 1" => [.. "RDQIDX1\n"u8, .. bytes[8..]],
            "header cut" => bytes[..40],
            "header bit" => Flip(bytes, 13),
            "version" => Sealed(bytes, b => b[8] = 2),
            "cut short" => bytes[..^1],
            "longer" => [.. bytes, 0],
            "document bit" => Flip(bytes, documents),
            "huge count" => Sealed(bytes, b => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(16), ulong.MaxValue)),
            // The first document's URL said to run far past the heap, with every checksum made again
            "url outside" => SealedFront(bytes, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(TableOf(b) + 48), 1 << 20)),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        // When it is opened, then it is refused with the reason
        var (data, meta, detail) = Open(dir, bytes);
        Assert.Null(data);
        Assert.Null(meta);
        Assert.StartsWith(reason, detail, StringComparison.Ordinal);

        static byte[] Flip(byte[] b, int at)
        {
            b[at] ^= 0x20;
            return b;
        }

        static byte[] Sealed(byte[] b, Action<byte[]> change)
        {
            change(b);
            Reseal(b);
            return b;
        }

        static int TableOf(byte[] b) => QueryIndexLayout.Header(b, b.Length).At!.Value.Documents;

        static byte[] SealedFront(byte[] b, Action<byte[]> change)
        {
            change(b);
            long front = QueryIndexLayout.Header(b, b.Length).At!.Value.Postings;
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(48), XxHash3.HashToUInt64(b.AsSpan(QueryIndexLayout.HeaderLength, (int)front - QueryIndexLayout.HeaderLength)));
            Reseal(b);
            return b;
        }
    }

    [Fact]
    public void Should_refuse_a_damaged_postings_block_when_a_query_reads_it()
    {
        // Given an index whose last block (hashes 40, 50) has a changed bit
        using var dir = new TempDir();
        byte[] bytes = Encode();
        bytes[^3] ^= 1;
        var (data, _, detail) = Open(dir, bytes);
        // When it is opened, then the front is fine; a lookup in the sound blocks answers; one in the damaged block throws
        Assert.Equal("ok", detail);
        var owners = new List<int>();
        data!.Postings(20, 1000, owners);
        Assert.Equal([1], owners);
        var e = Assert.Throws<InvalidDataException>(() => data.Postings(50, 1000, owners));
        Assert.Equal("query index postings block 3 checksum mismatch (the file was damaged)", e.Message);
    }

    [Fact]
    public void Should_answer_queries_exactly_as_the_segments_do_on_a_generated_corpus()
    {
        // Given a generated corpus of 300 articles with 40 planted reposts, scanned with a store
        using var root = new TempDir();
        using var storeDir = new TempDir();
        List<GeneratedCorpus.Plant> plants = GeneratedCorpus.Write(root.Path, 300, 40, seed: 5);
        var options = new ReuseDetectOptions { Parallelism = 1 };
        using (var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options)))
        {
            store.Root = root.Path;
            new ReuseDetector(options).Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store));
        }
        var (stored, detail) = QueryIndexFile.Read(storeDir.Path);
        Assert.Equal("ok", detail);
        ReuseIndex fast = QueryIndexFile.ToReuseIndex(stored!, options, root.Path);
        using var readOnly = SignatureStore.OpenReadOnly(storeDir.Path);
        var slow = new ReuseIndex(options, root.Path, StoreScanCache.Documents(readOnly));
        // When every planted target is queried as a file and as text, through the query index and through the segments
        int matched = 0;
        foreach (string target in plants.Select(p => p.Target).Distinct().Order(StringComparer.Ordinal))
        {
            string path = Path.Combine(root.Path, target);
            string a = Json(fast.QueryFile(path)), b = Json(slow.QueryFile(path));
            // Then the answers are the same, to the last passage and offset
            Assert.Equal(b, a);
            Assert.Equal(Json(slow.Query(File.ReadAllText(path))), Json(fast.Query(File.ReadAllText(path))));
            matched += fast.QueryFile(path).Results.Sum(r => r.Matches.Count);
        }
        Assert.True(matched >= plants.Count / 2, $"only {matched} matches");
        Assert.Equal(slow.Count, fast.Count);

        static string Json<T>(T value) => JsonSerializer.Serialize(value);
    }

    [Fact]
    public void Should_rewrite_an_index_of_the_former_format_at_the_next_scan()
    {
        // Given a store whose query index was written by an older build
        using var root = new TempDir();
        using var storeDir = new TempDir();
        GeneratedCorpus.Write(root.Path, 20, 3, seed: 1);
        var options = new ReuseDetectOptions { Parallelism = 1 };
        void Scan()
        {
            using var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options));
            store.Root = root.Path;
            new ReuseDetector(options).Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store));
        }
        Scan();
        string path = Path.Combine(storeDir.Path, QueryIndexFile.FileName);
        File.WriteAllBytes(path, [.. "RDQIDX1\n"u8, 1, 0, 0, 0, 9, 9, 9]);
        // When it is read, then it is refused; and the next scan, with nothing new, writes the current format
        Assert.Equal("the query index was written by an older build (format 1)", QueryIndexFile.Read(storeDir.Path).Detail);
        Scan();
        var (index, detail) = QueryIndexFile.Read(storeDir.Path);
        Assert.Equal("ok", detail);
        Assert.Equal(20, index!.Count);
    }
}
