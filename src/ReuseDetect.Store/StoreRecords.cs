using MessagePack;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store;

// Persisted shapes. Keys are explicit integers and are never reused: a removed field leaves its number retired.
// Adding a field takes the next number; readers ignore keys they do not know.

/// <summary>The parameters signatures depend on; any change makes stored signatures unusable.</summary>
[MessagePackObject]
public sealed record StoreParameters(
    [property: Key(0)] int ShingleSize,
    [property: Key(1)] int Permutations,
    [property: Key(2)] ulong Seed,
    [property: Key(3)] int WinnowWindow,
    [property: Key(4)] int TokenizerVersion,
    [property: Key(5)] int AlignmentFingerprint)
{
    /// <summary>The options a query of the store signs with: these parameters, the rest at their defaults.</summary>
    public ReuseDetectOptions QueryOptions() =>
        new() { ShingleSize = ShingleSize, Permutations = Permutations, Seed = Seed, WinnowWindow = WinnowWindow };

    /// <summary>A readable account of what differs from <paramref name="other"/>.</summary>
    public string Describe(StoreParameters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var parts = new List<string>();
        if (ShingleSize != other.ShingleSize) parts.Add($"shingle {other.ShingleSize}→{ShingleSize}");
        if (Permutations != other.Permutations) parts.Add($"permutations {other.Permutations}→{Permutations}");
        if (Seed != other.Seed) parts.Add($"seed {other.Seed:x}→{Seed:x}");
        if (WinnowWindow != other.WinnowWindow) parts.Add($"window {other.WinnowWindow}→{WinnowWindow}");
        if (TokenizerVersion != other.TokenizerVersion) parts.Add($"tokenizer v{other.TokenizerVersion}→v{TokenizerVersion}");
        if (AlignmentFingerprint != other.AlignmentFingerprint) parts.Add("detection options");
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}

/// <summary>Segment header: format version, parameters, sequence number and the scanned root folder.</summary>
[MessagePackObject]
sealed record SegmentHeader(
    [property: Key(0)] int FormatVersion,
    [property: Key(1)] StoreParameters Parameters,
    [property: Key(2)] long Sequence,
    [property: Key(3)] string? Root = null);

/// <summary>One credit line found in a document.</summary>
[MessagePackObject]
sealed record StoredCredit(
    [property: Key(0)] string Outlet,
    [property: Key(1)] string Evidence,
    [property: Key(2)] int Start,
    [property: Key(3)] int End,
    [property: Key(4)] string? Kind = null);

/// <summary>A signed document: metadata, signatures and winnowing fingerprints with positions.</summary>
[MessagePackObject]
sealed record StoredDocument
{
    [Key(0)] public required string Id { get; init; }
    [Key(1)] public required string Outlet { get; init; }
    [Key(2)] public long? PublishedUtcTicks { get; init; }
    [Key(3)] public string? Title { get; init; }
    [Key(4)] public string? Url { get; init; }
    [Key(5)] public required string Encoding { get; init; }
    [Key(6)] public required byte[] ContentHash { get; init; }
    [Key(7)] public int Length { get; init; }
    [Key(8)] public int BodyStart { get; init; }
    [Key(9)] public int BodyEnd { get; init; }
    [Key(10)] public int TokenCount { get; init; }
    [Key(11)] public int ShingleCount { get; init; }
    [Key(12)] public required uint[] MinHash { get; init; }
    [Key(13)] public ulong SimHash { get; init; }
    [Key(14)] public required ulong[] FingerprintHashes { get; init; }
    [Key(15)] public required int[] FingerprintPositions { get; init; }
    [Key(16)] public required StoredCredit[] Credits { get; init; }
    /// <summary>Edit-robust content fingerprints (ascending, one for each place in <see cref="ContentPlaces"/>).</summary>
    [Key(17)] public ulong[]? ContentFingerprints { get; init; }
    /// <summary>What the reader mended (control characters replaced); absent in older segments.</summary>
    [Key(18)] public string[]? Warnings { get; init; }
    /// <summary>Distinct line hashes, ascending (how site furniture is learned).</summary>
    [Key(19)] public ulong[]? Lines { get; init; }
    /// <summary>Distinct stems of the content words, ascending (how common words are counted).</summary>
    [Key(20)] public ulong[]? Words { get; init; }
    /// <summary>The place of each content fingerprint (same length as <see cref="ContentFingerprints"/>).</summary>
    [Key(21)] public int[]? ContentPlaces { get; init; }
}

/// <summary>A source file and the documents it gave, with the stamp that says whether it changed.</summary>
[MessagePackObject]
sealed record StoredFile
{
    [Key(0)] public required string FileId { get; init; }
    [Key(1)] public long Size { get; init; }
    [Key(2)] public long ModifiedUtcTicks { get; init; }
    /// <summary>True for a tombstone: the file was deleted.</summary>
    [Key(3)] public bool Deleted { get; init; }
    [Key(4)] public required StoredDocument[] Documents { get; init; }
    /// <summary>Why the file gave no document (binary, empty…), so an unchanged bad file is not re-read either.</summary>
    [Key(5)] public string? Error { get; init; }
    /// <summary>Errors of single records of a multi-document file (JSON/JSONL), as (document id, reason).</summary>
    [Key(6)] public StoredError[]? RecordErrors { get; init; }
}

/// <summary>A record of a file that could not be read, and why.</summary>
[MessagePackObject]
sealed record StoredError(
    [property: Key(0)] string Id,
    [property: Key(1)] string Reason);

/// <summary>
/// One aligned passage pair of a document pair. Keys 5 and 6 held both spans' text until 2026-11-29; they are written as
/// nil now (the report quotes members from their documents) and ignored when an older segment has them.
/// </summary>
[MessagePackObject]
sealed record StoredPassage(
    [property: Key(0)] int AStart,
    [property: Key(1)] int AEnd,
    [property: Key(2)] int BStart,
    [property: Key(3)] int BEnd,
    [property: Key(4)] double Identity,
    [property: Key(5)] string? AText,
    [property: Key(6)] string? BText,
    [property: Key(7)] bool? Anchored = null);

/// <summary>The alignment of two document versions (by content hash), so unchanged pairs are not aligned again.</summary>
[MessagePackObject]
sealed record StoredPair
{
    [Key(0)] public required string A { get; init; }
    [Key(1)] public required byte[] AHash { get; init; }
    [Key(2)] public required string B { get; init; }
    [Key(3)] public required byte[] BHash { get; init; }
    [Key(4)] public required StoredPassage[] Passages { get; init; }
    /// <summary>Exact shingle Jaccard when it was computed for the near-duplicate check.</summary>
    [Key(5)] public double? Jaccard { get; init; }
    /// <summary>True when <see cref="Passages"/> holds an alignment (possibly empty), not just a Jaccard.</summary>
    [Key(6)] public bool Aligned { get; init; }
}

/// <summary>A segment's body.</summary>
[MessagePackObject]
sealed record SegmentBody(
    [property: Key(0)] SegmentHeader Header,
    [property: Key(1)] StoredFile[] Files,
    [property: Key(2)] StoredPair[] Pairs);
