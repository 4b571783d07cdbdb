using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Signatures;

namespace ReuseDetect.Pipeline;

/// <summary>
/// What the scan keeps of a document after signing: metadata and signatures, not the text (reloaded on
/// demand for the few documents that need alignment), so memory grows with fingerprints, not with the corpus text.
/// </summary>
sealed class DocumentRecord
{
    public required int Index { get; init; }
    /// <summary>The document's id: the file's id, or <c>file.jsonl#record</c> for a record of a JSON/JSONL file.</summary>
    public required string Id { get; init; }
    public required SourceFile File { get; init; }
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
    public required IReadOnlyList<CreditLine> Credits { get; init; }
}
