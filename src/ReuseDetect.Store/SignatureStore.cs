using System.Collections.Concurrent;
using System.Globalization;

namespace ReuseDetect.Store;

/// <summary>
/// The persistent index: a folder of checksummed MessagePack segments. Opening loads every readable segment in
/// sequence order (later entries win); a damaged segment is reported, set aside as <c>*.corrupt</c>, and its
/// files are simply read and signed again: nothing else is lost. A change of signature parameters is reported and
/// the store starts empty (the old segments are removed once the new one is safely written). Each commit writes
/// one new segment with what this scan added or changed, plus tombstones for deleted files; past
/// <see cref="CompactAfter"/> segments everything live is rewritten into one. A lock file keeps two processes
/// from writing the same store.
/// </summary>
public sealed class SignatureStore : IDisposable
{
    /// <summary>Segments kept before a commit compacts them into one.</summary>
    public const int CompactAfter = 8;

    const string SegmentPrefix = "segment-", SegmentSuffix = ".rds", CorruptSuffix = ".corrupt", LockName = "store.lock";

    readonly string _directory;
    readonly StoreParameters _parameters;
    readonly Action<string> _log;
    readonly FileStream? _lock;
    readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    // Read without the lock: a scan looks up every pair it aligns (Reuters-21578: 142,676 a scan, side by side), and a
    // lock (with a set of the keys used) held for each lookup cost about 0.75 s of CPU a scan, most of it waiting.
    // Replaced (sized) when a store opens with many pairs: a concurrent table cannot be sized once made.
    ConcurrentDictionary<PairKey, PairEntry> _pairs = new();
    readonly Dictionary<string, StoredFile> _newFiles = new(StringComparer.Ordinal);
    readonly Dictionary<PairKey, StoredPair> _newPairs = [];

    /// <summary>
    /// Each stored file's documents as the engine's signed documents, made once while the stored file is current
    /// (<see cref="SignedDocuments"/>, <see cref="StoreScanCache.KeepConversions"/>): a store kept open across scans (the
    /// watch worker's) hands every rescan the same objects instead of new copies of every unchanged document. Held beside
    /// the stored file they were made from, and let go at a commit once that file is replaced or gone. (A weak table keyed
    /// by the stored records did the same through the collector, but its dependent handles, one for every document and
    /// pair, were scanned at every collection: with the report fragments' ones, 10 % of the watch worker's CPU, perf, 2026-12-02.)
    /// </summary>
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, (StoredFile File, Pipeline.SignedDocument[] Documents)> _signed = new(StringComparer.Ordinal);
    // Pairs read or written since the last commit are those whose entry holds the current epoch: what the scan being
    // committed used. A scan keys a pair by the alignment keys of its documents (content hash folded with their token
    // marks, and the mode), not by their content hashes alone, so at compaction these are the pairs known to be live.
    int _epoch = 1;
    readonly List<string> _segments = [];
    readonly Lock _gate = new();
    bool _rebuild;
    bool _readOnly;
    bool _queryIndexCurrent;
    // The base of the next query index update (QueryIndexUpdate): the segments the index on disk was built from as this
    // process knows them (those loaded, or those of the index it last wrote; null when the files held do not follow from
    // segments, as after a change of parameters), and the files put or deleted since. The index on disk is used as a
    // base only when it names exactly these segments.
    long[]? _indexedSegments;
    readonly HashSet<string> _changedSinceIndex = new(StringComparer.Ordinal);
    // The arrays each commit's query index update merges into (commits run one at a time, under the store's lock).
    readonly QueryIndexUpdate.Scratch _indexScratch = new();
    string? _committedRoot;
    long _sequence;

    SignatureStore(string directory, StoreParameters parameters, Action<string> log, FileStream? lockStream)
    {
        _directory = directory;
        _parameters = parameters;
        _log = log;
        _lock = lockStream;
    }

    /// <summary>The folder of the store.</summary>
    public string Directory => _directory;

    /// <summary>The root folder the stored file ids are relative to (from the newest segment; set before a commit).</summary>
    public string? Root { get; set; }

    /// <summary>Files known to the store (live, not deleted).</summary>
    public int FileCount => _files.Count(f => !f.Value.Deleted);

