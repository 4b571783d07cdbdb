using ReuseDetect.Internal;
using System.Buffers;
using System.Runtime.CompilerServices;

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
/// Passage ends fall on matched tokens, or on a sentence's bounds where the passage opens or ends inside a sentence whose
/// rest still shares words in both texts (<see cref="CompleteSentences"/>).
/// </summary>
sealed partial class PassageAligner
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
    public List<AlignedPassage> Align(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) =>
        TooShort(a.Length, b.Length) ? [] : AlignCore(Prepare(a), Prepare(b), self: false, anchoredOnly: false);

    /// <summary>Finds passages repeated inside one token sequence (A before B; the two spans never overlap).</summary>
    public List<AlignedPassage> AlignSelf(ReadOnlySpan<ulong> a)
    {
        if (TooShort(a.Length, a.Length)) return [];
        SeedGrams grams = Prepare(a);
        return AlignCore(grams, grams, self: true, anchoredOnly: true);
    }

    /// <summary>
    /// Aligns two texts prepared by <see cref="Prepare(ReadOnlySpan{ulong})"/> (under options giving the same grams, see <see cref="CanUse"/>);
    /// the same passages as <see cref="Align(ReadOnlySpan{ulong}, ReadOnlySpan{ulong})"/> on their tokens.
    /// </summary>
    public List<AlignedPassage> Align(SeedGrams a, SeedGrams b) => Align(a, b, anchoredOnly: false);

    /// <summary>
    /// <see cref="Align(SeedGrams, SeedGrams)"/>; with <paramref name="anchoredOnly"/>, only passages a verbatim run
    /// anchors (no reworded or summary passage): for two texts that share no reworded prose to speak of, found much faster.
    /// </summary>
    public List<AlignedPassage> Align(SeedGrams a, SeedGrams b, bool anchoredOnly)
    {
        Check(a);
        Check(b);
        return TooShort(a.TokenCount, b.TokenCount) ? [] : AlignCore(a, b, self: false, anchoredOnly);
    }

    /// <summary>
    /// Aligns two prepared texts whose order means nothing (two documents of a corpus): the longer text is taken as A,
    /// as <see cref="Align(SeedGrams, SeedGrams)"/> expects of a suspicious document against its source, and the
    /// passages are given back in the order of the arguments. The result depends on the texts, not on their order.
    /// </summary>
    public List<AlignedPassage> AlignEitherWay(SeedGrams a, SeedGrams b, bool anchoredOnly = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.TokenCount >= b.TokenCount) return Align(a, b, anchoredOnly);
        // The passages of the swapped texts, swapped back in place.
        List<AlignedPassage> result = Align(b, a, anchoredOnly);
        for (int i = 0; i < result.Count; i++)
        {
            AlignedPassage p = result[i];
            result[i] = new AlignedPassage(p.BStart, p.BEnd, p.AStart, p.AEnd, p.MatchedB, p.MatchedA, p.Anchored);
        }
        result.Sort((x, y) => x.AStart != y.AStart ? x.AStart.CompareTo(y.AStart) : x.BStart.CompareTo(y.BStart));
        return result;
    }

    /// <summary>
    /// Finds passages repeated inside one text prepared by <see cref="Prepare(ReadOnlySpan{ulong})"/>; the same passages as
    /// <see cref="AlignSelf(ReadOnlySpan{ulong})"/> on its tokens.
    /// </summary>
    public List<AlignedPassage> AlignSelf(SeedGrams a)
    {
        Check(a);
        return TooShort(a.TokenCount, a.TokenCount) ? [] : AlignCore(a, a, self: true, anchoredOnly: true);
    }

    void Check(SeedGrams grams)
    {
        if (!CanUse(grams)) throw new ArgumentException("The seed grams were prepared under other options.", nameof(grams));
    }

    bool TooShort(int a, int b)
    {
        int least = Math.Max(_options.SeedSize, _options.MinWords);
        return a < least || b < least;
    }

    List<AlignedPassage> AlignCore(SeedGrams a, SeedGrams b, bool self, bool anchoredOnly)
    {
        Scratch work = TakeScratch();
        try
        {
            return AlignCore(a, b, self, anchoredOnly, work);
        }
        finally
        {
            GiveBack(work);
        }
    }

    List<AlignedPassage> AlignCore(SeedGrams a, SeedGrams b, bool self, bool anchoredOnly, Scratch work)
    {
        // Inside one text, or when only anchored passages are asked for, or when the anchor is the only evidence there
        // is, every passage holds an exact run of MinAnchorWords, and a run inside a passage is a run among all the
        // seeds: without one anywhere, nothing can be found.
        if (!anchoredOnly && !self && _options.MinOrderedWords > 0 && !MayHoldReworded(a, b)) anchoredOnly = true;
        bool orderedPath = !anchoredOnly && _options.MinOrderedWords > 0;
        int anchor = _options.MinAnchorWords > 0 && (anchoredOnly || (!orderedPath && _options.SummaryGap <= 0)) ? _options.MinAnchorWords : 0;
        ReadOnlySpan<Seed> seeds = FindSeeds(a, b, self, anchor, work);
        if (seeds.IsEmpty) return [];
        var evidence = new Evidence(a, b, DistinctiveAnchor: anchoredOnly && !self);
        // Passages need stretches of text densely covered by seeds (MayYield says why the bound is exact): without them
        // for a summary, neither the wide chains nor the summary pass are made; without them for either, nothing is.
        double share = CloseShareNeeded(seeds, a, orderedCounts: !self && !anchoredOnly, evidence.DistinctiveAnchor);
        var (close, summaries) = MayYield(seeds, a, b, share >= 0, _options.SummaryGap > 0 && !self && !anchoredOnly, share);
        if (!close && !summaries) return [];
        ChainSeeds(seeds, _options.MaxGap, _options.MaxGap, summaries ? _options.SummaryGap : -1, evidence, work);
        List<Box> kept = close ? Passages(seeds, work.CloseChains, new Gaps(_options.MergeGap, _options.MergeGap), self, evidence, anchoredOnly, work) : work.BoxList();
        if (!self) CompleteSentences(seeds, kept, evidence);
        if (summaries) kept.AddRange(Summaries(seeds, work.WideChains, evidence, kept, work));
        if (_options.ResolveOverlaps) kept = ResolveOverlaps(kept, work);
        var result = new List<AlignedPassage>(kept.Count);
        foreach (Box box in kept)
            result.Add(new AlignedPassage(box.AStart, box.AEnd, box.BStart, box.BEnd, box.MatchedA, box.MatchedB, IsAnchored(seeds, box, a, evidence.DistinctiveAnchor)));
        result.Sort((x, y) => x.AStart != y.AStart ? x.AStart.CompareTo(y.AStart) : x.BStart.CompareTo(y.BStart));
        return result;
    }

    /// <summary>
    /// Summary passages where A condenses B, minus those the close passages <paramref name="kept"/> already explain.
    /// </summary>
    List<Box> Summaries(ReadOnlySpan<Seed> seeds, List<ArraySegment<int>> chains, Evidence evidence, List<Box> kept, Scratch work)
    {
        List<Box> summaries = SummaryPassages(seeds, chains, evidence, work);
        int left = 0;
        for (int i = 0; i < summaries.Count; i++)
            if (!Explained(seeds, summaries[i], evidence, kept)) summaries[left++] = summaries[i];
        summaries.RemoveRange(left, summaries.Count - left);
        return summaries;
    }

    /// <summary>Whether the close passages <paramref name="kept"/> already explain the summary passage <paramref name="s"/>.</summary>
    bool Explained(ReadOnlySpan<Seed> seeds, Box s, Evidence evidence, List<Box> kept)
    {
        // A summary passage only fills A text the close passages left (nearly all) unexplained: where they
        // already account for A, the summary pass would only stretch them over chance matches in B.
        if (CoveredInA(kept, s.AStart, s.AEnd) > SummaryExplained * s.ALength) return true;
        foreach (Box k in kept)
        {
            // Nor may it span B text that a close passage already ties to another place in A: a summary of B
            // would have drawn on that text too, so the wide-gap match is chance vocabulary of the same topic.
            if (k.BStart < s.BEnd && s.BStart < k.BEnd && (k.AEnd <= s.AStart || s.AEnd <= k.AStart)) return true;
        }
        foreach (Box k in kept)
        {
            // A long verbatim copy is the strongest evidence there is; a wide-gap match must not displace it.
            if (k.AStart < s.AEnd && s.AStart < k.AEnd && 2 * k.ALength >= s.ALength && ExactShare(seeds, k) >= VerbatimShare) return true;
        }
        // What the close passages leave of it must be a summary by itself.
        return !HasOwnEvidence(seeds, s, evidence, kept);
    }

    /// <summary>Merges, trims and filters the close chains of seeds into passages of similar extent on both sides.</summary>
    List<Box> Passages(ReadOnlySpan<Seed> seeds, List<ArraySegment<int>> chains, Gaps gaps, bool self, Evidence evidence, bool anchoredOnly, Scratch work)
    {
        List<Box> boxes = work.BoxList();
        foreach (ArraySegment<int> g in chains)
        {
            Box box = Measure(seeds, g);
            if (box.Coverage >= _options.MinCoverage) boxes.Add(box);
        }
        List<Box> kept = work.BoxList();
        foreach (Box merged in MergeBoxes(seeds, boxes, gaps, evidence, work))
        {
            // Trimming (and OnPath) only ever keeps a subset of the box's seeds and measures them again, so a box is
            // never longer on a side after it than before: one too short already is dropped below whatever they do.
            if (merged.ALength < _options.MinWords || merged.BLength < _options.MinWords) continue;
            Box box = _options.TrimDensity > 0 ? Trim(seeds, merged, _options.TrimDensity, rounds: 3, work.Groups) : merged;
            // A repeat inside one document is a close copy: its ends keep to its path through both places.
            if (self) box = OnPath(seeds, box, _options.MaxGap, work.Groups);
            if (box.ALength < _options.MinWords || box.BLength < _options.MinWords) continue;
            if (box.Coverage < _options.MinCoverage) continue;
            if (self && box.BStart < box.AEnd) continue;
            if (!HasEvidence(seeds, box, evidence, anchorCounts: true, orderedCounts: !self && !anchoredOnly)) continue;
            kept.Add(box);
        }
        return kept;
    }

    /// <summary>
    /// Passages where A condenses a much longer stretch of B (a summary): the words of A stay dense, those of
    /// B spread out, so B may have gaps of <see cref="AlignmentOptions.SummaryGap"/> and only A must be densely covered.
    /// </summary>
    List<Box> SummaryPassages(ReadOnlySpan<Seed> seeds, List<ArraySegment<int>> chains, Evidence evidence, Scratch work)
    {
        var gaps = new Gaps(_options.MergeGap, _options.SummaryGap);
        List<Box> boxes = work.BoxList();
        foreach (ArraySegment<int> g in chains)
            if (g.Count >= 2) boxes.Add(Measure(seeds, g));
        List<Box> kept = work.BoxList();
        foreach (Box merged in MergeBoxes(seeds, boxes, gaps, evidence, work))
        {
            // As in Passages, trimming never lengthens a side: a box too short in A, or in B for twice the shortest A, is
            // dropped below whatever trimming does.
            if (merged.ALength < SummaryMinWordsFactor * _options.MinWords || merged.BLength < SummaryLengthRatio * SummaryMinWordsFactor * _options.MinWords) continue;
            Box box = _options.TrimDensity > 0 ? Trim(seeds, merged, Math.Max(_options.TrimDensity, SummaryTrimDensity), rounds: 1, work.Groups) : merged;
            if (box.ALength < SummaryMinWordsFactor * _options.MinWords || box.BLength < SummaryLengthRatio * box.ALength) continue;
            if ((double)box.MatchedA / box.ALength < SummaryMinCoverageA) continue;
            if (box.MatchedB < _options.MinCoverage * box.ALength) continue;
            // A summary rewords: its evidence is the ordinary words it keeps in order, never a verbatim run alone.
            if (!HasEvidence(seeds, box, evidence, anchorCounts: false, orderedCounts: true, SummaryEvidenceFactor, SummaryOrderedShare)) continue;
            kept.Add(box);
        }
        return kept;
    }

    /// <summary>
    /// The longest run of words copied exactly (consecutive exact seeds on one diagonal) inside a box, among runs holding
    /// at least <see cref="AnchorOrdinaryWords"/> ordinary words of <paramref name="a"/> (any run without it), or, when
    /// <paramref name="distinctive"/>, distinctive words (see <see cref="Evidence"/>). A reused passage, however
    /// edited, keeps some long verbatim run of ordinary prose; a chain of shared names and stock phrases ("Armenian Prime
    /// Minister Nikol Pashinian … in Yerevan on") does not, nor does a long name ("the Organization for Security and
    /// Cooperation in Europe").
    /// </summary>
    static int LongestExactRun(ReadOnlySpan<Seed> seeds, Box box, SeedGrams? a, bool distinctive)
    {
        int n = box.Seeds.Count;
        int[] inside = ArrayPool<int>.Shared.Rent(n);
        try
        {
            int count = 0, k = 0;
            bool sorted = true;
            foreach (int i in box.Seeds.AsSpan())
            {
                Seed s = seeds[i];
                if (!s.Exact || s.A < box.AStart || s.AEnd > box.AEnd || s.B < box.BStart || s.BEnd > box.BEnd) continue;
                if (count > 0) sorted &= i > inside[count - 1];
                inside[count++] = i;
                k = s.ALen;
            }
            Span<int> exact = inside.AsSpan(0, count);
            if (!sorted) NumberSort.Sort(exact);
            int t = LongestDiagonal(seeds, exact, k, a, distinctive);
            return t == 0 ? 0 : t + k - 1;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(inside);
        }
    }

    /// <summary>
    /// The longest run of exact seeds anywhere, as <see cref="LongestExactRun(ReadOnlySpan{Seed}, Box, SeedGrams?, bool)"/> counts it in a
    /// box (with its test of ordinary, or distinctive, words when <paramref name="a"/> is given). A box holds a subset of
    /// the seeds, so no box's run is longer: a seed's run among a subset is at most its run among all (the seed one step
    /// back on its diagonal is among all when it is among the subset), and a longer run ending at the same seed spans more
    /// words of A, so the words that let the shorter one count let the longer one count too.
    /// </summary>
    static int LongestExactRun(ReadOnlySpan<Seed> seeds, SeedGrams? a, bool distinctive)
    {
        int[] exact = ArrayPool<int>.Shared.Rent(seeds.Length);
        try
        {
            int count = 0, k = 0;
            for (int i = 0; i < seeds.Length; i++)
            {
                if (!seeds[i].Exact) continue;
                exact[count++] = i;
                k = seeds[i].ALen;
            }
            int t = LongestDiagonal(seeds, exact.AsSpan(0, count), k, a, distinctive);
            return t == 0 ? 0 : t + k - 1;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(exact);
        }
    }

    /// <summary>
    /// The most exact seeds at (a, b), (a + 1, b + 1), … among <paramref name="exact"/> (ascending indexes of exact
    /// seeds, so ordered by A, then B, with distinct (A, B)): each seed's run extends that of the seed one step back on its
    /// diagonal, looked up by merging the previous A's seeds (ordered by B). With <paramref name="grams"/> (A's), only runs whose
    /// A words (seeds of <paramref name="k"/> tokens) hold <see cref="AnchorOrdinaryWords"/> ordinary words count
    /// (distinctive ones when <paramref name="distinctive"/>).
    /// </summary>
    static int LongestDiagonal(ReadOnlySpan<Seed> seeds, ReadOnlySpan<int> exact, int k, SeedGrams? grams, bool distinctive)
    {
        if (exact.IsEmpty) return 0;
        int[] runs = ArrayPool<int>.Shared.Rent(exact.Length);
        try
        {
            int longest = 0, prevStart = 0, prevEnd = 0;
            for (int i = 0; i < exact.Length;)
            {
                int a = seeds[exact[i]].A, e = i + 1;
                while (e < exact.Length && seeds[exact[e]].A == a) e++;
                bool adjacent = prevEnd > prevStart && seeds[exact[prevStart]].A == a - 1;
                int p = prevStart;
                for (int x = i; x < e; x++)
                {
                    int run = 1;
                    if (adjacent)
                    {
                        int want = seeds[exact[x]].B - 1;
                        while (p < prevEnd && seeds[exact[p]].B < want) p++;
                        if (p < prevEnd && seeds[exact[p]].B == want) run = runs[p] + 1;
                    }
                    runs[x] = run;
                    int end = seeds[exact[x]].A + k;
                    if (run > longest && (grams is null || AnchorWords(grams, end - k - run + 1, Math.Min(end, grams.TokenCount), distinctive) >= AnchorOrdinaryWords)) longest = run;
                }
                prevStart = i;
                prevEnd = e;
                i = e;
            }
            return longest;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(runs);
        }
    }

    /// <summary>The words of a run that count towards <see cref="AnchorOrdinaryWords"/>: ordinary ones, or only distinctive ones.</summary>
    static int AnchorWords(SeedGrams grams, int start, int end, bool distinctive) =>
        distinctive ? grams.DistinctiveIn(start, end) : grams.OrdinaryIn(start, end);

    /// <summary>Tokens of A in <c>[start, end)</c> inside any of <paramref name="boxes"/>.</summary>
    [SkipLocalsInit]
    static int CoveredInA(List<Box> boxes, int start, int end)
    {
        long[]? rented = null;
        Span<long> ranges = boxes.Count <= 32 ? stackalloc long[32] : (rented = ArrayPool<long>.Shared.Rent(boxes.Count));
        try
        {
            // Each range packed as (start high, end low), so that sorting the words sorts by start, then end.
            int count = 0;
            foreach (Box b in boxes)
            {
                int s = Math.Max(start, b.AStart), e = Math.Min(end, b.AEnd);
                if (e > s) ranges[count++] = ((long)s << 32) | (uint)e;
            }
            Span<long> sorted = ranges[..count];
            sorted.Sort();
            int covered = 0, reach = start;
            foreach (long r in sorted)
            {
                int s = (int)(r >> 32), e = (int)r;
                if (e > reach) covered += e - Math.Max(s, reach);
                reach = Math.Max(reach, e);
            }
            return covered;
        }
        finally
        {
            if (rented is not null) ArrayPool<long>.Shared.Return(rented);
        }
    }

    // Chance matches scattered over wide B gaps can make a sparse A look like a summary; a real summary is
    // longer than the shortest passage and made mostly of the source's words (tuned on PAN 2013 training data).
    const int SummaryMinWordsFactor = 2;
    const double SummaryMinCoverageA = 0.5;
    const double SummaryTrimDensity = 0.3;
    const double SummaryExplained = 0.9;
    // Ordinary words a verbatim run must hold to anchor a passage.
    const int AnchorOrdinaryWords = 3;
    // A summary spreads its matches over a long stretch of B, where chance matches of the same topic gather too: it
    // must keep twice the ordinary words in order that a close passage must, and half of its own.
    const double SummaryEvidenceFactor = 2;
    const double SummaryOrderedShare = 0.5;
    // A summary's source is at least this many times as long as the summary (and a passage whose one side is more than
    // this many times the other is a summary, see HasEvidence).
    const int SummaryLengthRatio = 2;

    /// <summary>Largest gaps between merged chains in each text.</summary>
    readonly record struct Gaps(int MergeA, int MergeB);

    /// <summary>A shared gram: token ranges <c>[A, A + ALen)</c> and <c>[B, B + BLen)</c>; <c>Exact</c> for an exact n-gram.</summary>
    internal readonly record struct Seed(int A, int B, int ALen, int BLen, bool Exact) : IComparable<Seed>
    {
        public int AEnd => A + ALen;
        public int BEnd => B + BLen;

        public int CompareTo(Seed other) =>
            A != other.A ? A.CompareTo(other.A) : B != other.B ? B.CompareTo(other.B)
            : ALen != other.ALen ? ALen.CompareTo(other.ALen) : BLen != other.BLen ? BLen.CompareTo(other.BLen)
            : Exact.CompareTo(other.Exact);
    }

    /// <summary>
    /// Bounding box of a group of seeds and the tokens the seeds cover on each side. The group is a segment of the
    /// alignment's <see cref="Scratch.Groups"/>, read only while the alignment runs.
    /// </summary>
    internal readonly record struct Box(int AStart, int AEnd, int BStart, int BEnd, int MatchedA, int MatchedB, ArraySegment<int> Seeds)
    {
        public int ALength => AEnd - AStart;
        public int BLength => BEnd - BStart;
        public double Coverage => Math.Min((double)MatchedA / ALength, (double)MatchedB / BLength);
    }
}
