using System.Buffers;
using System.Runtime.CompilerServices;
using ReuseDetect.Internal;

namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>
    /// Single-linkage chaining: seeds whose ranges lie within <paramref name="gapA"/> tokens in A and
    /// <paramref name="closeB"/> in B, with no page furniture between them in either, share a close chain; within
    /// <paramref name="wideB"/> in B (a summary spreads its source out), a wide chain. Both come from one walk over the
    /// seed pairs, since they differ only in the B gap; the wide chains are not made when <paramref name="wideB"/> is
    /// negative. The chains of two seeds or more (a lone seed is never a passage) are left in
    /// <see cref="Scratch.CloseChains"/> and <see cref="Scratch.WideChains"/>.
    /// </summary>
    internal static void ChainSeeds(ReadOnlySpan<Seed> seeds, int gapA, int closeB, int wideB, Evidence texts, Scratch work)
    {
        int g = gapA, reachB = Math.Max(closeB, wideB);
        // Seeds are sorted by A start; a seed t can link s only when t started at most (gap + longest seed) before s.
        int longest = 0, longestB = 0, lastB = 0;
        foreach (Seed s in seeds)
        {
            longest = Math.Max(longest, s.ALen);
            longestB = Math.Max(longestB, s.BLen);
            lastB = Math.Max(lastB, s.B);
        }
        // A seed within reach in B starts less than reachB + longestB + 1 from the other's start: with buckets of that
        // width by B start, a seed's partners are in its own bucket and the two beside it. Each bucket lists its seeds
        // newest first (a chain through `previous`), so a walk back stops at the A window as a walk over all seeds would,
        // but passes over none of the seeds that lie elsewhere in B.
        int width = reachB + longestB + 1, buckets = lastB / width + 1;
        int[] newest = ArrayPool<int>.Shared.Rent(buckets), previous = ArrayPool<int>.Shared.Rent(seeds.Length);
        UnionFind close = work.Close;
        UnionFind? wide = wideB >= 0 ? work.Wide : null;
        close.Reset(seeds.Length);
        wide?.Reset(seeds.Length);
        try
        {
            newest.AsSpan(0, buckets).Fill(-1);
            bool wallsA = texts.A.BlockedBefore is not null, wallsB = texts.B.BlockedBefore is not null;
            for (int s = 0; s < seeds.Length; s++)
            {
                Seed x = seeds[s];
                int home = x.B / width;
                // Links only ever go from a seed to earlier ones, so s is alone in both sets until here: its roots are kept
                // at hand while it links, and stay its roots (the sets, and so the chains, are the same whatever order the
                // links are made in).
                int closeRoot = s, wideRoot = s;
                for (int k = Math.Max(0, home - 1); k <= Math.Min(buckets - 1, home + 1); k++)
                {
                    for (int t = newest[k]; t >= 0; t = previous[t])
                    {
                        Seed y = seeds[t];
                        if (x.A - y.A > g + longest) break;
                        if (Distance(x.A, x.AEnd, y.A, y.AEnd) > g) continue;
                        int distB = Distance(x.B, x.BEnd, y.B, y.BEnd);
                        if (distB > reachB) continue;
                        // A seed already in s's set would gain nothing from the link, so the wall test is skipped for it:
                        // among the dense seeds of a copy nearly every one within reach is, after the first few links.
                        int closeOther = distB <= closeB ? close.Find(t) : closeRoot;
                        int wideOther = distB <= wideB ? wide!.Find(t) : wideRoot;
                        if ((closeOther == closeRoot && wideOther == wideRoot)
                            || (wallsA && texts.A.Walled(Math.Min(x.A, y.A), Math.Max(x.AEnd, y.AEnd)))
                            || (wallsB && texts.B.Walled(Math.Min(x.B, y.B), Math.Max(x.BEnd, y.BEnd))))
                            continue;
                        if (closeOther != closeRoot) closeRoot = close.JoinRoots(closeRoot, closeOther);
                        if (wideOther != wideRoot) wideRoot = wide!.JoinRoots(wideRoot, wideOther);
                    }
                }
                previous[s] = newest[home];
                newest[home] = s;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(newest);
            ArrayPool<int>.Shared.Return(previous);
        }
        work.ReadSets(close, minSize: 2, work.CloseChains);
        if (wide is not null) work.ReadSets(wide, minSize: 2, work.WideChains);
    }

    static List<Box> MergeBoxes(ReadOnlySpan<Seed> seeds, List<Box> boxes, Gaps gaps, Evidence texts, Scratch work)
    {
        if (boxes.Count <= 1) return boxes;
        int gap = gaps.MergeA, gapB = gaps.MergeB;
        // Sorted by A start, a box can only merge with later boxes starting within gap of its end. The callers' lists are
        // theirs to give: sorted in place.
        boxes.Sort((p, q) => p.AStart != q.AStart ? p.AStart.CompareTo(q.AStart)
            : p.BStart != q.BStart ? p.BStart.CompareTo(q.BStart)
            : p.AEnd != q.AEnd ? p.AEnd.CompareTo(q.AEnd) : p.BEnd.CompareTo(q.BEnd));
        UnionFind uf = work.Merge;
        uf.Reset(boxes.Count);
        for (int x = 0; x < boxes.Count; x++)
        {
            Box p = boxes[x];
            for (int y = x + 1; y < boxes.Count && boxes[y].AStart - p.AEnd <= gap; y++)
            {
                Box q = boxes[y];
                // Chains merge in the same order in both texts: q after p in A must not lie before p in B, or two
                // paragraphs copied apart, in the opposite order, would fuse over the text between them. Crossing
                // chains merge only where they touch in both texts (sentences of one passage reordered).
                bool sameOrder = q.AStart < p.AEnd || q.BStart >= p.BStart;
                int distB = Distance(p.BStart, p.BEnd, q.BStart, q.BEnd);
                // Crossing boxes that touch in both texts are one passage with its sentences reordered.
                bool touching = q.AStart - p.AEnd <= CrossingGap && distB <= CrossingGap;
                if ((sameOrder || touching) && distB <= gapB
                    && !texts.A.Walled(Math.Min(p.AStart, q.AStart), Math.Max(p.AEnd, q.AEnd))
                    && !texts.B.Walled(Math.Min(p.BStart, q.BStart), Math.Max(p.BEnd, q.BEnd)))
                    uf.Union(x, y);
            }
        }
        // The sets of boxes, read into the arena (their members are box indexes), and each merged set's seeds after them.
        List<ArraySegment<int>> sets = work.MergeSets;
        work.ReadSets(uf, minSize: 1, sets);
        List<Box> merged = work.BoxList();
        foreach (ArraySegment<int> set in sets)
        {
            if (set.Count == 1) { merged.Add(boxes[set[0]]); continue; }
            int total = 0;
            foreach (int bi in set.AsSpan()) total += boxes[bi].Seeds.Count;
            Span<int> members = work.Groups.Room(total);
            int count = 0;
            foreach (int bi in set.AsSpan())
            {
                boxes[bi].Seeds.AsSpan().CopyTo(members[count..]);
                count += boxes[bi].Seeds.Count;
            }
            merged.Add(Measure(seeds, work.Groups.Keep(count)));
        }
        return merged;
    }

    /// <summary>Most words between two crossing boxes that still make them one reordered passage.</summary>
    const int CrossingGap = 5;

    static int Distance(int s1, int e1, int s2, int e2) => Math.Max(0, Math.Max(s2 - e1, s1 - e2));

    /// <summary>Bounding box and covered-token counts of a group of seeds.</summary>
    [SkipLocalsInit]
    static Box Measure(ReadOnlySpan<Seed> seeds, ArraySegment<int> group)
    {
        ReadOnlySpan<int> members = group;
        int n = members.Length;
        long[]? rented = null;
        Span<long> buffer = n <= 128 ? stackalloc long[256] : (rented = ArrayPool<long>.Shared.Rent(2 * n));
        try
        {
            Span<long> ar = buffer[..n], br = buffer.Slice(n, n);
            // Groups mostly list seeds in order (A ascending) and along a diagonal (B ascending too): sort only when not.
            bool aSorted = true, bSorted = true;
            for (int x = 0; x < n; x++)
            {
                Seed s = seeds[members[x]];
                ar[x] = ((long)s.A << 32) | (uint)s.AEnd;
                br[x] = ((long)s.B << 32) | (uint)s.BEnd;
                if (x > 0)
                {
                    aSorted &= ar[x] >> 32 >= ar[x - 1] >> 32;
                    bSorted &= br[x] >> 32 >= br[x - 1] >> 32;
                }
            }
            if (!aSorted) NumberSort.Sort(ar);
            if (!bSorted) NumberSort.Sort(br);
            (int a0, int a1, int ma) = Covered(ar);
            (int b0, int b1, int mb) = Covered(br);
            return new Box(a0, a1, b0, b1, ma, mb, group);
        }
        finally
        {
            if (rented is not null) ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// First start, last end and the size of the union of packed ranges (start high, end low) in order of start
    /// (ranges with equal starts in any order).
    /// </summary>
    static (int Start, int End, int Covered) Covered(ReadOnlySpan<long> sortedRanges)
    {
        int covered = 0, end = int.MinValue;
        foreach (long r in sortedRanges)
        {
            int s = (int)(r >> 32), e = (int)r;
            int from = Math.Max(s, end);
            if (e > from) covered += e - from;
            end = Math.Max(end, e);
        }
        return ((int)(sortedRanges[0] >> 32), end, covered);
    }
}
