namespace ReuseDetect.Alignment;

/// <summary>
/// Finds reused passages between two token sequences (or inside one).
/// <list type="number">
/// <item>Seeds: shared exact token n-grams (<see cref="AlignmentOptions.SeedSize"/>) and shared unordered runs of
/// content words (<see cref="AlignmentOptions.ContentSeedSize"/>), both skipped when too common.</item>
/// <item>Chaining: seeds within <see cref="AlignmentOptions.MaxGap"/> tokens of each other in both texts share a
/// chain (single linkage in the two-dimensional position space, so edits, insertions and deletions inside a passage
/// do not split it, and swapped paragraphs are found as separate passages).</item>
/// <item>Merging: chains within <see cref="AlignmentOptions.MergeGap"/> in both texts merge.</item>
/// <item>Filtering: a passage is kept when it is at least <see cref="AlignmentOptions.MinWords"/> tokens on each side
/// and enough of each side is covered by seeds; optionally only the best of passages overlapping in A is kept.</item>
/// </list>
/// Passage ends always fall on matched tokens.
/// </summary>
public sealed partial class PassageAligner
{
    readonly AlignmentOptions _options;

    /// <summary>Creates an aligner.</summary>
    public PassageAligner(AlignmentOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SeedSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ContentSeedSize, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinWords, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxGap, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MergeGap, nameof(options));
        _options = options;
    }

    /// <summary>The options in force.</summary>
    public AlignmentOptions Options => _options;

    /// <summary>Aligns token hash sequences <paramref name="a"/> and <paramref name="b"/>.</summary>
    public List<AlignedPassage> Align(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) => AlignCore(a, b, self: false);

    /// <summary>Finds passages repeated inside one token sequence (A before B; the two spans never overlap).</summary>
    public List<AlignedPassage> AlignSelf(ReadOnlySpan<ulong> a) => AlignCore(a, a, self: true);

    List<AlignedPassage> AlignCore(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, bool self)
    {
        var result = new List<AlignedPassage>();
        int least = Math.Max(_options.SeedSize, _options.MinWords);
        if (a.Length < least || b.Length < least) return result;
        Seed[] seeds = FindSeeds(a, b, self);
        if (seeds.Length == 0) return result;
        List<Box> boxes = [];
        foreach (int[] g in ChainSeeds(seeds))
        {
            if (g.Length < 2) continue;
            Box box = Measure(seeds, g);
            if (box.Coverage >= _options.MinCoverage) boxes.Add(box);
        }
        var kept = new List<Box>();
        foreach (Box merged in MergeBoxes(seeds, boxes))
        {
            Box box = _options.TrimDensity > 0 ? Trim(seeds, merged, _options.TrimDensity) : merged;
            if (box.ALength < _options.MinWords || box.BLength < _options.MinWords) continue;
            if (box.Coverage < _options.MinCoverage) continue;
            if (self && box.BStart < box.AEnd) continue;
            kept.Add(box);
        }
        if (_options.ResolveOverlaps) kept = ResolveOverlaps(kept);
        foreach (Box box in kept)
            result.Add(new AlignedPassage(box.AStart, box.AEnd, box.BStart, box.BEnd, box.MatchedA, box.MatchedB));
        result.Sort((x, y) => x.AStart != y.AStart ? x.AStart.CompareTo(y.AStart) : x.BStart.CompareTo(y.BStart));
        return result;
    }

    /// <summary>A shared gram: token ranges <c>[A, A + ALen)</c> and <c>[B, B + BLen)</c>.</summary>
    readonly record struct Seed(int A, int B, int ALen, int BLen) : IComparable<Seed>
    {
        public int AEnd => A + ALen;
        public int BEnd => B + BLen;

        public int CompareTo(Seed other) =>
            A != other.A ? A.CompareTo(other.A) : B != other.B ? B.CompareTo(other.B)
            : ALen != other.ALen ? ALen.CompareTo(other.ALen) : BLen.CompareTo(other.BLen);
    }

    /// <summary>Bounding box of a group of seeds and the tokens the seeds cover on each side.</summary>
    readonly record struct Box(int AStart, int AEnd, int BStart, int BEnd, int MatchedA, int MatchedB, int[] Seeds)
    {
        public int ALength => AEnd - AStart;
        public int BLength => BEnd - BStart;
        public double Coverage => Math.Min((double)MatchedA / ALength, (double)MatchedB / BLength);
    }
}
