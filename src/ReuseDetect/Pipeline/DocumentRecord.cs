using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Signatures;

namespace ReuseDetect.Pipeline;

/// <summary>
/// A signed document during one scan: its index (ordinal id order), the file it came from and its
/// <see cref="SignedDocument"/>. The text is not kept; it is reloaded on demand for the few documents that need
/// alignment, so memory grows with fingerprints, not with the corpus text.
/// </summary>
sealed class DocumentRecord(int index, SourceFile file, SignedDocument signed)
{
    public int Index => index;
    public SourceFile File => file;
    public SignedDocument Signed => signed;
    public string Id => signed.Id;
    public DocumentMetadata Metadata => signed.Metadata;
    public string Encoding => signed.Encoding;
    public UInt128 ContentHash => signed.ContentHash;
    public int Length => signed.Length;
    public int BodyStart => signed.BodyStart;
    public int BodyEnd => signed.BodyEnd;
    public int TokenCount => signed.TokenCount;
    public int ShingleCount => signed.ShingleCount;
    public uint[] MinHash => signed.MinHash;
    public ulong SimHash => signed.SimHash;
    public Fingerprint[] Fingerprints => signed.Fingerprints;
    public ulong[] ContentFingerprints => signed.ContentFingerprints;
    public ulong[] Lines => signed.Lines;
    public ulong[] Words => signed.Words;
    public int[] ContentPlaces => signed.ContentPlaces;
    public IReadOnlyList<CreditLine> Credits => signed.Credits;

    /// <summary>The source group (<see cref="SourceGroups"/>) the document belongs to.</summary>
    public string Group { get; } = SourceGroups.Key(signed.Id, signed.Metadata);

    /// <summary>
    /// What the corpus marks in the document (<see cref="PageFurniture.Signature"/>), set once the corpus is learned;
    /// alignments are remembered under the content hash and this together, since the marks shape them.
    /// </summary>
    public ulong Marks { get; set; }

    /// <summary>The document as the store remembers alignments of it: its content hash folded with <see cref="Marks"/>.</summary>
    public SignedDocument AlignmentKey => Marks == 0 ? signed : signed with { ContentHash = signed.ContentHash ^ ((UInt128)Marks << 64 | Marks) };
}
