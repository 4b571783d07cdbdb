using System.Runtime.InteropServices;
using ReuseDetect.Clustering;
using ReuseDetect.Shingling;

namespace ReuseDetect.Alignment;

/// <summary>
/// Finds reused passages between two token sequences (or inside one). Seeds are shared token n-grams
/// (n = <see cref="AlignmentOptions.SeedSize"/>) that are not too common; seeds within
/// <see cref="AlignmentOptions.MaxGap"/> tokens of each other in both texts are chained (single linkage
/// in the two-dimensional position space, so edits, insertions and deletions inside a passage do not
/// split it, and swapped paragraphs are found as separate passages); chains that lie within
/// <see cref="AlignmentOptions.MergeGap"/> in both texts are merged; a passage is kept when it is at
/// least <see cref="AlignmentOptions.MinWords"/> tokens on each side and enough of each side is covered by seeds.
/// Passage ends always fall on matching tokens.
/// </summary>
public sealed class PassageAligner
{
    readonly AlignmentOptions _options;

    /// <summary>Creates an aligner.</summary>
    public PassageAligner(AlignmentOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SeedSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinWords, 1, nameof(options));
        _options = options;
    }

    /// <summary>The options in force.</summary>
    public AlignmentOptions Options => _options;

    /// <summary>Aligns token hash sequences <paramref name="a"/> and <paramref name="b"/>.</summary>
    public List<AlignedPassage> Align(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) => AlignCore(a, b, self: false);

    /// <summary>Finds passages repeated inside one token sequence (A before B; the two spans never overlap).</summary>
    public List<AlignedPassage> AlignSelf(ReadOnlySpan<ulong> a) => AlignCore(a, a, self: true);

    List<AlignedPassage> AlignCore(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, bool self)
    {
        int k = _options.SeedSize;
        var result = new List<AlignedPassage>();
        if (a.Length < Math.Max(k, _options.MinWords) || b.Length < Math.Max(k, _options.MinWords)) return result;
        long[] seeds = FindSeeds(a, b, self);
        if (seeds.Length == 0) return result;
        List<int[]> groups = ChainSeeds(seeds);
        List<Box> boxes = [];
        foreach (int[] g in groups)
        {
            Box box = Measure(seeds, g);
            if (g.Length >= 2 && box.Coverage >= _options.MinCoverage) boxes.Add(box);
        }
        foreach (Box box in MergeBoxes(seeds, boxes))
        {
            if (box.ALength < _options.MinWords || box.BLength < _options.MinWords) continue;
            if (box.Coverage < _options.MinCoverage) continue;
            if (self && box.BStart < box.AEnd) continue;
            result.Add(new AlignedPassage(box.AStart, box.AEnd, box.BStart, box.BEnd, box.MatchedA, box.MatchedB));
        }
        result.Sort((x, y) => x.AStart != y.AStart ? x.AStart.CompareTo(y.AStart) : x.BStart.CompareTo(y.BStart));
        return result;
    }

    /// <summary>Seeds as <c>(i &lt;&lt; 32) | j</c>, sorted by i then j.</summary>
    long[] FindSeeds(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, bool self)
    {
        int k = _options.SeedSize, maxOcc = _options.MaxOccurrences;
        ulong[] ga = Shingler.Hash(a, k);
        ulong[] gb = self ? ga : Shingler.Hash(b, k);
        // Positions of each A gram, chained: head[h] is the first position, next[i] the following one.
        var head = new Dictionary<ulong, (int First, int Count)>(ga.Length);
        var next = new int[ga.Length];
        for (int i = ga.Length - 1; i >= 0; i--)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(head, ga[i], out bool exists);
            next[i] = exists ? slot.First : -1;
            slot = (i, exists ? slot.Count + 1 : 1);
        }
        Dictionary<ulong, int>? countB = null;
        if (!self)
        {
            countB = new Dictionary<ulong, int>(gb.Length);
            foreach (ulong h in gb) CollectionsMarshal.GetValueRefOrAddDefault(countB, h, out _)++;
        }
        var seeds = new List<long>();
        for (int j = 0; j < gb.Length; j++)
        {
            if (!head.TryGetValue(gb[j], out var entry) || entry.Count > maxOcc) continue;
            if (countB is not null && countB[gb[j]] > maxOcc) continue;
            for (int i = entry.First; i >= 0; i = next[i])
            {
                if (self && i >= j) break;
                seeds.Add(((long)i << 32) | (uint)j);
            }
        }
        long[] arr = [.. seeds];
        Array.Sort(arr);
        return arr;
    }

    /// <summary>Single-linkage chaining: seeds within MaxGap in both texts share a chain.</summary>
    List<int[]> ChainSeeds(long[] seeds)
    {
        int g = _options.MaxGap;
        var uf = new UnionFind(seeds.Length);
        for (int s = 1; s < seeds.Length; s++)
        {
            int si = (int)(seeds[s] >> 32), sj = (int)seeds[s];
            for (int t = s - 1; t >= 0; t--)
            {
                int ti = (int)(seeds[t] >> 32);
                if (si - ti > g) break;
                int tj = (int)seeds[t];
                if (Math.Abs(sj - tj) <= g) uf.Union(s, t);
            }
        }
        return uf.Groups();
    }

    IEnumerable<Box> MergeBoxes(long[] seeds, List<Box> boxes)
    {
        if (boxes.Count <= 1) return boxes;
        int gap = _options.MergeGap;
        var uf = new UnionFind(boxes.Count);
        for (int x = 0; x < boxes.Count; x++)
            for (int y = x + 1; y < boxes.Count; y++)
            {
                Box p = boxes[x], q = boxes[y];
                if (Distance(p.AStart, p.AEnd, q.AStart, q.AEnd) <= gap && Distance(p.BStart, p.BEnd, q.BStart, q.BEnd) <= gap)
                    uf.Union(x, y);
            }
        var merged = new List<Box>();
        foreach (int[] group in uf.Groups())
        {
            if (group.Length == 1) { merged.Add(boxes[group[0]]); continue; }
            var members = new List<int>();
            foreach (int bi in group) members.AddRange(boxes[bi].Seeds);
            merged.Add(Measure(seeds, [.. members]));
        }
        return merged;
    }

    static int Distance(int s1, int e1, int s2, int e2) => Math.Max(0, Math.Max(s2 - e1, s1 - e2));

    /// <summary>Bounding box and covered-token counts of a group of seeds.</summary>
    Box Measure(long[] seeds, int[] group)
    {
        int k = _options.SeedSize;
        var ai = new int[group.Length];
        var bj = new int[group.Length];
        for (int x = 0; x < group.Length; x++)
        {
            ai[x] = (int)(seeds[group[x]] >> 32);
            bj[x] = (int)seeds[group[x]];
        }
        Array.Sort(ai);
        Array.Sort(bj);
        return new Box(ai[0], ai[^1] + k, bj[0], bj[^1] + k, Covered(ai, k), Covered(bj, k), group);
    }

    static int Covered(int[] sortedStarts, int k)
    {
        int covered = 0, end = int.MinValue;
        foreach (int s in sortedStarts)
        {
            int from = Math.Max(s, end);
            if (s + k > from) covered += s + k - from;
            end = Math.Max(end, s + k);
        }
        return covered;
    }

    readonly record struct Box(int AStart, int AEnd, int BStart, int BEnd, int MatchedA, int MatchedB, int[] Seeds)
    {
        public int ALength => AEnd - AStart;
        public int BLength => BEnd - BStart;
        public double Coverage => Math.Min((double)MatchedA / ALength, (double)MatchedB / BLength);
    }
}
