namespace ReuseDetect.Alignment;

/// <summary>
/// Options of the passage aligner. Seeds are shared token n-grams of <see cref="SeedSize"/>; seeds closer than
/// <see cref="MaxGap"/> tokens in both texts chain into one passage; chains close in both texts merge.
/// </summary>
public readonly record struct AlignmentOptions
{
    /// <summary>Defaults tuned on PAN 2013 (see README, "Quality").</summary>
    public AlignmentOptions() { }

    /// <summary>Tokens per seed n-gram.</summary>
    public int SeedSize { get; init; } = 3;

    /// <summary>Largest gap, in tokens, between two seeds of one passage, in each text.</summary>
    public int MaxGap { get; init; } = 12;

    /// <summary>Largest gap, in tokens, across which two passages merge, in each text.</summary>
    public int MergeGap { get; init; } = 30;

    /// <summary>Shortest passage, in tokens, on each side.</summary>
    public int MinWords { get; init; } = 20;

    /// <summary>Least share of each side's tokens covered by shared seeds (0..1).</summary>
    public double MinCoverage { get; init; } = 0.5;

    /// <summary>A seed n-gram occurring more often than this in either text is too common to anchor anything.</summary>
    public int MaxOccurrences { get; init; } = 16;
}
