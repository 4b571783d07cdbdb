using System.Buffers;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

// The word diff as it was before its LCS table was computed bit-parallel (commit 5502b17): the textbook table, kept
// as the oracle the bit-parallel one must agree with, run for run.
/// <summary>
/// A deterministic word-level diff (longest common subsequence over whitespace-separated words, punctuation included).
/// Common prefix and suffix are trimmed first; the quadratic table is only built for the differing middle, and when
/// that middle is too large (more than <see cref="MaxCells"/> cells) it is reported as one replacement. A replacement
/// is always a <see cref="DiffKind.Delete"/> run directly followed by an <see cref="DiffKind.Insert"/> run.
/// </summary>
static class TableWordDiff
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
            var starts = new List<int>();
            var keys = new List<int>();
            var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
            int i = 0;
            while (i < text.Length)
            {
                starts.Add(i);
                if (starts.Count == 1) while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                int core = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                ReadOnlySpan<char> word = text.AsSpan(core, i - core);
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (!lookup.TryGetValue(word, out int id)) lookup[word] = id = ids.Count;
                keys.Add(id);
            }
            starts.Add(text.Length);
            Starts = [.. starts];
            Keys = [.. keys];
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
            var script = new Script();
            int prefix = 0;
            while (prefix < a.Count && prefix < b.Count && ka[prefix] == kb[prefix]) prefix++;
            int suffix = 0;
            while (suffix < a.Count - prefix && suffix < b.Count - prefix && ka[^(suffix + 1)] == kb[^(suffix + 1)]) suffix++;
            // The repost's own spacing is shown for kept words.
            for (int i = 0; i < prefix; i++) script.Add(DiffKind.Equal, b, i);
            Middle(script, a, prefix, a.Count - suffix, b, prefix, b.Count - suffix);
            for (int i = b.Count - suffix; i < b.Count; i++) script.Add(DiffKind.Equal, b, i);
            return script.Ops();
        }
    }

    /// <summary>The words of a diff in order, each with its kind and the text it comes from; merged into runs at the end.</summary>
    sealed class Script
    {
        readonly List<(DiffKind Kind, Words Text, int Index)> _steps = [];

        public void Add(DiffKind kind, Words text, int index) => _steps.Add((kind, text, index));

        /// <summary>
        /// Adjacent words of one kind as one run. A word without trailing whitespace (the last of either text) gets a
        /// space unless it ends the diff, so that runs from the two texts never glue together ("Armenia" + "of").
        /// </summary>
        public List<DiffOp> Ops()
        {
            var ops = new List<DiffOp>();
            var run = new System.Text.StringBuilder();
            for (int k = 0; k < _steps.Count; k++)
            {
                (DiffKind kind, Words text, int index) = _steps[k];
                ReadOnlySpan<char> word = text[index];
                run.Append(word);
                if (k < _steps.Count - 1 && word.Length > 0 && !char.IsWhiteSpace(word[^1])) run.Append(' ');
                if (k == _steps.Count - 1 || _steps[k + 1].Kind != kind)
                {
                    ops.Add(new DiffOp(kind, run.ToString()));
                    run.Clear();
                }
            }
            return ops;
        }
    }

    static void Middle(Script script, Words a, int a0, int a1, Words b, int b0, int b1)
    {
        int[] ka = a.Keys, kb = b.Keys;
        int n = a1 - a0, m = b1 - b0;
        if (n == 0 || m == 0 || (long)n * m > MaxCells)
        {
            for (int i = a0; i < a1; i++) script.Add(DiffKind.Delete, a, i);
            for (int j = b0; j < b1; j++) script.Add(DiffKind.Insert, b, j);
            return;
        }
        // lcs[i, j] = LCS length of a[a0+i..a1) and b[b0+j..b1); walking forwards then gives a left-to-right script.
        // The table comes from the pool (up to MaxCells ints, 16 MB: a fresh one per member was a large-object
        // allocation each time, and the garbage collections they forced were most of report.html's cost). Only the
        // boundary (row n and column m) is read before it is written, so only it is cleared.
        int w = m + 1;
        int[] lcs = ArrayPool<int>.Shared.Rent((n + 1) * w);
        lcs.AsSpan(n * w, w).Clear();
        for (int i = 0; i < n; i++) lcs[i * w + m] = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            int ki = ka[a0 + i];
            int row = i * w, next = row + w;
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[row + j] = ki == kb[b0 + j]
                    ? lcs[next + j + 1] + 1
                    : Math.Max(lcs[next + j], lcs[row + j + 1]);
            }
        }
        // Deletions are emitted before insertions between two kept words, so a change reads "old → new".
        int x = 0, y = 0, deleteFrom = 0, deleteTo = 0, insertFrom = 0, insertTo = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && ka[a0 + x] == kb[b0 + y])
            {
                Flush();
                script.Add(DiffKind.Equal, b, b0 + y);
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x * w + y + 1] >= lcs[(x + 1) * w + y]))
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
        ArrayPool<int>.Shared.Return(lcs);

        void Flush()
        {
            for (int i = deleteFrom; i < deleteTo; i++) script.Add(DiffKind.Delete, a, i);
            for (int j = insertFrom; j < insertTo; j++) script.Add(DiffKind.Insert, b, j);
            deleteFrom = deleteTo = insertFrom = insertTo = 0;
        }
    }
}
