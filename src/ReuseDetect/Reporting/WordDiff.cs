using System.Buffers;

namespace ReuseDetect.Reporting;

/// <summary>What a run of words is in a <see cref="WordDiff"/>: kept, added by the repost, or dropped from the origin.</summary>
enum DiffKind
{
    /// <summary>In both texts.</summary>
    Equal = 0,
    /// <summary>Only in the repost (added, or the new side of a change).</summary>
    Insert = 1,
    /// <summary>Only in the origin (dropped, or the old side of a change).</summary>
    Delete = -1,
}

/// <summary>One run of a word diff. <see cref="Text"/> keeps the words with the whitespace that follows each of them.</summary>
readonly record struct DiffOp(DiffKind Kind, string Text);

/// <summary>
/// A deterministic word-level diff (longest common subsequence over whitespace-separated words, punctuation included).
/// Common prefix and suffix are trimmed first; the quadratic table is only built for the differing middle, and when
/// that middle is too large (more than <see cref="MaxCells"/> cells) it is reported as one replacement. A replacement
/// is always a <see cref="DiffKind.Delete"/> run directly followed by an <see cref="DiffKind.Insert"/> run.
/// </summary>
static class WordDiff
{
    /// <summary>The largest LCS table built (words of the origin's middle × words of the repost's middle).</summary>
    public const int MaxCells = 4_000_000;

    /// <summary>The diff turning <paramref name="from"/> into <paramref name="to"/>; adjacent runs of one kind are merged.</summary>
    public static IReadOnlyList<DiffOp> Compute(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new Origin(from).DiffTo(to);
    }

    /// <summary>True when the diff has no insert or delete.</summary>
    public static bool IsIdentical(IReadOnlyList<DiffOp> ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        return ops.All(o => o.Kind == DiffKind.Equal);
    }

    /// <summary>
    /// A text split into words (each with the whitespace that follows it; leading whitespace goes with the first word) as
    /// ranges of the text, and each word's key: the same word (whitespace left out) has the same key in every text keyed
    /// with the same table, so the LCS table compares ints and no word is copied out of its text until the diff is written.
    /// </summary>
    readonly struct Words
    {
        public readonly string Text;
        public readonly int[] Starts;
        public readonly int[] Keys;

        public Words(string text, Dictionary<string, int> ids)
        {
            Text = text;
            // Counted first, so that the two arrays are made once at their size.
            int count = 0;
            for (int i = 0; i < text.Length; count++) (_, _, i) = Next(text, i, first: count == 0);
            Starts = new int[count + 1];
            Keys = new int[count];
            var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int w = 0, i = 0; w < count; w++)
            {
                Starts[w] = i;
                (int core, int end, i) = Next(text, i, first: w == 0);
                ReadOnlySpan<char> word = text.AsSpan(core, end - core);
                if (!lookup.TryGetValue(word, out int id)) lookup[word] = id = ids.Count;
                Keys[w] = id;
            }
            Starts[count] = text.Length;
        }

        /// <summary>
        /// The word at <paramref name="i"/> (the text's first takes the leading whitespace): where its letters start and
        /// end, and where the next word starts.
        /// </summary>
        static (int Core, int End, int Next) Next(string text, int i, bool first)
        {
            if (first) while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int core = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            int end = i;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            return (core, end, i);
        }

        public int Count => Keys.Length;