    /// <summary>Fault injection for tests: runs after a segment's bytes are written, before the rename that commits it.</summary>
    internal Action? BeforeSegmentRename { get; set; }

    /// <summary>Fault injection for tests: runs after a commit's segment is renamed into place, before the query index is written.</summary>
    internal Action? BeforeQueryIndexWrite { get; set; }

    /// <summary>Pairs known to the store.</summary>
    public int PairCount => _pairs.Count;

    /// <summary>Query indexes this instance updated from the previous one (the rest it built cold).</summary>
    internal int QueryIndexUpdates { get; private set; }

    /// <summary>Query indexes this instance built cold, from every stored document.</summary>
    internal int QueryIndexRebuilds { get; private set; }

    /// <summary>
    /// Opens a store for reading only (queries), with the parameters it was written with; takes no lock and
    /// changes nothing on disk. Damaged segments are skipped and reported.
    /// </summary>
    public static SignatureStore OpenReadOnly(string directory, Action<string>? log = null)
    {
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"No store at {directory}: run 'reuse scan' first.");
        StoreParameters? parameters = null;
        foreach (string path in System.IO.Directory.GetFiles(directory, SegmentPrefix + "*" + SegmentSuffix).Order(StringComparer.Ordinal).Reverse())
        {
            SegmentReadResult read = SegmentFile.Read(path);
            if (read.Status == SegmentStatus.Ok)
            {
                parameters = read.Body!.Header.Parameters;
                break;
            }
        }
        if (parameters is null) throw new InvalidDataException($"The store at {directory} has no readable segment: run 'reuse scan' to rebuild it.");
        var store = new SignatureStore(directory, parameters, log ?? (_ => { }), null) { _readOnly = true };
        store.Load();
        return store;
    }

    /// <summary>The parameters the store holds signatures for.</summary>
    public StoreParameters Parameters => _parameters;

    /// <summary>Opens (or creates) the store in <paramref name="directory"/>; problems are reported through <paramref name="log"/>.</summary>
    public static SignatureStore Open(string directory, StoreParameters parameters, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        log ??= _ => { };
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"The store {directory} cannot be created: {e.Message}", e);
        }
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StoreUnavailableException($"The store {directory} is not writable: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new StoreUnavailableException($"The store {directory} is in use by another ReuseDetect process ({e.Message}).", e);
        }
        var store = new SignatureStore(directory, parameters, log, lockStream);
        try
        {
            store.Load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            store.Dispose();
            throw new StoreUnavailableException($"The store {directory} cannot be used: {e.Message}", e);
        }
        return store;
    }

    void Load()
    {
        foreach (string tmp in _readOnly ? [] : System.IO.Directory.GetFiles(_directory, "*.tmp"))
        {
            // A write cut short by a crash: the rename never happened, so nothing refers to it.
            _log($"store: removing unfinished write {Path.GetFileName(tmp)}");
            File.Delete(tmp);
        }
        // Sequence numbers are never reused, not even those of segments set aside as damaged: the query index names
        // the segments it was built from, and a reused number could make a stale index look current.
        foreach (string aside in System.IO.Directory.GetFiles(_directory, SegmentPrefix + "*" + SegmentSuffix + CorruptSuffix))
            _sequence = Math.Max(_sequence, SequenceOf(aside[..^CorruptSuffix.Length]));
        var paths = System.IO.Directory.GetFiles(_directory, SegmentPrefix + "*" + SegmentSuffix).Order(StringComparer.Ordinal).ToList();
        foreach (string path in paths)
        {
            _sequence = Math.Max(_sequence, SequenceOf(path));
            SegmentReadResult read = SegmentFile.Read(path);
            if (read.Status != SegmentStatus.Ok)
            {
                string aside = path + CorruptSuffix;
                if (_readOnly)
                {
                    _log($"store: segment {Path.GetFileName(path)} is unusable ({read.Detail}); skipped (the next scan rebuilds it)");
                    continue;
                }
                _log($"store: segment {Path.GetFileName(path)} is unusable ({read.Detail}); set aside as {Path.GetFileName(aside)}, its files will be read again");
                File.Move(path, aside, overwrite: true);
                continue;
            }
            SegmentBody body = read.Body!;
            if (body.Header.Parameters != _parameters)
            {
                if (!_rebuild) _log($"store: parameters changed ({_parameters.Describe(body.Header.Parameters)}); rebuilding the index from the source files");
                _rebuild = true;
                _segments.Add(path);
                continue;
            }
            _segments.Add(path);
            Root = body.Header.Root ?? Root;
            // Sized first: a large store's tables would otherwise be rehashed a dozen times as they fill.
            _files.EnsureCapacity(_files.Count + body.Files.Length);
            foreach (StoredFile f in body.Files) _files[f.FileId] = f;
            if (_pairs.IsEmpty && body.Pairs.Length > 1024) _pairs = new(Environment.ProcessorCount, body.Pairs.Length);
            foreach (StoredPair p in body.Pairs) _pairs[PairKey.Of(p)] = new PairEntry(p);
        }
        _committedRoot = Root;
        if (_rebuild)
        {
            _files.Clear();
            _pairs.Clear();
        }
        else _indexedSegments = [.. _segments.Select(SequenceOf).Order()];
    }

    static long SequenceOf(string path)
    {
        string name = Path.GetFileName(path);
        string digits = name[SegmentPrefix.Length..^SegmentSuffix.Length];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : 0;
    }

    /// <summary>The stored file when its size and modification time are unchanged; otherwise null.</summary>
    internal StoredFile? TryGetFile(string fileId, long size, long modifiedUtcTicks)
    {
        lock (_gate)
        {
            return _files.TryGetValue(fileId, out var f) && !f.Deleted && f.Size == size && f.ModifiedUtcTicks == modifiedUtcTicks ? f : null;
        }
    }

    /// <summary>All live stored files.</summary>
    internal IReadOnlyList<StoredFile> Files()
    {
        lock (_gate) return [.. _files.Values.Where(f => !f.Deleted).OrderBy(f => f.FileId, StringComparer.Ordinal)];
    }

    /// <summary>Records a file signed in this scan.</summary>
    internal void PutFile(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        lock (_gate)
        {
            _files[file.FileId] = file;
            _newFiles[file.FileId] = file;
            _changedSinceIndex.Add(file.FileId);
        }
    }

    /// <summary>
    /// The documents of <paramref name="file"/> (a stored file, as <see cref="TryGetFile"/> gave it) as the engine's, made
    /// by <paramref name="convert"/> on the first call for this version of the file and the same objects after that.
    /// </summary>
    internal IReadOnlyList<Pipeline.SignedDocument> SignedDocuments(StoredFile file, Func<StoredDocument, Pipeline.SignedDocument> convert)
    {
        if (_signed.TryGetValue(file.FileId, out var kept) && ReferenceEquals(kept.File, file)) return kept.Documents;
        Pipeline.SignedDocument[] documents = [.. file.Documents.Select(convert)];
        // Two scans of one store do not read one file at once (the worker's scans take turns), so the last made stays.
        _signed[file.FileId] = (file, documents);
        return documents;
    }

    /// <summary>The stored alignment of two document versions (content hashes as numbers), or null.</summary>
    internal StoredPair? TryGetPair(string a, UInt128 aHash, string b, UInt128 bHash) => TryGetEntry(a, aHash, b, bHash)?.Pair;

    /// <summary>
    /// The passages of the stored alignment of two document versions as the engine's, or null when the store holds no
    /// alignment of them; with <paramref name="keep"/>, made once and kept beside the stored pair (the same array after that).
    /// </summary>
    internal Pipeline.CachedPassage[]? TryGetPassages(string a, UInt128 aHash, string b, UInt128 bHash, bool keep)
    {
        if (TryGetEntry(a, aHash, b, bHash) is not { Pair.Aligned: true } entry) return null;
        if (!keep) return Convert(entry.Pair);
        return Volatile.Read(ref entry.Converted) ?? Interlocked.CompareExchange(ref entry.Converted, Convert(entry.Pair), null) ?? entry.Converted;
    }

    static Pipeline.CachedPassage[] Convert(StoredPair pair)
    {
        if (pair.Passages.Length == 0) return [];
        var passages = new Pipeline.CachedPassage[pair.Passages.Length];
        for (int i = 0; i < passages.Length; i++)
        {
            StoredPassage p = pair.Passages[i];
            passages[i] = new Pipeline.CachedPassage(p.AStart, p.AEnd, p.BStart, p.BEnd, p.Identity, p.Anchored ?? true);
        }
        return passages;
    }

    PairEntry? TryGetEntry(string a, UInt128 aHash, string b, UInt128 bHash)
    {
        if (!_pairs.TryGetValue(new PairKey(a, aHash, b, bHash), out PairEntry? entry)) return null;
        // Written by the scan's threads before its commit, which runs after them.
        if (!_readOnly) entry.Epoch = _epoch;
        return entry;
    }

    /// <summary>Records the alignment of a pair computed in this scan.</summary>
    internal void PutPair(StoredPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        PairKey key = PairKey.Of(pair);
        lock (_gate)
        {
            _pairs[key] = new PairEntry(pair) { Epoch = _epoch };
            _newPairs[key] = pair;
        }
    }

    /// <summary>A pair of document versions: ids and content hashes (a struct, so a lookup builds no string).</summary>
    readonly record struct PairKey(string A, UInt128 AHash, string B, UInt128 BHash) : IComparable<PairKey>
    {
        // Hashed by the content hashes, which are random already (the ids' text is hashed by nothing); two documents
        // with the same content differ in their ids, which equality compares after the hashes.
        public override int GetHashCode() => HashCode.Combine(AHash, BHash);

        public bool Equals(PairKey other) => AHash == other.AHash && BHash == other.BHash && string.Equals(A, other.A, StringComparison.Ordinal)
            && string.Equals(B, other.B, StringComparison.Ordinal);

        public static PairKey Of(StoredPair p) => new(p.A, Read(p.AHash), p.B, Read(p.BHash));

        /// <summary>A stored content hash (16 bytes, little endian) as a number; any other length, as its XxHash128.</summary>
        public static UInt128 Read(byte[] hash) => hash.Length == 16
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash)
            : System.IO.Hashing.XxHash128.HashToUInt128(hash);

        public int CompareTo(PairKey other)
        {
            int c = string.CompareOrdinal(A, other.A);
            if (c == 0) c = AHash.CompareTo(other.AHash);
            if (c == 0) c = string.CompareOrdinal(B, other.B);
            return c != 0 ? c : BHash.CompareTo(other.BHash);
        }
    }

    /// <summary>
    /// Persists this scan's work. Files not in <paramref name="liveFileIds"/> get tombstones; pairs of documents
    /// no longer present are dropped at compaction. Returns the number of segments after the commit.
    /// </summary>
    internal int Commit(IReadOnlyCollection<string> liveFileIds)
    {
        ArgumentNullException.ThrowIfNull(liveFileIds);
        if (_readOnly) throw new InvalidOperationException("The store was opened read-only.");
        lock (_gate)
        {
            try
            {
                return CommitLocked(liveFileIds);
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException and not StoreUnavailableException)
            {
                throw new StoreUnavailableException($"Cannot write the store {_directory}: {e.Message}", e);
            }
        }
    }

    int CommitLocked(IReadOnlyCollection<string> liveFileIds)
    {
        var live = liveFileIds.ToHashSet(StringComparer.Ordinal);
        foreach (string gone in _files.Where(f => !f.Value.Deleted && !live.Contains(f.Key)).Select(f => f.Key).ToList())
        {
            var tomb = new StoredFile { FileId = gone, Deleted = true, Documents = [] };
            _files[gone] = tomb;
            _newFiles[gone] = tomb;
            _changedSinceIndex.Add(gone);
        }
        // The documents made from files replaced or gone are let go.
        foreach (var (id, kept) in _signed)
            if (!_files.TryGetValue(id, out StoredFile? file) || !ReferenceEquals(file, kept.File) || file.Deleted) _signed.TryRemove(id, out _);
        bool compact = _rebuild || _segments.Count + 1 > CompactAfter;
        if (!compact && _newFiles.Count == 0 && _newPairs.Count == 0 && Root == _committedRoot)
        {
            // Nothing new. The query index may still lag the segments (a crash or full disk between a segment's
            // rename and the index's, or a store older than the index): rewrite it then. Checked once per process;
            // the lock keeps other writers out, so it stays current after that.
            if (!_queryIndexCurrent && QueryIndexFile.Read(_directory).Index is null) WriteQueryIndex(live);
            _queryIndexCurrent = true;
            return _segments.Count;
        }
        SegmentBody body = compact ? LiveBody(live) : new SegmentBody(Header(), [.. Sorted(_newFiles)], [.. SortedPairs(_newPairs)]);
        string path = Path.Combine(_directory, $"{SegmentPrefix}{body.Header.Sequence:D8}{SegmentSuffix}");
        // The segment is committed first, the index after: the index names the segments it was built from, so one
        // left behind by a crash between the two renames is seen as stale (by query and by the next commit).
        _queryIndexCurrent = false;
        SegmentFile.Write(path, body, BeforeSegmentRename);
        if (compact)
        {
            // The compacted segment is safely in place; older ones are now redundant.
            foreach (string old in _segments) File.Delete(old);
            _segments.Clear();
            _rebuild = false;
        }
        _segments.Add(path);
        _committedRoot = Root;
        _newFiles.Clear();
        _newPairs.Clear();
        _epoch++;
        BeforeQueryIndexWrite?.Invoke();
        WriteQueryIndex(live);
        _queryIndexCurrent = true;
        return _segments.Count;
    }

    void WriteQueryIndex(HashSet<string> live)
    {
        long[] segments = [.. _segments.Select(SequenceOf).Order()];
        IReadOnlyList<StoredFile> files = [.. _files.Values.Where(f => !f.Deleted && live.Contains(f.FileId)).OrderBy(f => f.FileId, StringComparer.Ordinal)];
        bool updated = QueryIndexFile.Write(_directory, _parameters, Root, segments, files,
            _indexedSegments is null ? null : new QueryIndexUpdate.Basis(_indexedSegments, _changedSinceIndex), _indexScratch);
        if (updated) QueryIndexUpdates++;
        else QueryIndexRebuilds++;
        _indexedSegments = segments;
        _changedSinceIndex.Clear();
    }

    /// <summary>The sequence numbers of the segment files in <paramref name="directory"/>, ascending.</summary>
    internal static long[] SegmentSequences(string directory) =>
        [.. System.IO.Directory.GetFiles(directory, SegmentPrefix + "*" + SegmentSuffix).Select(SequenceOf).Order()];

    SegmentHeader Header() => new(SegmentFile.FormatVersion, _parameters, ++_sequence, Root);

    SegmentBody LiveBody(HashSet<string> live)
    {
        var files = _files.Where(f => !f.Value.Deleted && live.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        // A pair stays when both documents are live: in their current versions (by content hash), or as the scan being
        // committed used it (by alignment key, which only that scan can tell is current).
        var versions = files.Values.SelectMany(f => f.Documents).Select(d => (d.Id, PairKey.Read(d.ContentHash))).ToHashSet();
        var ids = versions.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var pairs = _pairs.Where(p => (versions.Contains((p.Key.A, p.Key.AHash)) && versions.Contains((p.Key.B, p.Key.BHash)))
                || (p.Value.Epoch == _epoch && ids.Contains(p.Key.A) && ids.Contains(p.Key.B)))
            .ToDictionary(p => p.Key, p => p.Value);
        _pairs.Clear();
        foreach (var (k, v) in pairs) _pairs[k] = v;
        return new SegmentBody(Header(), [.. Sorted(files)], [.. pairs.OrderBy(p => p.Key).Select(p => p.Value.Pair)]);
    }

    static IEnumerable<StoredFile> Sorted(Dictionary<string, StoredFile> files) => files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value);

    static IEnumerable<StoredPair> SortedPairs(Dictionary<PairKey, StoredPair> pairs) => pairs.OrderBy(p => p.Key).Select(p => p.Value);

    /// <summary>A stored pair, the commit epoch of the last scan that read or wrote it, and its passages as the engine's once made (<see cref="TryGetPassages"/>).</summary>
    sealed class PairEntry(StoredPair pair)
    {
        public StoredPair Pair { get; } = pair;

        public int Epoch { get; set; }

        public Pipeline.CachedPassage[]? Converted;
    }

    /// <summary>Releases the lock file.</summary>
    public void Dispose() => _lock?.Dispose();
}
