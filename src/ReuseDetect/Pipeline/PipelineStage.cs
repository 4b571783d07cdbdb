namespace ReuseDetect.Pipeline;

/// <summary>The stages of a scan, in the order <see cref="ReuseDetector"/> runs them.</summary>
public enum PipelineStage
{
    /// <summary>Walk the folder, read and decode files.</summary>
    Ingest,
    /// <summary>Normalize and tokenize (offsets kept), hash shingles, MinHash, SimHash, winnow.</summary>
    Sign,
    /// <summary>LSH buckets for near-duplicates; fingerprint postings for passages.</summary>
    Candidates,
    /// <summary>Token-level alignment of candidate pairs.</summary>
    Align,
    /// <summary>Spans to reuse clusters.</summary>
    Cluster,
    /// <summary>Origins, credits, boilerplate.</summary>
    Attribute,
    /// <summary>Report model.</summary>
    Report,
}

/// <summary>Progress of a scan: the stage and how far it is.</summary>
public readonly record struct ScanProgress(PipelineStage Stage, int Done, int Total);
