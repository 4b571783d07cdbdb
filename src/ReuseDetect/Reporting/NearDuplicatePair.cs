namespace ReuseDetect.Reporting;

/// <summary>A verified near-duplicate pair (document indexes, A &lt; B).</summary>
readonly record struct NearDuplicatePair(int A, int B, double Jaccard, double Estimate, int SimHashDistance);

/// <summary>What the report needs of a read document.</summary>
sealed record ReportInputDocument(
    string Id, Ingestion.DocumentMetadata Metadata, string Encoding, int Length, int BodyStart, int BodyEnd, int Tokens,
    IReadOnlyList<string>? Warnings = null);
