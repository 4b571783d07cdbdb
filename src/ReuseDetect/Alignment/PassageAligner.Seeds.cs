using System.Buffers;
using ReuseDetect.Internal;
using ReuseDetect.Text;

namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>
    /// The seed grams of <paramref name="tokens"/> under these options, made once to align the text against any number
    /// of others (<see cref="Align(SeedGrams, SeedGrams)"/>).
    /// </summary>
    public SeedGrams Prepare(ReadOnlySpan<ulong> tokens) => Prepare(tokens, WordKinds.FromHashes(tokens), tokens);

    /// <summary>
    /// The seed grams of a tokenized text, with its letter case: capitalised words inside sentences are names, which
    /// alone are no evidence of reuse (<see cref="AlignmentOptions.MinOrderedWords"/>). The scan prepares texts this way.
    /// </summary>
    public SeedGrams Prepare(TokenizedText tokens, ReadOnlySpan<char> text) => Prepare(tokens, text, default);

    /// <summary>
    /// The seed grams of a tokenized text, with its letter case and what the corpus knows of its words
    /// (<see cref="TokenMarks"/>): page furniture never seeds, and stock phrases are no evidence. The gram tables' arrays
    /// come from <paramref name="recyclers"/> when given (the owner gives them back with <see cref="SeedGrams.Recycle"/>).
    /// </summary>
    public SeedGrams Prepare(TokenizedText tokens, ReadOnlySpan<char> text, ReadOnlySpan<byte> marks, Recyclers? recyclers = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        byte[] kinds = WordKinds.FromText(tokens, text, marks);
        if (_options.ContentSeedSize <= 0)
            return Prepare(tokens.TokenHashes, kinds, tokens.TokenHashes, Figures.Of(tokens, text), WordKinds.SentenceStarts(tokens, text), recyclers);
        // The stems only make the content grams: they are made in pooled storage.
        ulong[] stems = ArrayPool<ulong>.Shared.Rent(tokens.Count);
        try
        {
            WordStems.Write(tokens, text, stems);
            return Prepare(tokens.TokenHashes, kinds, stems.AsSpan(0, tokens.Count), Figures.Of(tokens, text), WordKinds.SentenceStarts(tokens, text), recyclers);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(stems);
        }
    }

    /// <summary>
    /// <see cref="Prepare(TokenizedText, ReadOnlySpan{char}, ReadOnlySpan{byte}, Recyclers?)"/> for a caller that has
    /// the text's <paramref name="stems"/> (<see cref="WordStems.Of"/>) already: they are not made again.
    /// </summary>
    internal SeedGrams PrepareWithStems(TokenizedText tokens, ReadOnlySpan<char> text, ulong[] stems, ReadOnlySpan<byte> marks = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(stems);
        return Prepare(tokens.TokenHashes, WordKinds.FromText(tokens, text, marks), _options.ContentSeedSize > 0 ? stems : tokens.TokenHashes, Figures.Of(tokens, text),
            WordKinds.SentenceStarts(tokens, text));
    }

    SeedGrams Prepare(ReadOnlySpan<ulong> tokens, byte[] kinds, ReadOnlySpan<ulong> stems, Figures? figures = null, ulong[]? sentences = null,
        Recyclers? recyclers = null)
    {
        int most = _options.MaxOccurrences;
        GramTable exact = SeedGrams.ExactGrams(tokens, _options.SeedSize, most, kinds, recyclers);
        GramTable? content = null, pairs = null;
        if (_options.ContentSeedSize > 0)
        {
            // Both kinds of content grams run over the same content words: their places are found once, and shared.
            int[] positions = SeedGrams.ContentPositions(tokens, kinds, recyclers, out int words);
            content = SeedGrams.ContentGrams(stems, positions, words, _options.ContentSeedSize, tokens.Length, most, recyclers);
            if (_options.MinOrderedWords > 0) pairs = SeedGrams.ContentGrams(stems, positions, words, 2, tokens.Length, most, recyclers);
        }
        return new SeedGrams(tokens.Length, exact, content, pairs, kinds, GramsKey, figures, sentences, recyclers);
    }

    /// <summary>True when <paramref name="grams"/> were prepared under options that give the same grams as these.</summary>
    public bool CanUse(SeedGrams grams)
    {
        ArgumentNullException.ThrowIfNull(grams);
        return grams.Key == GramsKey;
    }

    (int, int, int) GramsKey => (_options.SeedSize, _options.ContentSeedSize, _options.MaxOccurrences);

    /// <summary>All seeds of two texts, sorted by A then B, without duplicates.</summary>
    internal Seed[] FindSeeds(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, bool self)
    {
        SeedGrams ga = Prepare(a);
        return FindSeeds(ga, self ? ga : Prepare(b), self, anchor: 0, new Scratch()).ToArray();
    }

    /// <summary>
    /// All seeds of two prepared texts, sorted by A then B, without duplicates: every pair of places holding the same
    /// gram, found by merging the two sorted gram tables (inside one text, each pair once, the earlier place as A). When
    /// no run of exact seeds covers <paramref name="anchor"/> words (0: no such test), none at all. The seeds are written
    /// into <paramref name="work"/>'s, and read there until the alignment ends.
    /// </summary>
    static ReadOnlySpan<Seed> FindSeeds(SeedGrams a, SeedGrams b, bool self, int anchor, Scratch work)
    {
        GramTable ea = a.Exact, eb = self ? a.Exact : b.Exact;
        GramTable? ca = a.Content, cb = self ? a.Content : b.Content;
        // Both joins land in pooled keys (packed gram pairs, A's high), so the seeds are written once, into the scratch's
        // seeds. The keys of each kind sort as their seeds do (Seed.CompareTo): an exact gram's index is its
        // start, and a content gram's start rises with its index, so a gram pair is one (A, B) and no two share one. Two
        // sorts of words and one merge (ties in (A, B) between the kinds broken as CompareTo breaks them) therefore give
        // the order a sort of the seeds gives; the anchor test runs on the exact keys before any content word is joined.
        ulong[] exactKeys = ArrayPool<ulong>.Shared.Rent(256);
        ulong[]? contentKeys = null;
        try
        {
            int exact = self ? SelfJoinKeys(ea, ref exactKeys) : JoinKeys(ea, eb, ref exactKeys);
            Span<ulong> sortedExact = exactKeys.AsSpan(0, exact);
            NumberSort.Sort(sortedExact);
            if (anchor > 0)
            {
                if (exact == 0) return [];
                // A run of t seeds of k tokens covers t + k - 1 words (k from the last seed, as LongestExactRun takes it).
                int last = (int)(sortedExact[^1] >> 32), k = ea.End(last) - last;
                if (!HasDiagonalRun(sortedExact, anchor - k + 1)) return [];
            }
            if (ca is null || cb is null)
            {
                if (exact == 0) return [];
                Span<Seed> exactOnly = work.SeedRoom(exact);
                ToSeeds(sortedExact, ea, eb, exact: true, exactOnly);
                return exactOnly;
            }
            contentKeys = ArrayPool<ulong>.Shared.Rent(256);
            int content = self ? SelfJoinKeys(ca, ref contentKeys) : JoinKeys(ca, cb, ref contentKeys);
            Span<ulong> sortedContent = contentKeys.AsSpan(0, content);
            NumberSort.Sort(sortedContent);
            Span<Seed> seeds = work.SeedRoom(exact + content);
            int i = 0, j = 0, w = 0;
            if (exact > 0 && content > 0)
            {
                // Each side's head seed is made once, and again only when it is taken.
                Seed x = ToSeed(sortedExact[0], ea, eb, exact: true), y = ToSeed(sortedContent[0], ca, cb, exact: false);
                while (true)
                {
                    if (x.CompareTo(y) <= 0)
                    {
                        seeds[w++] = x;
                        if (++i == exact) break;
                        x = ToSeed(sortedExact[i], ea, eb, exact: true);
                    }
                    else
                    {
                        seeds[w++] = y;
                        if (++j == content) break;
                        y = ToSeed(sortedContent[j], ca, cb, exact: false);
                    }
                }
            }
            ToSeeds(sortedExact[i..], ea, eb, exact: true, seeds[w..]);
            ToSeeds(sortedContent[j..], ca, cb, exact: false, seeds[(w + exact - i)..]);
            return seeds;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(exactKeys);
            if (contentKeys is not null) ArrayPool<ulong>.Shared.Return(contentKeys);
        }
    }

    /// <summary>The seeds of packed gram pairs (A's gram high, B's low) of two tables, written into <paramref name="into"/>.</summary>
    static void ToSeeds(ReadOnlySpan<ulong> keys, GramTable ta, GramTable tb, bool exact, Span<Seed> into)
    {
        for (int x = 0; x < keys.Length; x++) into[x] = ToSeed(keys[x], ta, tb, exact);
    }

    /// <summary>The seed of one packed gram pair (A's gram high, B's low) of two tables.</summary>
    static Seed ToSeed(ulong key, GramTable ta, GramTable tb, bool exact)
    {
        int ga = (int)(key >> 32), gb = (int)(uint)key;
        int a0 = ta.Start(ga), b0 = tb.Start(gb);
        return new Seed(a0, b0, ta.End(ga) - a0, tb.End(gb) - b0, exact);
    }

    /// <summary>
    /// Whether two texts may hold a reworded passage: somewhere, <see cref="ReworkedPairs"/> pairs of consecutive content
    /// words (in any order) that both share lie close together on one diagonal (within a gap of each other in both
    /// texts). A reworded copy keeps many such pairs, in its order; two texts on one topic share a few, scattered. Texts
    /// without this are aligned for anchored passages only, at a fraction of the cost.
    /// </summary>
    bool MayHoldReworded(SeedGrams a, SeedGrams b)
    {
        if (a.Pairs is null || b.Pairs is null) return true;
        GramTable ta = a.Pairs, tb = b.Pairs;
        ulong[] hits = ArrayPool<ulong>.Shared.Rent(256);
        try
        {
            // The shared pairs as packed gram indexes (A high, B low), each repacked as (diagonal B - A, shifted to stay
            // positive; A), so that sorting the words sorts the hits by diagonal, then position.
            int count = JoinKeys(ta, tb, ref hits);
            long shift = a.TokenCount;
            for (int k = 0; k < count; k++)
            {
                int pa = ta.Start((int)(hits[k] >> 32)), pb = tb.Start((int)(uint)hits[k]);
                hits[k] = ((ulong)(pb - pa + shift) << 32) | (uint)pa;
            }
            return CloseOnOneDiagonal(hits.AsSpan(0, count), _options.MaxGap);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hits);
        }
    }

    /// <summary>
    /// Whether <see cref="ReworkedPairs"/> of the packed hits (diagonal high, A low) lie in a window whose diagonals
    /// stay within <paramref name="gap"/> of its first, each within four gaps in A of the one before it taken.
    /// </summary>
    static bool CloseOnOneDiagonal(Span<ulong> hits, int gap)
    {
        if (hits.Length < ReworkedPairs) return false;
        NumberSort.Sort(hits);
        for (int s = 0; s + ReworkedPairs - 1 < hits.Length; s++)
        {
            ulong diagonal = hits[s] >> 32;
            int count = 1, lastA = (int)(uint)hits[s];
            for (int t = s + 1; t < hits.Length && (hits[t] >> 32) - diagonal <= (ulong)gap; t++)
            {
                int at = (int)(uint)hits[t];
                if (Math.Abs(at - lastA) > 4 * gap) continue;
                count++;
                lastA = at;
                if (count >= ReworkedPairs) return true;
            }
        }
        return false;
    }

    /// <summary>Shared content word pairs, close on one diagonal, from which two texts may hold a reworded passage.</summary>
    const int ReworkedPairs = 3;

    /// <summary>
    /// True when <paramref name="keys"/> (distinct packed seed starts, ascending) hold <paramref name="need"/> seeds at
    /// (a, b), (a + 1, b + 1), …: each seed's run extends that of the seed one step back on its diagonal, looked up by
    /// merging the previous A's seeds (ordered by B); stops at the first run long enough.
    /// </summary>
    internal static bool HasDiagonalRun(ReadOnlySpan<ulong> keys, int need)
    {
        if (need <= 1) return !keys.IsEmpty;
        const ulong Step = (1UL << 32) + 1;
        int[] runs = System.Buffers.ArrayPool<int>.Shared.Rent(keys.Length);
        try
        {
            int prevStart = 0, prevEnd = 0;
            for (int i = 0; i < keys.Length;)
            {
                ulong a = keys[i] >> 32;
                int e = i + 1;
                while (e < keys.Length && keys[e] >> 32 == a) e++;
                bool adjacent = prevEnd > prevStart && keys[prevStart] >> 32 == a - 1;
                int p = prevStart;
                for (int x = i; x < e; x++)
                {
                    int run = 1;
                    if (adjacent && (uint)keys[x] != 0)
                    {
                        ulong want = keys[x] - Step;
                        while (p < prevEnd && keys[p] < want) p++;
                        if (p < prevEnd && keys[p] == want) run = runs[p] + 1;
                    }
                    if (run >= need) return true;
                    runs[x] = run;
                }
                prevStart = i;
                prevEnd = e;
                i = e;
            }
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(runs);
        }
    }

    /// <summary>
    /// Every pair of places holding the same gram, as packed gram indexes (A's high, B's low; an exact n-gram's index is its
    /// start): each distinct hash of the smaller table is probed in
    /// the larger one's filter, and only a possible hit is searched for (onwards from the last one, as both ascend).
    /// </summary>
    static int JoinKeys(GramTable ta, GramTable tb, ref ulong[] keys)
    {
        bool aSmaller = ta.Hashes.Length <= tb.Hashes.Length;
        GramTable small = aSmaller ? ta : tb, large = aSmaller ? tb : ta;
        ReadOnlySpan<ulong> hs = small.Hashes, hl = large.Hashes;
        ReadOnlySpan<int> ga = ta.Grams, gb = tb.Grams;
        int count = 0, j = 0;
        for (int i = 0; i < hs.Length && j < hl.Length;)
        {
            ulong x = hs[i];
            int ie = SortedRuns.End(hs, i);
            if (large.MayHold(x))
            {
                j = LowerBound(hl, j, x);
                if (j < hl.Length && hl[j] == x)
                {
                    int je = SortedRuns.End(hl, j);
                    (int a0, int a1, int b0, int b1) = aSmaller ? (i, ie, j, je) : (j, je, i, ie);
                    Reserve(ref keys, count, count + (a1 - a0) * (b1 - b0));
                    for (int q = b0; q < b1; q++)
                        for (int p = a0; p < a1; p++) keys[count++] = ((ulong)(uint)ga[p] << 32) | (uint)gb[q];
                    j = je;
                }
            }
            i = ie;
        }
        return count;
    }

    /// <summary>
    /// The first place at or after <paramref name="from"/> whose hash is at least <paramref name="value"/>
    /// (exponential, then binary search).
    /// </summary>
    static int LowerBound(ReadOnlySpan<ulong> hashes, int from, ulong value)
    {
        if (from >= hashes.Length || hashes[from] >= value) return from;
        int step = 1, lo = from, hi = from + 1;
        while (hi < hashes.Length && hashes[hi] < value)
        {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        hi = Math.Min(hi, hashes.Length);
        // hashes[lo] < value; the answer is in (lo, hi].
        while (lo + 1 < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (hashes[mid] < value) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    /// <summary>
    /// Every pair of places inside one table holding the same gram, as packed gram indexes (the earlier place as A: a
    /// gram's index rises with its place).
    /// </summary>
    static int SelfJoinKeys(GramTable t, ref ulong[] keys)
    {
        ReadOnlySpan<ulong> h = t.Hashes;
        ReadOnlySpan<int> g = t.Grams;
        int count = 0;
        for (int i = 0; i < h.Length;)
        {
            int e = SortedRuns.End(h, i);
            Reserve(ref keys, count, count + (e - i) * (e - i));
            for (int q = i; q < e; q++)
                for (int p = i; p < e; p++)
                    if (g[p] < g[q]) keys[count++] = ((ulong)(uint)g[p] << 32) | (uint)g[q];
            i = e;
        }
        return count;
    }

    /// <summary>Grows the pooled <paramref name="keys"/> to hold <paramref name="size"/>, keeping the first <paramref name="used"/>.</summary>
    static void Reserve(ref ulong[] keys, int used, int size)
    {
        if (size <= keys.Length) return;
        ulong[] larger = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(size, 2 * keys.Length));
        keys.AsSpan(0, used).CopyTo(larger);
        System.Buffers.ArrayPool<ulong>.Shared.Return(keys);
        keys = larger;
    }
}
