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
    public ulong Marks
    {
        get => _marks;
        set
        {
            _marks = value;
            _key = _anchoredKey = null;
        }
    }

    ulong _marks;
    // The keys are asked for once per candidate pair, from several threads: made once (a race makes equal copies).
    SignedDocument? _key, _anchoredKey;

    /// <summary>Folded into a document's key when a pair is aligned for anchored passages only.</summary>
    static readonly UInt128 AnchoredOnlyTag = new(0xA4C4_0E0D_0417_1ABEUL, 0x5EED_A11C_0000_0001UL);

    /// <summary>The document as the store remembers alignments of it: its content hash folded with <see cref="Marks"/>.</summary>
    public SignedDocument AlignmentKey => _key ??= Marks == 0 ? signed : signed with { ContentHash = signed.ContentHash ^ ((UInt128)Marks << 64 | Marks) };

    /// <summary>
    /// <see cref="AlignmentKey"/> for the first document of a pair aligned for anchored passages only (the mode is part of
    /// what an alignment is remembered under).
    /// </summary>
    public SignedDocument AnchoredAlignmentKey => _anchoredKey ??= AlignmentKey with { ContentHash = AlignmentKey.ContentHash ^ AnchoredOnlyTag };
}
