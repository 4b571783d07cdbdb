using MessagePack;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store;

/// <summary>A document as the query index needs it: ids, metadata and content hash (no signatures).</summary>
[MessagePackObject]
sealed record StoredIndexDocument(
    [property: Key(0)] string Id,
    [property: Key(1)] string FileId,
    [property: Key(2)] string Outlet,
    [property: Key(3)] long? PublishedUtcTicks,
    [property: Key(4)] byte[] ContentHash);

/// <summary>
/// The query index: documents and the sorted fingerprint postings (hash, owner) as two parallel arrays, and the
/// sequence numbers of the segments it was built from (the store's committed state; absent before this was recorded).
/// </summary>
[MessagePackObject]
sealed record StoredQueryIndex(
    [property: Key(0)] StoreParameters Parameters,
    [property: Key(1)] string? Root,
    [property: Key(2)] StoredIndexDocument[] Documents,
    [property: Key(3)] ulong[] Hashes,
    [property: Key(4)] int[] Owners,
    [property: Key(5)] long[]? Segments = null);

/// <summary>
/// <c>query.idx</c> in the store folder: everything <c>reuse query</c> needs, in one framed, checksummed MessagePack
/// file (same framing as segments, magic "RDQIDX1\n"), rewritten atomically at each commit. Loading it costs a read of
/// the postings, not a decode of every segment; a missing or damaged file just sends the query to the segments.
/// The index is derived data written after the segment it covers, so a crash or full disk between the two renames
/// leaves an index that lags the store. It therefore records the segments it was built from, and
/// <see cref="Read"/> refuses it as stale when the store's segment files differ; the store's next commit, even one
/// with nothing new, rewrites a stale index.
/// </summary>
public static class QueryIndexFile
{
    /// <summary>The file name inside the store folder.</summary>
    public const string FileName = "query.idx";

    static ReadOnlySpan<byte> Magic => "RDQIDX1\n"u8;

    /// <summary>Builds and writes the index of <paramref name="files"/> (live files only) held in the segments numbered <paramref name="segments"/>.</summary>
    internal static void Write(string storeDir, StoreParameters parameters, string? root, long[] segments, IEnumerable<StoredFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var docs = new List<StoredIndexDocument>();
        var postings = new List<(ulong Hash, int Owner)>();
        foreach (StoredFile f in files)
        {
            foreach (StoredDocument d in f.Documents)
            {
                foreach (ulong h in d.FingerprintHashes) postings.Add((h, docs.Count));
                docs.Add(new StoredIndexDocument(d.Id, f.FileId, d.Outlet, d.PublishedUtcTicks, d.ContentHash));
            }
        }
        postings.Sort();
        var index = new StoredQueryIndex(parameters, root, [.. docs], [.. postings.Select(p => p.Hash)], [.. postings.Select(p => p.Owner)], segments);
        SegmentFile.WriteAtomic(Path.Combine(storeDir, FileName), SegmentFile.Frame(index, Magic));
    }

    /// <summary>
    /// The query index of the store when it is usable and the folder it was built from is still there; otherwise null,
    /// and <paramref name="detail"/> says what the index is (missing, unusable or stale, or "ok").
    /// </summary>
    public static ReuseIndex? Open(string storeDir, out string detail)
    {
        (StoredQueryIndex? index, detail) = Read(storeDir);
        return index is { Root: { } root } && Directory.Exists(root) ? ToReuseIndex(index, index.Parameters.QueryOptions(), root) : null;
    }

    /// <summary>Reads the index, or null with the reason when it is missing, unusable or stale (the store's segments are not those it was built from).</summary>
    internal static (StoredQueryIndex? Index, string Detail) Read(string storeDir)
    {
        string path = Path.Combine(storeDir, FileName);
        if (!File.Exists(path)) return (null, "no query index");
        try
        {
            var (status, index, detail) = SegmentFile.Unframe<StoredQueryIndex>(File.ReadAllBytes(path), Magic, "query index");
            if (status != SegmentStatus.Ok || index is null) return (null, detail);
            if (index is not { Parameters: not null, Documents: not null, Hashes: not null, Owners: not null }
                || !index.Documents.All(d => d is { Id: not null, FileId: not null, Outlet: not null, ContentHash.Length: 16 })
                || index.Hashes.Length != index.Owners.Length || index.Owners.Any(o => (uint)o >= (uint)index.Documents.Length))
                return (null, "query index is inconsistent");
            long[] present = SignatureStore.SegmentSequences(storeDir);
            if (index.Segments is null) return (null, "the query index does not name the segments it was built from (an older build wrote it)");
            if (!index.Segments.AsSpan().SequenceEqual(present))
                return (null, $"the query index is stale (built from segment {List(index.Segments)}, the store holds segment {List(present)}: a scan stopped before updating it)");
            return (index, "ok");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot read: " + e.Message);
        }
    }

    static string List(long[] sequences) => sequences.Length == 0 ? "none" : string.Join(", ", sequences);

    /// <summary>A <see cref="ReuseIndex"/> over a loaded query index.</summary>
    internal static ReuseIndex ToReuseIndex(StoredQueryIndex index, ReuseDetectOptions options, string root)
    {
        ArgumentNullException.ThrowIfNull(index);
        var docs = index.Documents.Select(d => new IndexedDocument(d.Id, d.FileId,
            new DocumentMetadata { Outlet = d.Outlet, Published = d.PublishedUtcTicks is long t ? new DateTimeOffset(t, TimeSpan.Zero) : null },
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(d.ContentHash))).ToList();
        return new ReuseIndex(options, root, docs, index.Hashes, index.Owners);
    }
}
