using System.Buffers;

namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>
    /// Matched word pairs that must be distinctive (ordinary words the corpus does not use everywhere) for ordered evidence
    /// to count: a template ("Oper shr loss two cts vs profit seven cts") matches only common words, in order.
    /// </summary>
    const int MinDistinctiveWords = 2;

    /// <summary>Least share of each side a close passage without a verbatim run must have matched.</summary>
    const double ReworkedCoverage = 0.35;

    /// <summary>
    /// The two texts' word kinds, for the seeds of one alignment. <paramref name="DistinctiveAnchor"/>: the pair is
    /// aligned for verbatim passages only (it shares too few content fingerprints, or no pair of content words, to hold
    /// reworded text), so its verbatim run is its only evidence and must be distinctive prose: its
    /// <see cref="AnchorOrdinaryWords"/> ordinary words must be ones the corpus does not use everywhere
    /// (<see cref="WordKinds.Ordinary"/>, not <see cref="WordKinds.Common"/>). Wire copy is written to templates ("said it
    /// filed a registration statement with the Securities and Exchange Commission covering a proposed offering", "Oper shr
    /// loss two cts vs"): two different companies' filings share such a run, and nothing else.
    /// </summary>
    readonly record struct Evidence(SeedGrams A, SeedGrams B, bool DistinctiveAnchor);

    /// <summary>
    /// Whether a box is reuse rather than two texts about the same thing. Either test is enough: a verbatim run of
    /// <see cref="AlignmentOptions.MinAnchorWords"/> words (when <paramref name="anchorCounts"/>), or at least
    /// <see cref="AlignmentOptions.MinOrderedWords"/> ordinary words (<see cref="WordKinds.Ordinary"/>) matched in the
    /// same order on both sides, making up <see cref="AlignmentOptions.MinOrderedShare"/> of the ordinary words of the
    /// shorter side. Reworded copies (edits, translation round trips, summaries) keep their ordinary words in order;
    /// retellings of one event share names and stock phrases. Inside one document (<paramref name="orderedCounts"/>
    /// false), where an article's topic words recur all through it, only the verbatim run counts. With both tests
    /// off, every box passes.
    /// </summary>
    bool HasEvidence(ReadOnlySpan<Seed> seeds, Box box, Evidence evidence, bool anchorCounts, bool orderedCounts, double orderedFactor = 1, double orderedShare = 0)
    {
        bool anchorOn = anchorCounts && _options.MinAnchorWords > 0, orderedOn = orderedCounts && _options.MinOrderedWords > 0;
        // With the ordered test left out for this box but in force, only the anchor can pass it.
        if (!orderedCounts && _options.MinOrderedWords > 0 && !anchorOn) return false;
        if (!anchorOn && !orderedOn) return true;
        // A verbatim run of ordinary prose anchors a passage; so does a verbatim run as long as a whole passage, whatever
        // its words (a story reposted by many outlets is all stock phrase by the time the corpus has seen it).
        if (anchorOn && IsAnchored(seeds, box, evidence.A, evidence.DistinctiveAnchor)) return true;
        if (!orderedOn) return false;
        // Without a verbatim run, a passage rests on reworded text: it must be matched densely enough to be a copy.
        if (orderedFactor <= 1 && box.Coverage < ReworkedCoverage) return false;
        // One side more than twice the other condenses it: a summary, which must show a summary's evidence, wherever
        // it was found. Two accounts of one event meet this way: a paragraph that retells in one sentence what the
        // other tells in three, sharing its names, figures and stock words in order.
        if (orderedFactor < SummaryEvidenceFactor && Condenses(box))
        {
            orderedFactor = SummaryEvidenceFactor;
            orderedShare = Math.Max(orderedShare, SummaryOrderedShare);
        }
        int ordered = OrderedOrdinaryMatches(seeds, box, evidence.A, evidence.B, null, out int distinctive);
        if (ordered < orderedFactor * _options.MinOrderedWords || distinctive < MinDistinctiveWords) return false;
        int shorter = Math.Min(evidence.A.OrdinaryIn(box.AStart, box.AEnd), evidence.B.OrdinaryIn(box.BStart, box.BEnd));
        return ordered >= Math.Max(orderedShare, _options.MinOrderedShare) * shorter
            && !Figures.Disagree(evidence.A.Figures, box.AStart, box.AEnd, evidence.B.Figures, box.BStart, box.BEnd);
    }

    /// <summary>Whether one side of a box is more than <see cref="SummaryLengthRatio"/> times as long as the other.</summary>
    static bool Condenses(Box box) =>
        Math.Max(box.ALength, box.BLength) > SummaryLengthRatio * Math.Min(box.ALength, box.BLength);

    /// <summary>
    /// Whether a box holds a verbatim run of ordinary prose (<see cref="AlignmentOptions.MinAnchorWords"/>), or a verbatim
    /// run as long as a whole passage, whatever its words (a story reposted by many outlets is all stock phrase by the
    /// time the corpus has seen it).
    /// </summary>
    bool IsAnchored(ReadOnlySpan<Seed> seeds, Box box, SeedGrams a, bool distinctive) =>
        _options.MinAnchorWords > 0 && (LongestExactRun(seeds, box, a, distinctive) >= _options.MinAnchorWords || LongestExactRun(seeds, box, null, false) >= _options.MinWords);

    /// <summary>
    /// Whether a summary box has evidence of its own in the A text that the close passages <paramref name="close"/> leave
    /// unexplained: a summary that is only true where it runs over a copied paragraph is that copy, stretched over chance
    /// words of the same topic.
    /// </summary>
    bool HasOwnEvidence(ReadOnlySpan<Seed> seeds, Box box, Evidence evidence, List<Box> close)
    {
        if (_options.MinOrderedWords <= 0) return true;
        int ordinary = evidence.A.OrdinaryIn(box.AStart, box.AEnd);
        foreach (Box k in close)
        {
            int s = Math.Max(k.AStart, box.AStart), e = Math.Min(k.AEnd, box.AEnd);
            if (e > s) ordinary -= evidence.A.OrdinaryIn(s, e);
        }
        int ordered = OrderedOrdinaryMatches(seeds, box, evidence.A, evidence.B, close, out int distinctive);
        return ordered >= _options.MinOrderedWords && ordered >= _options.MinOrderedShare * ordinary && distinctive >= MinDistinctiveWords;
    }

    /// <summary>
    /// The most ordinary words of a box matched in the same order on both sides: the longest chain of matched token
    /// pairs (a, b) increasing in both, over the tokens its seeds pair up (an exact n-gram pairs its tokens one to
    /// one; an unordered content run pairs its first words).
    /// </summary>
    static int OrderedOrdinaryMatches(ReadOnlySpan<Seed> seeds, Box box, SeedGrams a, SeedGrams b, List<Box>? skipA = null) =>
        OrderedOrdinaryMatches(seeds, box, a, b, skipA, out _);

    /// <summary>
    /// <see cref="OrderedOrdinaryMatches(ReadOnlySpan{Seed}, Box, SeedGrams, SeedGrams, List{Box}?)"/>, and how many matched word
    /// pairs (in any order) are distinctive: ordinary words that are not common in the corpus (<see cref="WordKinds.Common"/>).
    /// </summary>
    static int OrderedOrdinaryMatches(ReadOnlySpan<Seed> seeds, Box box, SeedGrams a, SeedGrams b, List<Box>? skipA, out int distinctive)
    {
        byte[] ka = a.Kinds, kb = b.Kinds;
        distinctive = 0;
        // An exact seed pairs at most as many tokens as it is long on its shorter side, a content seed one.
        int most = 0;
        foreach (int i in box.Seeds.AsSpan()) most += seeds[i].Exact ? Math.Min(seeds[i].ALen, seeds[i].BLen) : 1;
        if (most == 0) return 0;
        long[] rented = ArrayPool<long>.Shared.Rent(most);
        int[] tails = ArrayPool<int>.Shared.Rent(most);
        try
        {
            // Each pair packed as (a high, b low as its complement), so that sorting the words puts them by a ascending,
            // then b descending: a strictly increasing run of b then takes at most one pair per a.
            int count = 0;
            foreach (int i in box.Seeds.AsSpan())
            {
                Seed s = seeds[i];
                int n = s.Exact ? Math.Min(s.ALen, s.BLen) : 1;
                for (int t = 0; t < n; t++)
                {
                    int pa = s.A + t, pb = s.B + t;
                    if (pa < box.AStart || pa >= box.AEnd || pb < box.BStart || pb >= box.BEnd) continue;
                    if (skipA is not null && InsideAny(skipA, pa)) continue;
                    if (!WordKinds.IsOrdinary(ka[pa]) || !WordKinds.IsOrdinary(kb[pb])) continue;
                    rented[count++] = ((long)pa << 32) | (uint)~pb;
                }
            }
            if (count == 0) return 0;
            Span<long> pairs = rented.AsSpan(0, count);
            pairs.Sort();
            // A word of A counts once as distinctive, however many seeds (its n-grams, its content run) pair it.
            int lastA = -1;
            foreach (long p in pairs)
            {
                int pa = (int)(p >> 32), pb = ~(int)p;
                if (pa == lastA || ka[pa] != WordKinds.Ordinary || kb[pb] != WordKinds.Ordinary) continue;
                distinctive++;
                lastA = pa;
            }
            int length = 0;
            foreach (long p in pairs)
            {
                int v = ~(int)p;
                int lo = 0, hi = length;
                while (lo < hi)
                {
                    int mid = (lo + hi) >>> 1;
                    if (tails[mid] < v) lo = mid + 1;
                    else hi = mid;
                }
                tails[lo] = v;
                if (lo == length) length++;
            }
            return length;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
            ArrayPool<int>.Shared.Return(tails);
        }
    }

    /// <summary>Whether token <paramref name="pa"/> of A lies inside any of <paramref name="boxes"/>.</summary>
    static bool InsideAny(List<Box> boxes, int pa)
    {
        foreach (Box k in boxes)
            if (pa >= k.AStart && pa < k.AEnd) return true;
        return false;
    }
}
