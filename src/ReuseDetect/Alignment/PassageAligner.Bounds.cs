using System.Buffers;

namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>
    /// The least share of each side's tokens that any close passage of these seeds must have matched to be kept
    /// (<see cref="Passages"/>: <see cref="AlignmentOptions.MinCoverage"/>, and for <see cref="HasEvidence"/> without a
    /// verbatim run, <see cref="ReworkedCoverage"/>), or -1 when no close passage can pass its evidence test at all.
    /// </summary>
    /// <remarks>
    /// Follows <see cref="HasEvidence"/> for a close passage (anchor counts, ordered words as given, factor 1). Its anchor
    /// (<see cref="IsAnchored"/>) is a run of exact seeds inside the box; no box has a longer run than all the seeds have
    /// (<see cref="LongestExactRun(Seed[], SeedGrams?, bool)"/>; <paramref name="distinctive"/> as the anchor test takes it), so when all the seeds hold no such run, no box is anchored and
    /// the box passes only on ordered words, which first ask for <see cref="ReworkedCoverage"/>.
    /// </remarks>
    double CloseShareNeeded(Seed[] seeds, SeedGrams a, bool orderedCounts, bool distinctive)
    {
        bool anchorOn = _options.MinAnchorWords > 0, orderedOn = orderedCounts && _options.MinOrderedWords > 0;
        if (!orderedCounts && _options.MinOrderedWords > 0 && !anchorOn) return -1;
        if (!anchorOn && !orderedOn) return _options.MinCoverage;
        if (anchorOn && (LongestExactRun(seeds, a, distinctive) >= _options.MinAnchorWords || LongestExactRun(seeds, null, false) >= _options.MinWords))
            return _options.MinCoverage;
        return orderedOn ? Math.Max(_options.MinCoverage, ReworkedCoverage) : -1;
    }

    /// <summary>
    /// Whether some stretch of at least <paramref name="minLength"/> tokens of one side (A or B) has at least
    /// <paramref name="share"/> of its tokens covered by the seeds' ranges on that side: false proves that no box of
    /// that many tokens on that side, made of any of these seeds, is matched that densely there.
    /// </summary>
    /// <remarks>
    /// Exact as a bound: a box is the bounding box of some of the seeds (<see cref="Measure"/>; trimming keeps a subset
    /// and measures again), so its matched tokens on a side are tokens of its extent covered by some seed's range there,
    /// never more than all seeds cover in that extent. The share is compared in thousandths rounded down, less one, so
    /// the test only ever errs towards "may be": no rounding of the box's own floating-point test can slip past it.
    /// </remarks>
    static bool MayBeCovered(Seed[] seeds, bool sideA, int tokenCount, int minLength, double share)
    {
        if (tokenCount < minLength) return false;
        long per = (long)Math.Floor(share * 1000) - 1;
        if (per <= 0 || seeds.Length == 0) return per <= 0;
        byte[] covered = ArrayPool<byte>.Shared.Rent(tokenCount);
        long[] before = ArrayPool<long>.Shared.Rent(tokenCount + 1);
        try
        {
            Array.Clear(covered, 0, tokenCount);
            foreach (Seed s in seeds)
            {
                int from = sideA ? s.A : s.B, to = sideA ? s.AEnd : s.BEnd;
                covered.AsSpan(from, to - from).Fill(1);
            }
            // A stretch [s, e) is dense enough when the sum over its tokens of 1000 (covered) less the share per token is
            // not negative: the prefix sum at e minus the least prefix sum at any s at least minLength before e.
            long sum = 0, least = long.MaxValue;
            before[0] = 0;
            for (int t = 0; t < tokenCount; t++)
            {
                sum += covered[t] * 1000L - per;
                before[t + 1] = sum;
                int e = t + 1;
                if (e < minLength) continue;
                least = Math.Min(least, before[e - minLength]);
                if (sum - least >= 0) return true;
            }
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(covered);
            ArrayPool<long>.Shared.Return(before);
        }
    }
}
