using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Signatures;

namespace ReuseDetect.Pipeline;

/// <summary>
/// What a scan keeps of a document after signing it: metadata, content hash, signatures and winnowing
/// fingerprints with positions, credit lines. This is what the store persists so that a rescan does not read,
/// tokenize or sign an unchanged file again.
/// </summary>
public sealed record SignedDocument
{
    public required string Id { get; init; }
    public required DocumentMetadata Metadata { get; init; }
    public required string Encoding { get; init; }
    public required UInt128 ContentHash { get; init; }
    public required int Length { get; init; }
    public required int BodyStart { get; init; }
    public required int BodyEnd { get; init; }
    public required int TokenCount { get; init; }
    public required int ShingleCount { get; init; }
    public required uint[] MinHash { get; init; }
    public required ulong SimHash { get; init; }
    public required Fingerprint[] Fingerprints { get; init; }
    /// <summary>
    /// Edit-robust fingerprints (<see cref="Shingling.ContentShingles"/>), ascending, one for each of their places
    /// (<see cref="ContentPlaces"/>).
    /// </summary>
    public ulong[] ContentFingerprints { get; init; } = [];
    /// <summary>The place (index of the content word pair) of each of <see cref="ContentFingerprints"/>, ascending within one hash.</summary>
    public int[] ContentPlaces { get; init; } = [];
    /// <summary>The hash of each distinct line (<see cref="Shingling.LineHashes"/>), ascending: how site furniture is learned.</summary>
    public ulong[] Lines { get; init; } = [];
    /// <summary>The distinct stems of its content words (<see cref="Shingling.ContentShingles.Words(Text.TokenizedText, ulong[])"/>), ascending: how common words are counted.</summary>
    public ulong[] Words { get; init; } = [];
    public required IReadOnlyList<CreditLine> Credits { get; init; }
    /// <summary>What the reader mended to read the document (see <see cref="LoadedDocument.Warnings"/>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// An aligned passage pair, remembered so that unchanged pairs are not aligned again: both spans (character offsets),
/// their identity, and whether a verbatim run anchors it. Span texts are not kept: the report quotes each member from
/// its document, read once.
/// </summary>
public sealed record CachedPassage(int AStart, int AEnd, int BStart, int BEnd, double Identity, bool Anchored = true);

/// <summary>
/// Work a scan can take from an earlier one (implemented by the persistent store). All methods are called from
/// worker threads and must be thread-safe. A cache must only return what a cold scan would compute.
/// </summary>
public interface IScanCache
{
    /// <summary>The documents and errors an unchanged file gave before; false when the file is new or changed.</summary>
    bool TryGetFile(SourceFile file, FileStamp stamp, out IReadOnlyList<SignedDocument> documents, out IReadOnlyList<IngestError> errors);

    /// <summary>Remembers what a file gave in this scan (its documents, and errors for the file or some of its records).</summary>
    void PutFile(SourceFile file, FileStamp stamp, IReadOnlyList<SignedDocument> documents, IReadOnlyList<IngestError> errors);

    /// <summary>The passages of two document versions aligned before, or null.</summary>
    IReadOnlyList<CachedPassage>? TryGetPassages(SignedDocument a, SignedDocument b);

    /// <summary>Remembers the passages of a pair aligned in this scan.</summary>
    void PutPassages(SignedDocument a, SignedDocument b, IReadOnlyList<CachedPassage> passages);

    /// <summary>The exact Jaccard of two document versions computed before, or null.</summary>
    double? TryGetJaccard(SignedDocument a, SignedDocument b);

    /// <summary>Remembers an exact Jaccard computed in this scan.</summary>
    void PutJaccard(SignedDocument a, SignedDocument b, double jaccard);

    /// <summary>Called once at the end of a scan with the files now present.</summary>
    void Complete(IReadOnlyCollection<string> liveFileIds);
}
