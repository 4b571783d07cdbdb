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
        List<string> a = Words(from), b = Words(to);
        // Words are compared as integer ids (same trimmed word, same id), so the LCS table compares ints.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] ka = Keys(a, ids), kb = Keys(b, ids);
        var ops = new List<(DiffKind Kind, List<string> Words)>();
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && ka[prefix] == kb[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && ka[^(suffix + 1)] == kb[^(suffix + 1)]) suffix++;
        // The repost's own spacing is shown for kept words.
        for (int i = 0; i < prefix; i++) Add(ops, DiffKind.Equal, b[i]);
        Middle(ops, a, ka, prefix, a.Count - suffix, b, kb, prefix, b.Count - suffix);
        for (int i = b.Count - suffix; i < b.Count; i++) Add(ops, DiffKind.Equal, b[i]);
        // A word without trailing whitespace (the last of either text) gets a space unless it ends the diff, so that
        // runs from the two texts never glue together ("Armenia" + "of").
        for (int k = 0; k < ops.Count; k++)
        {
            List<string> words = ops[k].Words;
            for (int i = 0; i < words.Count; i++)
            {
                bool last = k == ops.Count - 1 && i == words.Count - 1;
                if (!last && words[i].Length > 0 && !char.IsWhiteSpace(words[i][^1])) words[i] += " ";
            }
        }
        return ops.ConvertAll(o => new DiffOp(o.Kind, string.Concat(o.Words)));
    }

    /// <summary>True when the diff has no insert or delete.</summary>
    public static bool IsIdentical(IReadOnlyList<DiffOp> ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        return ops.All(o => o.Kind == DiffKind.Equal);
    }

    static void Middle(List<(DiffKind Kind, List<string> Words)> ops, List<string> a, int[] ka, int a0, int a1, List<string> b, int[] kb, int b0, int b1)
    {
        int n = a1 - a0, m = b1 - b0;
        if (n == 0 || m == 0 || (long)n * m > MaxCells)
        {
            for (int i = a0; i < a1; i++) Add(ops, DiffKind.Delete, a[i]);
            for (int j = b0; j < b1; j++) Add(ops, DiffKind.Insert, b[j]);
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
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i * w + j] = ka[a0 + i] == kb[b0 + j]
                    ? lcs[(i + 1) * w + j + 1] + 1
                    : Math.Max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
            }
        }
        int x = 0, y = 0;
        var pendingDelete = new List<string>();
        var pendingInsert = new List<string>();
        while (x < n || y < m)
        {
            if (x < n && y < m && ka[a0 + x] == kb[b0 + y])
            {
                Flush(ops, pendingDelete, pendingInsert);
                Add(ops, DiffKind.Equal, b[b0 + y]);
                x++;
                y++;
            }
            else if (y < m && (x == n || lcs[x * w + y + 1] >= lcs[(x + 1) * w + y]))
            {
                pendingInsert.Add(b[b0 + y++]);
            }
            else
            {
                pendingDelete.Add(a[a0 + x++]);
            }
        }
        Flush(ops, pendingDelete, pendingInsert);
        ArrayPool<int>.Shared.Return(lcs);
    }

    // Deletions are emitted before insertions between two kept words, so a change reads "old → new".
    static void Flush(List<(DiffKind Kind, List<string> Words)> ops, List<string> deleted, List<string> inserted)
    {
        foreach (string d in deleted) Add(ops, DiffKind.Delete, d);
        foreach (string i in inserted) Add(ops, DiffKind.Insert, i);
        deleted.Clear();
        inserted.Clear();
    }

    static void Add(List<(DiffKind Kind, List<string> Words)> ops, DiffKind kind, string word)
    {
        if (ops.Count > 0 && ops[^1].Kind == kind) ops[^1].Words.Add(word);
        else ops.Add((kind, [word]));
    }

    static int[] Keys(List<string> words, Dictionary<string, int> ids)
    {
        var keys = new int[words.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            string word = words[i].Trim();
            if (!ids.TryGetValue(word, out int id)) ids[word] = id = ids.Count;
            keys[i] = id;
        }
        return keys;
    }

    /// <summary>Splits into words, each carrying its trailing whitespace; leading whitespace goes with the first word.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            if (words.Count == 0) while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            words.Add(text[start..i]);
        }
        return words;
    }
}
