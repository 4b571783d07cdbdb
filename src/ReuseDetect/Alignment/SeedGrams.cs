using System.Buffers;
using ReuseDetect.Internal;
using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Alignment;

/// <summary>
/// The seed grams of one token sequence, made once per text by <see cref="PassageAligner.Prepare(ReadOnlySpan{ulong})"/> and joined against
/// any number of other texts (a document is in many candidate pairs): each kind of gram (exact n-grams, unordered
/// content-word runs) as its hashes sorted ascending with the gram's index beside each. Grams occurring more than
/// <see cref="AlignmentOptions.MaxOccurrences"/> times in the text are left out, as they never seed. Immutable and
/// safe to share between threads; about 13 bytes per token for each kind of gram (12 for the sorted table, 1 for a
/// filter that answers most probes for a hash the text lacks).
/// </summary>
sealed class SeedGrams
{
    internal SeedGrams(int tokenCount, GramTable exact, GramTable? content, GramTable? pairs, byte[] kinds, (int, int, int) key, Figures? figures = null,
        ulong[]? sentenceStarts = null, Recyclers? recyclers = null)
    {
        Figures = figures ?? Figures.None;
        SentenceStarts = sentenceStarts;
        Pairs = pairs;
        TokenCount = tokenCount;
        Exact = exact;
        Content = content;
        Kinds = kinds;
        OrdinaryBefore = WordKinds.OrdinaryPrefix(kinds, recyclers?.Ints);
        BlockedBefore = WordKinds.BlockedPrefix(kinds, recyclers?.Ints);
        Key = key;
    }

    /// <summary>Number of tokens of the text.</summary>
    public int TokenCount { get; }

    /// <summary>
    /// Gives the gram tables' arrays to <paramref name="recyclers"/> (<see cref="PassageAligner.Prepare(TokenizedText, ReadOnlySpan{char}, ReadOnlySpan{byte}, Recyclers?)"/>):
    /// the owner's last use of these grams, when no other thread can be reading them.
    /// </summary>
    internal void Recycle(Recyclers recyclers)
    {
        Exact.Recycle(recyclers);
        Content?.Recycle(recyclers);
        Pairs?.Recycle(recyclers);
        // The content tables share their positions: given back once.
        recyclers.Ints.Return(Content?.Positions ?? Pairs?.Positions);
        recyclers.Ints.Return(OrdinaryBefore);
        recyclers.Ints.Return(BlockedBefore);
    }

    /// <summary>Approximate memory held, in bytes.</summary>
    public long Bytes => Exact.Bytes + (Content?.Bytes ?? 0) + (Pairs?.Bytes ?? 0) + Kinds.Length + 4L * OrdinaryBefore.Length + 4L * (BlockedBefore?.Length ?? 0)
        + 8L * (SentenceStarts?.Length ?? 0);

    /// <summary>
    /// The tokens that open a sentence, one bit a token (<see cref="WordKinds.SentenceStarts"/>), or null when only token
    /// hashes were given.
    /// </summary>
    internal ulong[]? SentenceStarts { get; }

    /// <summary>
    /// The sentences that tokens <paramref name="first"/> to <paramref name="last"/> lie in, kept within
    /// [<paramref name="start"/>, <paramref name="end"/>): from the last sentence opening at or before the first token to
    /// the next one after the last.
    /// </summary>
    internal (int Start, int End) SentenceAround(int first, int last, int start, int end)
    {
        int s = first, e = last + 1;
        while (s > start && !Opens(s)) s--;
        while (e < end && !Opens(e)) e++;
        return (s, e);
    }

    bool Opens(int t) => SentenceStarts is { } bits && (bits[t >> 6] & (1UL << (t & 63))) != 0;

    /// <summary>Whether a sentence opens at a token of (<paramref name="after"/>, <paramref name="upTo"/>]; false when sentences are not known.</summary>
    internal bool SentenceOpensIn(int after, int upTo)
    {
        if (SentenceStarts is not { } bits) return false;
        for (int t = after + 1; t <= upTo; t++)
        {
            // Whole empty words are passed over at once.
            if ((t & 63) == 0 && upTo - t >= 63 && bits[t >> 6] == 0) { t += 63; continue; }
            if ((bits[t >> 6] & (1UL << (t & 63))) != 0) return true;
        }
        return false;
    }

    /// <summary>The <see cref="WordKinds"/> of each token.</summary>
    internal byte[] Kinds { get; }

    /// <summary>The text's figures (<see cref="Alignment.Figures"/>); none when only token hashes were given.</summary>
    internal Figures Figures { get; }

    /// <summary>Ordinary words before each token (<see cref="WordKinds.OrdinaryPrefix"/>).</summary>
    internal int[] OrdinaryBefore { get; }

    /// <summary>Furniture words before each token, or null when the text has none.</summary>
    internal int[]? BlockedBefore { get; }

