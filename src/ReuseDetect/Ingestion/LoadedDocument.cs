namespace ReuseDetect.Ingestion;

/// <summary>
/// A document as read: its decoded text, the region of it that is article body (front matter excluded),
/// metadata, and how it was decoded. Offsets everywhere refer to <see cref="Text"/>.
/// </summary>
public sealed record LoadedDocument(
    string Id,
    string Text,
    int BodyStart,
    int BodyEnd,
    DocumentMetadata Metadata,
    string Encoding,
    UInt128 ContentHash,
    long SizeBytes);

/// <summary>A file that could not be read as a document, and why.</summary>
public sealed record IngestError(string Id, string Reason);
