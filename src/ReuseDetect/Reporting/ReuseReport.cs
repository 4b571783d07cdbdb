namespace ReuseDetect.Reporting;

/// <summary>
/// The duplication report, serialised as <c>report.json</c>. The contract is versioned by
/// <see cref="SchemaVersion"/>: fields may be added, never renamed or dropped without a version bump.
/// Offsets are UTF-16 code-unit indexes <c>[start, end)</c> into the document's text as read.
/// </summary>
public sealed record ReuseReport
{
    /// <summary>The current schema version.</summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required ReportParameters Parameters { get; init; }
    public required ReportSummary Summary { get; init; }
    public required IReadOnlyList<ReportDocument> Documents { get; init; }
    /// <summary>Files under the root that are not articles by their extension (tables, PDFs, images…): not read, not failures.</summary>
    public IReadOnlyList<ReportIgnoredFile> Ignored { get; init; } = [];
    public required IReadOnlyList<ReportCluster> Clusters { get; init; }
    public required IReadOnlyList<ReportNearDuplicate> NearDuplicates { get; init; }
}

/// <summary>The detection parameters in force.</summary>
public sealed record ReportParameters(
    int Shingle, int Permutations, string Seed, double NearDuplicateThreshold, int LshBands, int LshRows,
    int WinnowWindow, int MinWords, int SeedWords, int MaxGap, double MinCoverage, int MaxDocumentFrequency, int BoilerplateMinDocuments);

/// <summary>Totals over the scan.</summary>
public sealed record ReportSummary(
    int Files, int Documents, int Skipped, int Clusters, int PassageClusters, int InternalClusters, int BoilerplateClusters,
    int NearDuplicatePairs, long TotalChars, long ReusedChars, double ReusedFraction, int Ignored = 0);

/// <summary>One file: its metadata, how much of it is reused, from whom, or why it was skipped.</summary>
public sealed record ReportDocument
{
    public required string Id { get; init; }
    public required string Path { get; init; }
    public string? Outlet { get; init; }
    public string? Published { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Encoding { get; init; }
    public int Length { get; init; }
    public int BodyStart { get; init; }
    public int Tokens { get; init; }
    public long ReusedChars { get; init; }
    public double ReusedFraction { get; init; }
    public long InternalRepeatChars { get; init; }
    public long BoilerplateChars { get; init; }
    /// <summary>How many other documents share passages with this one (boilerplate left out).</summary>
    public int SharedWithCount { get; init; }
    /// <summary>
    /// The <see cref="ReportShare.Listed"/> documents (at most) sharing the most of this one's characters, most first: a
    /// bounded list, since in a cluster of n copies every copy shares with n - 1 others and a full list would grow with n
    /// squared (half of report.json on Reuters-21578). Every pair can still be read from <see cref="ReuseReport.Clusters"/>.
    /// </summary>
    public IReadOnlyList<ReportShare> SharedWith { get; init; } = [];
    public IReadOnlyList<ReportCredit> Credits { get; init; } = [];
    public string? Error { get; init; }
    /// <summary>What the reader mended to read the document, e.g. "3 control characters replaced by spaces".</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>A file not read because its extension is not an article type, and the reason.</summary>
public sealed record ReportIgnoredFile(string Path, string Reason);

/// <summary>Another document this one shares passages with, and how many of this document's characters.</summary>
public sealed record ReportShare(string Id, string Outlet, long Chars, int Clusters)
{
    /// <summary>How many of a document's shares the human-readable reports name (the most shared first).</summary>
    internal const int Shown = 5;

    /// <summary>How many of a document's shares report.json lists (the most shared first; <see cref="ReportDocument.SharedWithCount"/> counts them all).</summary>
    public const int Listed = 10;
}

/// <summary>A credit line found in a document, and its kind (permission, courtesy, dateline, reports, agency-dateline, copyright, byline).</summary>
public sealed record ReportCredit(string Outlet, string Evidence, int Start, int End, string? Kind = null);

/// <summary>A reuse cluster: the documents that carry one passage, with exact spans.</summary>
public sealed record ReportCluster
{
    public required string Id { get; init; }
    /// <summary><c>passage</c> (across documents) or <c>internal</c> (repeated inside one document).</summary>
    public required string Kind { get; init; }
    public bool Boilerplate { get; init; }
    public int Documents { get; init; }
    public IReadOnlyList<string> Outlets { get; init; } = [];
    public int Words { get; init; }
    public double MinIdentity { get; init; }
    /// <summary>Members that do not credit the origin (<c>credited: false</c>); passage clusters with any are listed first.</summary>
    public int Uncredited { get; init; }
    public required ReportOrigin Origin { get; init; }
    /// <summary>The agency or outlet the members credit (possibly outside the corpus), or null when none does.</summary>
    public ReportSource? Source { get; init; }
    public required IReadOnlyList<ReportMember> Members { get; init; }
    /// <summary>
    /// The aligned passage pairs behind the cluster, by member index: which part of one member matches which part of
    /// another. A member that carries only part of the passage is aligned with the part it carries.
    /// </summary>
    public IReadOnlyList<ReportAlignment> Alignments { get; init; } = [];
}

/// <summary>
/// One aligned passage pair inside a cluster: members <see cref="A"/> and <see cref="B"/> (indexes into the cluster's
/// members; equal for text repeated inside one member's document), the aligned spans and the share of matched words.
/// </summary>
public sealed record ReportAlignment(int A, int AStart, int AEnd, int B, int BStart, int BEnd, double Identity);

/// <summary>The likely origin: a member document, or an outlet outside the corpus, and the basis.</summary>
public sealed record ReportOrigin(string? Id, string? Outlet, string Basis, string? Evidence);

/// <summary>The credited source of a cluster and the credit line that names it.</summary>
public sealed record ReportSource(string Name, string Evidence);

/// <summary>One span of a cluster.</summary>
public sealed record ReportMember(string Id, string Outlet, int Start, int End, string Text, bool? Credited, string? Credit);

/// <summary>Two near-duplicate documents: exact shingle Jaccard, MinHash estimate and SimHash distance.</summary>
public sealed record ReportNearDuplicate(IReadOnlyList<string> Ids, double Jaccard, double Estimate, int SimHashDistance);