        public ReadOnlySpan<char> this[int index] => Text.AsSpan(Starts[index], Starts[index + 1] - Starts[index]);
    }

    /// <summary>
    /// The origin of a diff, split into words once for every repost compared with it (a cluster diffs each member
    /// against its origin).
    /// </summary>
    internal sealed class Origin
    {
        readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        readonly Words _words;

        public Origin(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            _words = new Words(text, _ids);
        }

        /// <summary>The diff turning the origin into <paramref name="to"/>; adjacent runs of one kind are merged.</summary>
        public IReadOnlyList<DiffOp> DiffTo(string to)
        {
            ArgumentNullException.ThrowIfNull(to);
            Words a = _words, b = new(to, _ids);
            int[] ka = a.Keys, kb = b.Keys;
            var script = new Script(a, b);
            int prefix = 0;
            while (prefix < a.Count && prefix < b.Count && ka[prefix] == kb[prefix]) prefix++;
            int suffix = 0;
            while (suffix < a.Count - prefix && suffix < b.Count - prefix && ka[^(suffix + 1)] == kb[^(suffix + 1)]) suffix++;
            // The repost's own spacing is shown for kept words.
            for (int i = 0; i < prefix; i++) script.Steps.Add((DiffKind.Equal, i));
            Walk(ka, prefix, a.Count - suffix, kb, prefix, b.Count - suffix, script.Steps);
            for (int i = b.Count - suffix; i < b.Count; i++) script.Steps.Add((DiffKind.Equal, i));
            return script.Ops();
        }
    }

    /// <summary>
    /// The words of a diff of <paramref name="a"/> into <paramref name="b"/> in order, each with its kind and its index
    /// (in a for a deleted word, in b for a kept or inserted one); merged into runs at the end.
    /// </summary>
    sealed class Script(Words a, Words b)
    {
        public List<(DiffKind Kind, int Index)> Steps { get; } = [];

        /// <summary>
        /// Adjacent words of one kind as one run. A word without trailing whitespace (the last of either text) gets a
        /// space unless it ends the diff, so that runs from the two texts never glue together ("Armenia" + "of").
        /// </summary>
        public List<DiffOp> Ops()
        {
            var ops = new List<DiffOp>();
            var run = new System.Text.StringBuilder();
            for (int k = 0; k < Steps.Count; k++)
            {
                (DiffKind kind, int index) = Steps[k];
                ReadOnlySpan<char> word = kind == DiffKind.Delete ? a[index] : b[index];
                run.Append(word);
                if (k < Steps.Count - 1 && word.Length > 0 && !char.IsWhiteSpace(word[^1])) run.Append(' ');
                if (k == Steps.Count - 1 || Steps[k + 1].Kind != kind)
                {
                    ops.Add(new DiffOp(kind, run.ToString()));
                    run.Clear();
                }
            }
            return ops;
        }
    }

    /// <summary>
    /// Appends to <paramref name="steps"/> the script turning keys <paramref name="ka"/>[a0..a1) into
    /// <paramref name="kb"/>[b0..b1) (each kept or inserted word by its index in b, each deleted word by its index in a):
    /// the longest common subsequence, walked from the left; at each word neither kept, an insertion when that keeps the
    /// LCS of what is left as long as a deletion would (so a change reads "old → new").
    /// </summary>
    /// <remarks>
    /// The LCS lengths of every pair of suffixes are those of the table <c>lcs[i, j]</c> of the textbook algorithm,
    /// computed bit-parallel (Hyyrö 2004): with both middles reversed, a suffix is a prefix, and one row of the table
    /// is a bit vector over the words of b (bit j clear where the LCS grows at j), updated for the next word of a
    /// with one multi-word addition. A row costs m / 64 word operations instead of m cells, which was most of
    /// report.html's cost; an entry of the table is the count of clear bits below its column.
    /// </remarks>
    internal static void Walk(int[] ka, int a0, int a1, int[] kb, int b0, int b1, List<(DiffKind Kind, int Index)> steps)
    {
        int n = a1 - a0, m = b1 - b0;
        if (n == 0 || m == 0 || (long)n * m > MaxCells)
        {
            for (int i = a0; i < a1; i++) steps.Add((DiffKind.Delete, i));
            for (int j = b0; j < b1; j++) steps.Add((DiffKind.Insert, j));
            return;
        }
        using var table = new SuffixTable(ka, a0, a1, kb, b0, b1);
        // Deletions are emitted before insertions between two kept words, so a change reads "old → new".
        int x = 0, y = 0, deleteFrom = 0, deleteTo = 0, insertFrom = 0, insertTo = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && ka[a0 + x] == kb[b0 + y])
            {
                Flush();
                steps.Add((DiffKind.Equal, b0 + y));
                x++;
                y++;
            }
            else if (y < m && (x == n || table.Lcs(x, y + 1) >= table.Lcs(x + 1, y)))
            {
                if (insertTo == insertFrom) insertFrom = insertTo = b0 + y;
                insertTo = b0 + ++y;
            }
            else
            {
                if (deleteTo == deleteFrom) deleteFrom = deleteTo = a0 + x;
                deleteTo = a0 + ++x;
            }
        }
        Flush();

        void Flush()
        {
            for (int i = deleteFrom; i < deleteTo; i++) steps.Add((DiffKind.Delete, i));
            for (int j = insertFrom; j < insertTo; j++) steps.Add((DiffKind.Insert, j));
            deleteFrom = deleteTo = insertFrom = insertTo = 0;
        }
    }

    /// <summary>
    /// The LCS lengths of all suffix pairs of two key sequences, as bit-vector rows (pooled scratch: a table of up to
    /// <see cref="MaxCells"/> / 64 words).
    /// </summary>
    sealed class SuffixTable : IDisposable
    {
        readonly ulong[] _rows;
        readonly int _n, _m, _words;

        public SuffixTable(int[] ka, int a0, int a1, int[] kb, int b0, int b1)
        {
            _n = a1 - a0;
            _m = b1 - b0;
            _words = (_m + 63) >> 6;
            int w = _words;
            // One match mask per key found in both middles, over the reversed b (bit j: word b1 - 1 - j). Keys are small
            // dense ints (the diff's word table): a pooled map from key to mask, -1 for a key of a only, -2 for none.
            int keys = 0;
            for (int i = a0; i < a1; i++) keys = Math.Max(keys, ka[i] + 1);
            for (int j = b0; j < b1; j++) keys = Math.Max(keys, kb[j] + 1);
            int[] slot = ArrayPool<int>.Shared.Rent(keys);
            ulong[]? masks = null;
            try
            {
                slot.AsSpan(0, keys).Fill(-2);
                for (int i = a0; i < a1; i++) slot[ka[i]] = -1;
                int distinct = 0;
                for (int j = b0; j < b1; j++)
                    if (slot[kb[j]] == -1) slot[kb[j]] = distinct++;
                masks = ArrayPool<ulong>.Shared.Rent(Math.Max(1, distinct * w));
                masks.AsSpan(0, distinct * w).Clear();
                for (int j = 0; j < _m; j++)
                {
                    int k = slot[kb[b1 - 1 - j]];
                    if (k >= 0) masks[k * w + (j >> 6)] |= 1UL << (j & 63);
                }
                // Row r: the reversed a's first r words (a's last r), against every prefix of the reversed b.
                _rows = ArrayPool<ulong>.Shared.Rent((_n + 1) * w);
                Span<ulong> first = _rows.AsSpan(0, w);
                first.Fill(ulong.MaxValue);
                for (int r = 1; r <= _n; r++)
                {
                    ReadOnlySpan<ulong> v = _rows.AsSpan((r - 1) * w, w);
                    Span<ulong> next = _rows.AsSpan(r * w, w);
                    int k = slot[ka[a1 - r]];
                    if (k < 0)
                    {
                        v.CopyTo(next);
                        continue;
                    }
                    ReadOnlySpan<ulong> match = masks.AsSpan(k * w, w);
                    ulong carry = 0;
                    for (int t = 0; t < w; t++)
                    {
                        ulong vt = v[t], u = vt & match[t];
                        ulong sum = vt + u;
                        ulong c = sum < vt ? 1UL : 0UL;
                        ulong total = sum + carry;
                        carry = c | (total < sum ? 1UL : 0UL);
                        next[t] = total | (vt & ~match[t]);
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(slot);
                if (masks is not null) ArrayPool<ulong>.Shared.Return(masks);
            }
        }

        /// <summary>The LCS length of a's middle from its <paramref name="x"/>th word and b's from its <paramref name="y"/>th.</summary>
        public int Lcs(int x, int y)
        {
            // The suffixes are the reversed prefixes of n - x and m - y words: clear bits of row n - x below bit m - y.
            int row = (_n - x) * _words, bits = _m - y, full = bits >> 6, count = 0;
            for (int t = 0; t < full; t++) count += 64 - System.Numerics.BitOperations.PopCount(_rows[row + t]);
            int rest = bits & 63;
            if (rest > 0) count += System.Numerics.BitOperations.PopCount(~_rows[row + full] & ((1UL << rest) - 1));
            return count;
        }

        public void Dispose() => ArrayPool<ulong>.Shared.Return(_rows);
    }
}