    /// <summary>True when page furniture lies among tokens [<paramref name="start"/>, <paramref name="end"/>): a passage never spans it.</summary>
    internal bool Walled(int start, int end) => BlockedBefore is { } b && end > start && b[Math.Min(end, TokenCount)] - b[Math.Max(0, start)] > 0;

    /// <summary>Ordinary words among tokens [<paramref name="start"/>, <paramref name="end"/>).</summary>
    internal int OrdinaryIn(int start, int end) => OrdinaryBefore[end] - OrdinaryBefore[start];

    /// <summary>
    /// Distinctive words among tokens [<paramref name="start"/>, <paramref name="end"/>): ordinary words the corpus does
    /// not use everywhere (<see cref="WordKinds.Ordinary"/>). Counted on demand: only an anchor candidate asks.
    /// </summary>
    internal int DistinctiveIn(int start, int end) => Kinds.AsSpan(start, end - start).Count(WordKinds.Ordinary);

    /// <summary>Exact n-grams (<see cref="AlignmentOptions.SeedSize"/> tokens).</summary>
    internal GramTable Exact { get; }

    /// <summary>Unordered content-word runs, or null when <see cref="AlignmentOptions.ContentSeedSize"/> is 0.</summary>
    internal GramTable? Content { get; }

    /// <summary>Unordered pairs of consecutive content words, or null without content seeds: the gate to reworded alignment.</summary>
    internal GramTable? Pairs { get; }

    /// <summary>The options the grams depend on: seed size, content seed size, most occurrences.</summary>
    internal (int SeedSize, int ContentSeedSize, int MaxOccurrences) Key { get; }

    /// <summary>The exact n-grams of <paramref name="tokens"/> (<paramref name="k"/> tokens each).</summary>
    internal static GramTable ExactGrams(ReadOnlySpan<ulong> tokens, int k, int maxOccurrences, ReadOnlySpan<byte> kinds = default, Recyclers? recyclers = null)
    {
        int count = Shingler.CountFor(tokens.Length, k);
        // The hashes are sorted and thinned in pooled storage; the table keeps copies of those kept.
        ulong[] hashes = ArrayPool<ulong>.Shared.Rent(count);
        bool[]? dropped = null;
        try
        {
            Shingler.Hash(tokens, k, hashes);
            if (!kinds.IsEmpty && kinds.Contains(WordKinds.Blocked))
            {
                // A gram touching page furniture never seeds: a passage may not reach into a header or footer.
                dropped = ArrayPool<bool>.Shared.Rent(count);
                for (int g = 0; g < count; g++) dropped[g] = kinds.Slice(g, Math.Min(k, kinds.Length - g)).Contains(WordKinds.Blocked);
            }
            return GramTable.Create(hashes.AsSpan(0, count), null, k, tokens.Length, maxOccurrences, dropped is null ? default : dropped.AsSpan(0, count), recyclers);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            if (dropped is not null) ArrayPool<bool>.Shared.Return(dropped);
        }
    }

    /// <summary>
    /// The token positions of the content words of <paramref name="tokens"/>, page furniture left out: the first
    /// <paramref name="words"/> items of the array (which is longer when taken from <paramref name="recyclers"/>).
    /// </summary>
    internal static int[] ContentPositions(ReadOnlySpan<ulong> tokens, ReadOnlySpan<byte> kinds, Recyclers? recyclers, out int words)
    {
        bool Content(int i, ReadOnlySpan<ulong> t, ReadOnlySpan<byte> k) => !StopWords.Contains(t[i]) && (k.IsEmpty || k[i] != WordKinds.Blocked);
        words = 0;
        for (int i = 0; i < tokens.Length; i++)
            if (Content(i, tokens, kinds)) words++;
        int[] positions = recyclers?.Ints.Rent(words) ?? new int[words];
        words = 0;
        for (int i = 0; i < tokens.Length; i++)
            if (Content(i, tokens, kinds)) positions[words++] = i;
        return positions;
    }

    /// <summary>
    /// Unordered runs of <paramref name="m"/> consecutive content words at <paramref name="positions"/>
    /// (<see cref="ContentPositions"/>, kept by the table and so shareable between tables of one text) of a text of
    /// <paramref name="tokenCount"/> tokens: the hash of the run's sorted <paramref name="stems"/> hashes
    /// (<see cref="WordStems"/>), so "results of the study" and "study results" share the seed {results, study}, and
    /// "talks" matches "talk".
    /// </summary>
    internal static GramTable ContentGrams(ReadOnlySpan<ulong> stems, int[] positions, int words, int m, int tokenCount, int maxOccurrences,
        Recyclers? recyclers = null)
    {
        if (m > 64) throw new ArgumentOutOfRangeException(nameof(m));
        int count = words < m ? 0 : words - m + 1;
        ulong[] hashes = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            Span<ulong> run = stackalloc ulong[Math.Min(m, 64)];
            for (int x = 0; x < count; x++)
            {
                for (int y = 0; y < m; y++) run[y] = stems[positions[x + y]];
                NumberSort.Sort(run);
                // The distinct length tag keeps a sorted bag from colliding with an exact n-gram of the same words.
                hashes[x] = Shingler.Mix(run) ^ 0xC0417E47B16AA5EDUL;
            }
            return GramTable.Create(hashes.AsSpan(0, count), positions, m, tokenCount, maxOccurrences, recyclers: recyclers);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }
}

