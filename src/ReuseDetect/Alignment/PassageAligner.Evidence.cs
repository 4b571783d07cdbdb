using ReuseDetect.Internal;
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
    internal readonly record struct Evidence(SeedGrams A, SeedGrams B, bool DistinctiveAnchor);

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
        double share = Math.Max(orderedShare, _options.MinOrderedShare);
        int ordered = OrderedOrdinaryMatches(seeds, box, evidence.A, evidence.B, null, out int distinctive, share, _options.MinOrderedWords);
        if (ordered < orderedFactor * _options.MinOrderedWords || distinctive < MinDistinctiveWords) return false;
        int shorter = Math.Min(evidence.A.OrdinaryIn(box.AStart, box.AEnd), evidence.B.OrdinaryIn(box.BStart, box.BEnd));
        return ordered >= share * shorter
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
        int ordered = OrderedOrdinaryMatches(seeds, box, evidence.A, evidence.B, close, out int distinctive, _options.MinOrderedShare, _options.MinOrderedWords);
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
    /// With <paramref name="movedShare"/> and <paramref name="movedLeast"/> given (the passage's share and least number of
    /// ordered words), the sentences of A may have been moved (<see cref="ReorderedSentences"/>).
    /// </summary>
    static int OrderedOrdinaryMatches(ReadOnlySpan<Seed> seeds, Box box, SeedGrams a, SeedGrams b, List<Box>? skipA, out int distinctive, double movedShare = 0, int movedLeast = 0)
    {
        byte[] ka = a.Kinds, kb = b.Kinds;
        distinctive = 0;
        // An exact seed pairs at most as many tokens as it is long on its shorter side, a content seed one.
        int most = 0;
        foreach (int i in box.Seeds.AsSpan()) most += seeds[i].Exact ? Math.Min(seeds[i].ALen, seeds[i].BLen) : 1;
        if (most == 0) return 0;
        long[] rented = ArrayPool<long>.Shared.Rent(most);
        int[] chain = ArrayPool<int>.Shared.Rent(2 * most);
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
            NumberSort.Sort(pairs);
            // A word of A counts once as distinctive, however many seeds (its n-grams, its content run) pair it.
            int lastA = -1;
            foreach (long p in pairs)
            {
                int pa = (int)(p >> 32), pb = ~(int)p;
                if (pa == lastA || ka[pa] != WordKinds.Ordinary || kb[pb] != WordKinds.Ordinary) continue;
                distinctive++;
                lastA = pa;
            }
            int length = IncreasingChain.Longest(pairs, chain.AsSpan(0, count), chain.AsSpan(count, count));
            return a.SentenceStarts is null || movedShare <= 0 || movedLeast <= 0 ? length : Math.Max(length, ReorderedSentences(pairs, a, b, movedShare, movedLeast));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
            ArrayPool<int>.Shared.Return(chain);
        }
    }

    /// <summary>
    /// The ordinary words matched in order when the sentences of A may have been moved as wholes (a copy that reorders
    /// its source's sentences, which the chaining and merging already take as one passage): each sentence of A keeps its
    /// own longest chain of pairs increasing in both texts, and sentences count, most ordered first, while the B stretches
    /// their chains span stay apart (the same B words are never counted twice, and sentences in their source's order add
    /// up to no more than one chain through them all). A sentence counts only as a copy by itself, by the tests a reworded
    /// passage must pass but its length: at least <paramref name="least"/> ordinary words in order
    /// (<see cref="AlignmentOptions.MinOrderedWords"/>: a few shared words, a name and a stock phrase, fall into the same
    /// order by chance, and two accounts of one event share them sentence by sentence), that many being the
    /// <paramref name="share"/> the passage must reach of the ordinary words of its whole sentence and of the whole
    /// sentences of B its chain runs through, and <see cref="MinDistinctiveWords"/> of them distinctive (a stock phrase of
    /// the trade, "surplus on the current account of the balance of payments", is all common words). Texts prepared
    /// without their sentences (token hashes alone) count one chain only. <paramref name="pairs"/>: the matched pairs
    /// packed as in <see cref="OrderedOrdinaryMatches(ReadOnlySpan{Seed}, Box, SeedGrams, SeedGrams, List{Box}?, out int, double, int)"/>,
    /// sorted.
    /// </summary>
    static int ReorderedSentences(ReadOnlySpan<long> pairs, SeedGrams a, SeedGrams b, double share, int least)
    {
        int n = pairs.Length;
        int[] work = ArrayPool<int>.Shared.Rent(2 * n);
        (int Ordered, int B0, int B1)[] spans = ArrayPool<(int, int, int)>.Shared.Rent(n);
        try
        {
            Span<int> tails = work.AsSpan(0, n), previous = work.AsSpan(n, n);
            int sentences = 0;
            for (int start = 0; start < n;)
            {
                // The pairs of one sentence of A: up to the next pair with a sentence opening between it and the one before.
                int end = start + 1;
                while (end < n && !a.SentenceOpensIn((int)(pairs[end - 1] >> 32), (int)(pairs[end] >> 32))) end++;
                // The sentence's chain; its indexes count from the sentence's first pair.
                Span<int> chain = previous[start..end];
                int length = IncreasingChain.Longest(pairs[start..end], tails, chain);
                if (length >= least)
                {
                    // The chain's first pair, and how many of its words are distinctive.
                    int last = start + tails[length - 1], first = last, distinctive = 0;
                    for (int x = tails[length - 1]; x >= 0; x = chain[x])
                    {
                        first = start + x;
                        if (a.Kinds[(int)(pairs[first] >> 32)] == WordKinds.Ordinary && b.Kinds[~(int)pairs[first]] == WordKinds.Ordinary) distinctive++;
                    }
                    int b0 = ~(int)pairs[first], b1 = ~(int)pairs[last];
                    // A moved sentence must be a copy by itself: its words in order are the share of its own ordinary words
                    // that the passage must reach, and of those of the sentences of B its chain runs through, whole.
                    (int s0, int s1) = a.SentenceAround((int)(pairs[start] >> 32), (int)(pairs[end - 1] >> 32), 0, a.TokenCount);
                    (int t0, int t1) = b.SentenceAround(b0, b1, 0, b.TokenCount);
                    if (distinctive >= MinDistinctiveWords && length >= share * a.OrdinaryIn(s0, s1) && length >= share * b.OrdinaryIn(t0, t1))
                        spans[sentences++] = (length, b0, b1);
                }
                start = end;
            }
            if (sentences < 2) return 0;
            Span<(int Ordered, int B0, int B1)> found = spans.AsSpan(0, sentences);
            // The most ordered first (ties by place in B, so the count does not depend on the sort); a sentence whose B
            // stretch meets a counted one's is left out. Counted sentences are moved to the front, where the test looks.
            found.Sort(static (x, y) => x.Ordered != y.Ordered ? y.Ordered.CompareTo(x.Ordered) : x.B0 != y.B0 ? x.B0.CompareTo(y.B0) : x.B1.CompareTo(y.B1));
            int total = 0, taken = 0;
            for (int i = 0; i < sentences; i++)
            {
                var x = found[i];
                bool apart = true;
                for (int j = 0; j < taken && apart; j++) apart = x.B1 < found[j].B0 || found[j].B1 < x.B0;
                if (!apart) continue;
                found[i] = found[taken];
                found[taken++] = x;
                total += x.Ordered;
            }
            return total;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(work);
            ArrayPool<(int, int, int)>.Shared.Return(spans);
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
