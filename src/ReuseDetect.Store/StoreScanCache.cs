using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Signatures;

namespace ReuseDetect.Store;

/// <summary>The engine's <see cref="IScanCache"/> over a <see cref="SignatureStore"/>; <see cref="Complete"/> commits a segment.</summary>
public sealed class StoreScanCache(SignatureStore store) : IScanCache
{
    /// <summary>Files whose signatures came from the store in this scan.</summary>
    public int Reused => _reused;

    /// <summary>Files read and signed in this scan.</summary>
    public int Signed => _signed;

    /// <summary>Pairs whose alignment came from the store.</summary>
    public int PairsReused => _pairsReused;

    int _reused, _signed, _pairsReused;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _signedIds = new(StringComparer.Ordinal);

    /// <summary>Ids of the documents read and signed in this scan (new or changed files).</summary>
    public IReadOnlySet<string> SignedFileIds => _signedIds.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The store parameters for a set of options.</summary>
    public static StoreParameters ParametersFor(ReuseDetectOptions options) => new(
        options.ShingleSize, options.Permutations, options.Seed, options.WinnowWindow, ReuseDetector.AlgorithmVersion,
        StableAlignmentHash(options));

    // The engine's key of every option stored results depend on, hashed stably (HashCode is randomised per process).
    static int StableAlignmentHash(ReuseDetectOptions o) =>
        (int)(System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(o.ResultsKey())) & 0x7FFFFFFF);

    /// <inheritdoc/>
    public bool TryGetFile(SourceFile file, FileStamp stamp, out IReadOnlyList<SignedDocument> documents, out IReadOnlyList<IngestError> errors)
    {
        StoredFile? stored = store.TryGetFile(file.Id, stamp.Size, stamp.ModifiedUtcTicks);
        if (stored is null)
        {
            documents = [];
            errors = [];
            return false;
        }
        Interlocked.Increment(ref _reused);
        documents = KeepConversions ? store.SignedDocuments(stored, FromStored) : [.. stored.Documents.Select(FromStored)];
        var list = new List<IngestError>();
        if (stored.Error is not null) list.Add(new IngestError(file.Id, stored.Error));
        foreach (StoredError e in stored.RecordErrors ?? []) list.Add(new IngestError(e.Id, e.Reason));
        errors = list;
        return true;
    }

    /// <inheritdoc/>
    public void PutFile(SourceFile file, FileStamp stamp, IReadOnlyList<SignedDocument> documents, IReadOnlyList<IngestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Interlocked.Increment(ref _signed);
        foreach (SignedDocument d in documents) _signedIds.TryAdd(d.Id, true);
        store.PutFile(new StoredFile
        {
            FileId = file.Id, Size = stamp.Size, ModifiedUtcTicks = stamp.ModifiedUtcTicks,
            Documents = [.. documents.Select(ToStored)],
            Error = errors.FirstOrDefault(e => e.Id == file.Id)?.Reason,
            RecordErrors = [.. errors.Where(e => e.Id != file.Id).Select(e => new StoredError(e.Id, e.Reason))],
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<CachedPassage>? TryGetPassages(SignedDocument a, SignedDocument b)
    {
        CachedPassage[]? passages = store.TryGetPassages(a.Id, a.ContentHash, b.Id, b.ContentHash, KeepConversions);
        if (passages is not null) Interlocked.Increment(ref _pairsReused);
        return passages;
    }

    /// <inheritdoc/>
    public void PutPassages(SignedDocument a, SignedDocument b, IReadOnlyList<CachedPassage> passages)
    {
        StoredPair? old = store.TryGetPair(a.Id, a.ContentHash, b.Id, b.ContentHash);
        store.PutPair(new StoredPair
        {
            A = a.Id, AHash = Hash(a), B = b.Id, BHash = Hash(b), Aligned = true, Jaccard = old?.Jaccard,
            Passages = [.. passages.Select(p => new StoredPassage(p.AStart, p.AEnd, p.BStart, p.BEnd, p.Identity, null, null, p.Anchored))],
        });
    }

    /// <inheritdoc/>
    public double? TryGetJaccard(SignedDocument a, SignedDocument b) => store.TryGetPair(a.Id, a.ContentHash, b.Id, b.ContentHash)?.Jaccard;

    /// <inheritdoc/>
    public void PutJaccard(SignedDocument a, SignedDocument b, double jaccard)
    {
        StoredPair? old = store.TryGetPair(a.Id, a.ContentHash, b.Id, b.ContentHash);
        store.PutPair(new StoredPair
        {
            A = a.Id, AHash = Hash(a), B = b.Id, BHash = Hash(b), Jaccard = jaccard,
            Aligned = old?.Aligned ?? false, Passages = old?.Passages ?? [],
        });
    }

    /// <summary>
    /// Whether the engine's view of each stored document and pair is made once and kept beside it in the store, so that
    /// every later scan through the same open store gets the same objects instead of new copies (the watch worker's
    /// rescans: 19,000 documents and 140,000 pairs on Reuters-21578, converted again each time without it). A scan of
    /// its own gains nothing from it and pays for the keeping (a one-article scan of that store: 1.09x the time, 40 MiB
    /// more), so it is off by default.
    /// </summary>
    public bool KeepConversions { get; init; }

    /// <summary>
    /// Whether <see cref="Complete"/> only starts the commit, on a thread of its own, and returns, so that the caller
    /// writes its reports while the store commits (the watch worker: its rescan's reports are not held back by the
    /// query index being rewritten). The caller must call <see cref="WaitCommitted"/> before it uses the store again (a
    /// next scan, the query index) or closes it; a failure of the commit is thrown there.
    /// </summary>
    public bool DeferCommit { get; init; }

    Task _commit = Task.CompletedTask;

    /// <inheritdoc/>
    public void Complete(IReadOnlyCollection<string> liveFileIds)
    {
        if (DeferCommit) _commit = Task.Run(() => store.Commit(liveFileIds), CancellationToken.None);
        else store.Commit(liveFileIds);
    }

    /// <summary>Waits for a commit started by <see cref="Complete"/> (with <see cref="DeferCommit"/>) and throws its failure.</summary>
    public void WaitCommitted() => _commit.GetAwaiter().GetResult();

    /// <summary>The stored documents with the id of the file each came from, for <see cref="ReuseIndex"/>.</summary>
    public static IEnumerable<(SignedDocument Document, string FileId)> Documents(SignatureStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (StoredFile f in store.Files())
            foreach (StoredDocument d in f.Documents) yield return (FromStored(d), f.FileId);
    }

    static byte[] Hash(SignedDocument d)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, d.ContentHash);
        return bytes;
    }

    internal static StoredDocument ToStored(SignedDocument d) => new()
    {
        Id = d.Id, Outlet = d.Metadata.Outlet, PublishedUtcTicks = d.Metadata.Published?.UtcTicks, Title = d.Metadata.Title,
        Url = d.Metadata.Url, Encoding = d.Encoding, ContentHash = Hash(d), Length = d.Length, BodyStart = d.BodyStart,
        BodyEnd = d.BodyEnd, TokenCount = d.TokenCount, ShingleCount = d.ShingleCount, MinHash = d.MinHash, SimHash = d.SimHash,
        FingerprintHashes = [.. d.Fingerprints.Select(f => f.Hash)],
        FingerprintPositions = [.. d.Fingerprints.Select(f => f.Position)],
        ContentFingerprints = d.ContentFingerprints,
        ContentPlaces = d.ContentPlaces,
        Lines = d.Lines,
        Words = d.Words,
        Credits = [.. d.Credits.Select(c => new StoredCredit(c.Outlet, c.Evidence, c.Start, c.End, c.Kind))],
        Warnings = d.Warnings.Count == 0 ? null : [.. d.Warnings],
    };

    internal static SignedDocument FromStored(StoredDocument d)
    {
        if (d.FingerprintHashes.Length != d.FingerprintPositions.Length || d.MinHash.Length == 0
            || (d.ContentFingerprints?.Length ?? 0) != (d.ContentPlaces?.Length ?? 0))
            throw new InvalidDataException($"Stored document {d.Id} is inconsistent.");
        var fingerprints = new Fingerprint[d.FingerprintHashes.Length];
        for (int i = 0; i < fingerprints.Length; i++) fingerprints[i] = new Fingerprint(d.FingerprintHashes[i], d.FingerprintPositions[i]);
        return new SignedDocument
        {
            Id = d.Id,
            Metadata = new DocumentMetadata
            {
                Outlet = d.Outlet, Title = d.Title, Url = d.Url,
                Published = d.PublishedUtcTicks is long t ? new DateTimeOffset(t, TimeSpan.Zero) : null,
            },
            Encoding = d.Encoding, ContentHash = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(d.ContentHash),
            Length = d.Length, BodyStart = d.BodyStart, BodyEnd = d.BodyEnd, TokenCount = d.TokenCount, ShingleCount = d.ShingleCount,
            MinHash = d.MinHash, SimHash = d.SimHash, Fingerprints = fingerprints, ContentFingerprints = d.ContentFingerprints ?? [], ContentPlaces = d.ContentPlaces ?? [], Lines = d.Lines ?? [], Words = d.Words ?? [],
            Credits = [.. d.Credits.Select(c => c.Kind is null ? new CreditLine(c.Outlet, c.Evidence, c.Start, c.End) : new CreditLine(c.Outlet, c.Evidence, c.Start, c.End, c.Kind))],
            Warnings = d.Warnings is { } w ? [.. w.Where(x => x is not null)] : [],
        };
    }
}