/// <summary>
/// Grams of one kind in one text, sorted by hash: <see cref="Hashes"/> ascending, <see cref="Grams"/> the index of the
/// gram at each place (gram g of exact n-grams starts at token g; of content runs, at content word g).
/// </summary>
sealed class GramTable
{
    GramTable(ulong[] hashes, int[] grams, int count, int[]? positions, int size, int tokenCount, Recyclers? recyclers)
    {
        _hashes = hashes;
        _grams = grams;
        _count = count;
        // About 8 bits per gram: a probe for a hash the table lacks fails about 7 times in 8 without a search.
        int bits = 64;
        while (bits < 8 * count && bits < 1 << 30) bits <<= 1;
        _filterShift = 64 - System.Numerics.BitOperations.Log2((uint)bits);
        int words = bits / 64;
        _filter = recyclers?.Longs.Rent(words) ?? new ulong[words];
        if (recyclers is not null) Array.Clear(_filter, 0, words);
        foreach (ulong h in Hashes)
        {
            int bit = (int)(h >> _filterShift);
            _filter[bit >> 6] |= 1UL << bit;
        }
        Positions = positions;
        Size = size;
        TokenCount = tokenCount;
    }

    readonly ulong[] _hashes;
    readonly int[] _grams;
    readonly int _count;

    /// <summary>Gram hashes, ascending.</summary>
    public ReadOnlySpan<ulong> Hashes => _hashes.AsSpan(0, _count);

    /// <summary>Gram index at each place of <see cref="Hashes"/>.</summary>
    public ReadOnlySpan<int> Grams => _grams.AsSpan(0, _count);

    /// <summary>Token position of each content word, or null for exact n-grams.</summary>
    public int[]? Positions { get; }

    /// <summary>Tokens (exact) or content words (content runs) per gram.</summary>
    public int Size { get; }

    /// <summary>Tokens in the text.</summary>
    public int TokenCount { get; }

    readonly ulong[] _filter;
    readonly int _filterShift;

    /// <summary>Memory held, in bytes (the arrays' capacity: recycled arrays may be longer than their use).</summary>
    public long Bytes => 8L * _hashes.Length + 4L * _grams.Length + 4L * (Positions?.Length ?? 0) + 8L * _filter.Length;

    /// <summary>Gives the table's own arrays (not its positions, which tables may share) to <paramref name="recyclers"/>; the table must not be read again.</summary>
    internal void Recycle(Recyclers recyclers)
    {
        recyclers.Longs.Return(_hashes);
        recyclers.Ints.Return(_grams);
        recyclers.Longs.Return(_filter);
    }

    /// <summary>False when no gram of the table has hash <paramref name="hash"/>; true when one may (a bit per hash prefix).</summary>
    public bool MayHold(ulong hash)
    {
        int bit = (int)(hash >> _filterShift);
        return (_filter[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>First token of gram <paramref name="gram"/>.</summary>
    public int Start(int gram) => Positions is null ? gram : Positions[gram];

    /// <summary>End (exclusive) token of gram <paramref name="gram"/>.</summary>
    public int End(int gram) => Positions is null ? Math.Min(TokenCount, gram + Size) : Positions[gram + Size - 1] + 1;

    /// <summary>
    /// Sorts <paramref name="hashes"/> (in place: the caller's storage) and drops the grams occurring more than
    /// <paramref name="maxOccurrences"/> times, and those <paramref name="dropped"/> marks (they count towards occurrences
    /// all the same); the table holds arrays of the grams kept, at their size, or from <paramref name="recyclers"/> (up to a
    /// few grid steps longer: the table reads only its count).
    /// </summary>
    public static GramTable Create(Span<ulong> hashes, int[]? positions, int size, int tokenCount, int maxOccurrences, ReadOnlySpan<bool> dropped = default,
        Recyclers? recyclers = null)
    {
        int n = hashes.Length;
        int[] order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Span<int> grams = order.AsSpan(0, n);
            for (int i = 0; i < n; i++) grams[i] = i;
            hashes.Sort(grams);
            int kept = 0;
            for (int i = 0; i < n;)
            {
                int j = SortedRuns.End(hashes, i);
                if (j - i <= maxOccurrences)
                {
                    for (int x = i; x < j; x++)
                    {
                        if (!dropped.IsEmpty && dropped[grams[x]]) continue;
                        hashes[kept] = hashes[x];
                        grams[kept] = grams[x];
                        kept++;
                    }
                }
                i = j;
            }
            return new GramTable(recyclers?.Longs.Copy(hashes[..kept]) ?? hashes[..kept].ToArray(), recyclers?.Ints.Copy(grams[..kept]) ?? grams[..kept].ToArray(),
                kept, positions, size, tokenCount, recyclers);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
        }
    }
}
