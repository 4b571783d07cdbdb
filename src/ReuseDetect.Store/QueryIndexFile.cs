using System.Buffers.Binary;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store;

/// <summary>
/// A query index read from the store: the parameters its signatures were made with, the scanned root, the segments it
/// was built from, and its documents and postings as they lie in the file (<see cref="QueryIndexLayout"/>).
/// </summary>
sealed class StoredQueryIndex
{
    readonly QueryIndexMeta _meta;

    internal StoredQueryIndex(QueryIndexMeta meta, FileIndexData data)
    {
        _meta = meta;
        Data = data;
    }

    /// <summary>The parameters the indexed signatures were made with.</summary>
    public StoreParameters Parameters => _meta.Parameters;

    /// <summary>The scanned folder the document ids are relative to (null when the store did not know it).</summary>
    public string? Root => _meta.Root;

    /// <summary>The sequence numbers of the segments the index was built from, ascending.</summary>
    public IReadOnlyList<long> Segments => _meta.Segments;

    /// <summary>Indexed documents.</summary>
    public int Count => Data.Count;

    internal FileIndexData Data { get; }
}

/// <summary>
/// <c>query.idx</c> in the store folder: everything <c>reuse query</c> needs, in one checksummed file laid out to be
/// used as read (<see cref="QueryIndexLayout"/>: a document table, then the sorted postings in blocks; format
/// <see cref="QueryIndexLayout.FormatVersion"/>, magic "RDQIDX2\n"), rewritten atomically at each commit: updated from the
/// previous index and the files that changed when the store knows that index to be its own and current, sound in every
/// checksum (<see cref="QueryIndexUpdate"/>), else built cold from every document; the bytes are the same either way. Opening it reads and verifies the document table only; a query
/// reads the few postings blocks its fingerprints fall in. A missing, damaged or older-format file just sends the
/// query to the segments (a block found damaged by a query throws <see cref="InvalidDataException"/>, and the caller
/// does the same). The index is derived data written after the segment it covers, so a crash or full disk between the
/// two renames leaves an index that lags the store. It therefore records the segments it was built from, and
/// <see cref="Read"/> refuses it as stale when the store's segment files differ; the store's next commit, even one
/// with nothing new, rewrites a stale index.
/// </summary>
public static class QueryIndexFile
{
    /// <summary>The file name inside the store folder.</summary>
    public const string FileName = "query.idx";

    /// <summary>
    /// Builds and writes the index of <paramref name="files"/> (live files only, in file id order) held in the segments
    /// numbered <paramref name="segments"/>: updated from the index in the folder when <paramref name="basis"/> names it
    /// and it is sound (<see cref="QueryIndexUpdate"/>), else cold from every document; the bytes are the same either way.
    /// An update merges into <paramref name="scratch"/>'s arrays when given. Returns true when it was updated.
    /// </summary>
    internal static bool Write(string storeDir, StoreParameters parameters, string? root, long[] segments, IReadOnlyList<StoredFile> files,
        QueryIndexUpdate.Basis? basis = null, QueryIndexUpdate.Scratch? scratch = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var stored = files.SelectMany(f => f.Documents.Select(d => (File: f, Document: d))).ToList();
        List<string> names = QueryIndexData.OutletNamesOf(stored.Select(s => new Ingestion.DocumentMetadata { Outlet = s.Document.Outlet, Url = s.Document.Url }));
        var outletOf = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var docs = new List<QueryIndexLayout.Entry>(stored.Count);
        foreach (var (f, d) in stored)
        {
            docs.Add(new(d.Id, f.FileId, outletOf.GetValueOrDefault(d.Outlet, -1), d.PublishedUtcTicks ?? QueryIndexLayout.Undated,
                BinaryPrimitives.ReadUInt128LittleEndian(d.ContentHash), d.Url, d.Title));
        }
        string path = Path.Combine(storeDir, FileName);
        QueryIndexUpdate.Postings? updated = basis is null ? null : QueryIndexUpdate.TryUpdate(path, parameters, basis, stored, scratch);
        QueryIndexUpdate.Postings postings = updated ?? Cold(stored);
        ulong[] common = QueryIndexData.CommonWordsOf([.. stored.Select(s => s.Document.Words ?? [])]);
        var meta = new QueryIndexMeta(parameters, root, segments, names, common, postings.CommonContent);
        SegmentFile.WriteAtomic(path, stream => QueryIndexLayout.Write(stream, meta, docs, postings.Hashes.AsSpan(0, postings.Count),
            postings.Owners.AsSpan(0, postings.Count)), null);
        return updated is not null;
    }

    /// <summary>The postings a query index in memory would hold (<see cref="QueryIndexData.AddPostings"/>), so both answer alike, and the common content fingerprints.</summary>
    static QueryIndexUpdate.Postings Cold(List<(StoredFile File, StoredDocument Document)> stored)
    {
        var postings = new PostingList(stored.Sum(s => s.Document.FingerprintHashes.Length + (s.Document.Lines?.Length ?? 0) + (s.Document.ContentFingerprints?.Length ?? 0)));
        for (int d = 0; d < stored.Count; d++)
        {
            StoredDocument doc = stored[d].Document;
            QueryIndexData.AddPostings(postings, d, doc.FingerprintHashes, doc.Lines ?? [], doc.ContentFingerprints ?? []);
        }
        // Sorted where they lie: the writer takes the first Count of each array, so nothing is copied.
        postings.Sort();
        ulong[] commonContent = QueryIndexData.CommonContentOf([.. stored.Select(s => s.Document.ContentFingerprints ?? [])]);
        return new(postings.Hashes, postings.Owners, postings.Count, commonContent);
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

    /// <summary>
    /// The query index of the store, answering under <paramref name="options"/> over files under <paramref name="root"/>
    /// (a host that scanned the folder itself knows both); null when it is missing, unusable or stale, with
    /// <paramref name="detail"/> saying which.
    /// </summary>
    public static ReuseIndex? Open(string storeDir, ReuseDetectOptions options, string root, out string detail)
    {
        (StoredQueryIndex? index, detail) = Read(storeDir);
        return index is null ? null : ToReuseIndex(index, options, root);
    }

    /// <summary>Reads the index, or null with the reason when it is missing, unusable or stale (the store's segments are not those it was built from).</summary>
    internal static (StoredQueryIndex? Index, string Detail) Read(string storeDir)
    {
        string path = Path.Combine(storeDir, FileName);
        if (!File.Exists(path)) return (null, "no query index");
        try
        {
            var (data, meta, detail) = FileIndexData.Open(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            if (data is null || meta is null) return (null, detail);
            long[] present = SignatureStore.SegmentSequences(storeDir);
            if (!meta.Segments.AsSpan().SequenceEqual(present))
                return (null, $"the query index is stale (built from segment {List(meta.Segments)}, the store holds segment {List(present)}: a scan stopped before updating it)");
            return (new StoredQueryIndex(meta, data), "ok");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot read: " + e.Message);
        }
    }

    static string List(IReadOnlyList<long> sequences) => sequences.Count == 0 ? "none" : string.Join(", ", sequences);

    /// <summary>A <see cref="ReuseIndex"/> over a loaded query index.</summary>
    internal static ReuseIndex ToReuseIndex(StoredQueryIndex index, ReuseDetectOptions options, string root)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new ReuseIndex(options, root, index.Data);
    }
}
