namespace ReuseDetect.Alignment;

/// <summary>
/// Options of the passage aligner. Seeds are shared token n-grams of <see cref="SeedSize"/> and shared
/// unordered runs of <see cref="ContentSeedSize"/> content words; seeds closer than <see cref="MaxGap"/>
/// tokens in both texts chain into one passage; chains close in both texts merge.
/// </summary>
/// <remarks>
/// The defaults are the one setting <c>reuse scan</c> runs with: verbatim and edited reuse (light and heavy edits,
/// swapped paragraphs, machine-translation round trips, summaries), a minimum passage of 20 words, and a passage only
/// on evidence of copying (a verbatim run of ordinary prose, or ordinary words kept in order), so common names and
/// retellings of one event are never a passage. <see cref="Pan"/> is the older preset for PAN text alignment, tuned
/// on the PAN 2013 training corpus (the only labelled data at hand, so its scores there are optimistic).
/// </remarks>
public readonly record struct AlignmentOptions
{
    /// <summary>The defaults (see the type remarks).</summary>
    public AlignmentOptions() { }

    /// <summary>
    /// Preset for PAN text alignment: single content-word seeds (rare in both texts) with wider gaps (random word operations,
    /// machine-translation round trips and summaries scatter the shared words), and one source span per
    /// suspicious span (<see cref="ResolveOverlaps"/>), as the PAN ground truth has.
    /// </summary>
    public static AlignmentOptions Pan => new()
    {
        ContentSeedSize = 1,
        MinAnchorWords = 0,
        MinOrderedWords = 0,
        MaxGap = 20,
        MinCoverage = 0.25,
        TrimDensity = 0.25,
        MergeGap = 40,
        MaxOccurrences = 8,
        SummaryGap = 100,
        ResolveOverlaps = true,
    };

    /// <summary>Tokens per exact seed n-gram. Default 3.</summary>
    public int SeedSize { get; init; } = 3;

    /// <summary>
    /// Content words (English function words skipped) per unordered seed; 0 turns these seeds off. Default 1: robust to
    /// changed function words and local swaps; retellings of one event, which share content words too, are kept out by
    /// the evidence a passage needs (<see cref="MinAnchorWords"/>, <see cref="MinOrderedWords"/>).
    /// </summary>
    public int ContentSeedSize { get; init; } = 1;

    /// <summary>
    /// Least length, in words, of the longest exactly copied run inside a passage; 0 turns the check off. Default 8:
    /// edited reposts keep long verbatim runs, chance chains of names and stock phrases do not. Off for PAN, whose
    /// obfuscated cases are scored on recall.
    /// </summary>
    public int MinAnchorWords { get; init; } = 8;

    /// <summary>
    /// Least number of ordinary words (content words that are not names) a passage must match in the same order on both
    /// sides when it has no verbatim run of <see cref="MinAnchorWords"/>; 0 turns this test off (then the anchor
    /// run alone decides, or nothing when it is off too). Default 6.
    /// </summary>
    public int MinOrderedWords { get; init; } = 6;

    /// <summary>Least share (0..1) of the shorter side's ordinary words that <see cref="MinOrderedWords"/> must reach. Default 0.3.</summary>
    public double MinOrderedShare { get; init; } = 0.3;

    /// <summary>Largest gap, in tokens, between two seeds of one passage, in each text. Default 20.</summary>
    public int MaxGap { get; init; } = 20;

    /// <summary>Largest gap, in tokens, across which two passages merge, in each text. Default 40.</summary>
    public int MergeGap { get; init; } = 40;

    /// <summary>Shortest passage, in tokens, on each side. Default 20.</summary>
    public int MinWords { get; init; } = 20;

    /// <summary>Least share of each side's tokens covered by shared seeds (0..1). Default 0.25.</summary>
    public double MinCoverage { get; init; } = 0.25;

    /// <summary>
    /// Seed density (0..1) below which a passage's ends are trimmed: on each side the passage is cut to the
    /// segment maximising covered tokens x (1 - d) minus uncovered tokens x d, so a chain that wandered into
    /// sparse chance matches past the reused text is pulled back, while a short gap (a dropped sentence)
    /// inside dense reuse stays. 0 turns trimming off. Default 0.25.
    /// </summary>
    public double TrimDensity { get; init; } = 0.25;

    /// <summary>
    /// Largest gap, in tokens of text B, in a second pass that looks for A condensing a stretch of B at least twice
    /// as long (a summary); 0 turns the pass off. Default 100.
    /// </summary>
    public int SummaryGap { get; init; } = 100;

    /// <summary>A seed occurring more often than this in either text is too common to anchor anything. Default 8.</summary>
    public int MaxOccurrences { get; init; } = 8;

    /// <summary>
    /// When two passages overlap in text A, keep only the one with more matched tokens (one source
    /// span per suspicious span, as PAN's ground truth has). Default true.
    /// </summary>
    public bool ResolveOverlaps { get; init; } = true;
}
