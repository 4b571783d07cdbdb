using System.Buffers;

namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>
    /// Whether these seeds may yield a close passage and a summary passage (each asked only when <paramref name="close"/>,
    /// <paramref name="summaries"/>): false proves that none can be found, so the work towards it is not done.
    /// </summary>
    /// <remarks>
    /// A close passage is at least <see cref="AlignmentOptions.MinWords"/> tokens on each side, with the share of each
    /// side matched that <see cref="CloseShareNeeded"/> gives (<see cref="Passages"/>); a summary passage is at least
    /// <see cref="SummaryMinWordsFactor"/> x MinWords tokens of A, <see cref="SummaryMinCoverageA"/> of them matched
    /// (<see cref="SummaryPassages"/>). A passage's box is the bounding box of some of the seeds (<see cref="Measure"/>;
    /// trimming keeps a subset and measures it again), so the tokens it has matched on a side are tokens of its extent
    /// that some seed's range covers there: never more than all the seeds cover in that extent. Without a stretch of
    /// that length covered that densely by all the seeds (<see cref="DenseStretch"/>), no box can pass.
    /// </remarks>
    (bool Close, bool Summaries) MayYield(ReadOnlySpan<Seed> seeds, SeedGrams a, SeedGrams b, bool close, bool summaries, double share)
    {
        if (!close && !summaries) return (false, false);
        byte[] covered = ArrayPool<byte>.Shared.Rent(Math.Max(a.TokenCount, b.TokenCount));
        try
        {
            Span<byte> onA = Covered(seeds, sideA: true, covered.AsSpan(0, a.TokenCount));
            if (summaries) summaries = DenseStretch(onA, SummaryMinWordsFactor * _options.MinWords, SummaryMinCoverageA);
            if (close) close = DenseStretch(onA, _options.MinWords, share);
            if (close) close = DenseStretch(Covered(seeds, sideA: false, covered.AsSpan(0, b.TokenCount)), _options.MinWords, share);
            return (close, summaries);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(covered);
        }
    }

    /// <summary>Marks in <paramref name="covered"/> (one entry a token of a side) the tokens some seed's range covers on that side.</summary>
    static Span<byte> Covered(ReadOnlySpan<Seed> seeds, bool sideA, Span<byte> covered)
    {
        covered.Clear();
        foreach (Seed s in seeds)
        {
            int to = sideA ? s.AEnd : s.BEnd;
            for (int t = sideA ? s.A : s.B; t < to; t++) covered[t] = 1;
        }
        return covered;
    }

    /// <summary>
    /// Whether some stretch of at least <paramref name="minLength"/> tokens has at least <paramref name="share"/> of its
    /// tokens marked in <paramref name="covered"/>. The share is compared in thousandths rounded down, less one, so the
    /// test only ever errs towards "yes": no rounding of a box's own floating-point test can slip past it.
    /// </summary>
    static bool DenseStretch(ReadOnlySpan<byte> covered, int minLength, double share)
    {
        int n = covered.Length;
        if (n < minLength) return false;
        long per = (long)Math.Floor(share * 1000) - 1;
        if (per <= 0) return true;
        long up = 1000 - per;
        // A stretch [s, e) is dense enough when the sum over its tokens of 1000 (if covered) less the share is not
        // negative: the prefix sum at e, less the least prefix sum at any s at least minLength before e (kept up as the
        // prefix sum minLength behind, the lag, moves on).
        long sum = 0, lag = 0, least = long.MaxValue;
        for (int t = 0; t < n; t++)
        {
            sum += covered[t] != 0 ? up : -per;
            int e = t + 1;
            if (e < minLength) continue;
            if (e > minLength) lag += covered[e - minLength - 1] != 0 ? up : -per;
            least = Math.Min(least, lag);
            if (sum >= least) return true;
        }
        return false;
    }

    /// <summary>
    /// The least share of each side's tokens that any close passage of these seeds must have matched to be kept
    /// (<see cref="Passages"/>: <see cref="AlignmentOptions.MinCoverage"/>, and for <see cref="HasEvidence"/> without a
    /// verbatim run, <see cref="ReworkedCoverage"/>), or -1 when no close passage can pass its evidence test at all.
    /// </summary>
    /// <remarks>
    /// Follows <see cref="HasEvidence"/> for a close passage (anchor counts, ordered words as given, factor 1). Its anchor
    /// (<see cref="IsAnchored"/>) is a run of exact seeds inside the box; no box has a longer run than all the seeds have
    /// (<see cref="LongestExactRun(ReadOnlySpan{Seed}, SeedGrams?, bool)"/>, with <paramref name="distinctive"/> as the anchor test
    /// takes it), so when all the seeds hold no such run, no box is anchored and the box passes only on ordered words,
    /// which first ask for <see cref="ReworkedCoverage"/>. The run without the test of words is never shorter than the
    /// run with it, so it is looked at first.
    /// </remarks>
    double CloseShareNeeded(ReadOnlySpan<Seed> seeds, SeedGrams a, bool orderedCounts, bool distinctive)
    {
        bool anchorOn = _options.MinAnchorWords > 0, orderedOn = orderedCounts && _options.MinOrderedWords > 0;
        if (!orderedCounts && _options.MinOrderedWords > 0 && !anchorOn) return -1;
        if (!anchorOn && !orderedOn) return _options.MinCoverage;
        if (anchorOn)
        {
            int any = LongestExactRun(seeds, null, false);
            if (any >= _options.MinWords || (any >= _options.MinAnchorWords && LongestExactRun(seeds, a, distinctive) >= _options.MinAnchorWords))
                return _options.MinCoverage;
        }
        return orderedOn ? Math.Max(_options.MinCoverage, ReworkedCoverage) : -1;
    }
}
