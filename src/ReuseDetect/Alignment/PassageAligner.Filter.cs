using System.Buffers;
using System.Runtime.CompilerServices;
using ReuseDetect.Internal;

namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>
    /// One A span, one B span: among passages overlapping in A, the one with more matched tokens wins.
    /// A weaker passage overlapping a stronger one is usually the same A text matching a repeated or
    /// similar stretch elsewhere in B.
    /// </summary>
    static List<Box> ResolveOverlaps(List<Box> boxes, Scratch work)
    {
        if (boxes.Count <= 1) return boxes;
        List<Box> order = work.BoxList();
        order.AddRange(boxes);
        order.Sort((x, y) =>
        {
            int c = (y.MatchedA + y.MatchedB).CompareTo(x.MatchedA + x.MatchedB);
            return c != 0 ? c : x.AStart != y.AStart ? x.AStart.CompareTo(y.AStart) : x.BStart.CompareTo(y.BStart);
        });
        List<Box> kept = work.BoxList();
        foreach (Box box in order)
        {
            bool overlaps = false;
            foreach (Box k in kept)
                if (Overlap(box.AStart, box.AEnd, k.AStart, k.AEnd) > 0 || 2 * Overlap(box.BStart, box.BEnd, k.BStart, k.BEnd) > box.BLength) { overlaps = true; break; }
            if (!overlaps) kept.Add(box);
        }
        return kept;
    }

    static int Overlap(int s1, int e1, int s2, int e2) => Math.Min(e1, e2) - Math.Max(s1, s2);

    /// <summary>
    /// Cuts a passage's ends to its path: the longest chain of its seeds in the same order in both texts. A seed beyond an
    /// end of the path that matches a word more than <paramref name="gap"/> tokens off the path's diagonal ("Pashinyan"
    /// after the reused sentence, matched to the name inside the other copy) no longer stretches the end; seeds between
    /// the path's ends, and beyond them on its diagonal, all stay.
    /// </summary>
    static Box OnPath(ReadOnlySpan<Seed> seeds, Box box, int gap, Arena<int> groups)
    {
        ReadOnlySpan<int> group = box.Seeds;
        int n = group.Length;
        if (n < 3) return box;
        // Longest chain increasing in A and B (patience sorting on B, seeds in A order, ties in A by B descending). Only
        // the places of the seeds are read, so they are sorted as packed words: A high, B low as its complement (B
        // descending); seeds at one place are alike to the walk, so the order among them does not matter.
        long[] places = ArrayPool<long>.Shared.Rent(n);
        int[] links = ArrayPool<int>.Shared.Rent(2 * n);
        try
        {
            Span<long> order = places.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                Seed s = seeds[group[i]];
                order[i] = ((long)s.A << 32) | (uint)~s.B;
            }
            NumberSort.Sort(order);
            Span<int> tails = links.AsSpan(0, n), previous = links.AsSpan(n, n);
            int length = IncreasingChain.Longest(order, tails, previous);
            int last = tails[length - 1], first = last;
            while (previous[first] >= 0) first = previous[first];
            int headA = (int)(order[first] >> 32), headB = ~(int)order[first];
            int tailA = (int)(order[last] >> 32), tailB = ~(int)order[last];
            // A seed beyond the path's ends stays when it continues the path's diagonal within a gap (an edit, a local swap).
            Span<int> inside = groups.Room(n);
            int count = 0;
            foreach (int g in group)
            {
                Seed x = seeds[g];
                (int endA, int endB) = x.A > tailA ? (tailA, tailB) : x.A < headA ? (headA, headB) : (x.A, x.B);
                if (Math.Abs(x.B - endB - (x.A - endA)) <= gap) inside[count++] = g;
            }
            return count == n ? box : Measure(seeds, groups.Keep(count));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(places);
            ArrayPool<int>.Shared.Return(links);
        }
    }
}

sealed partial class PassageAligner
{
    /// <summary>
    /// Cuts a passage to its dense core: on side A, then B, then A again (as many as <paramref name="rounds"/>),
    /// keeps the token segment of largest score (covered tokens +(1 - d), uncovered -d; Kadane's maximum subarray)
    /// and drops the seeds outside it. A passage that is mostly verbatim is then cut again on its exact seeds
    /// alone: loose single-word matches must not stretch a copy over the similar text around it.
    /// </summary>
    static Box Trim(ReadOnlySpan<Seed> seeds, Box box, double density, int rounds, Arena<int> groups)
    {
        box = TrimRounds(seeds, box, density, rounds, exactOnly: false, groups);
        if (rounds > 1 && box.ALength > 0 && ExactShare(seeds, box) >= VerbatimShare)
            box = TrimRounds(seeds, box, VerbatimDensity, rounds, exactOnly: true, groups);
        return box;
    }

    // A passage whose A side is at least this share exact n-grams is a copy, trimmed at this density on exact seeds.
    const double VerbatimShare = 0.9;
    const double VerbatimDensity = 0.5;

    [SkipLocalsInit]
    static double ExactShare(ReadOnlySpan<Seed> seeds, Box box)
    {
        int n = box.Seeds.Count;
        long[]? rented = null;
        Span<long> ranges = n <= 256 ? stackalloc long[256] : (rented = ArrayPool<long>.Shared.Rent(n));
        try
        {
            int count = 0;
            bool sorted = true;
            foreach (int g in box.Seeds.AsSpan())
            {
                if (!seeds[g].Exact) continue;
                ranges[count] = ((long)seeds[g].A << 32) | (uint)seeds[g].AEnd;
                if (count > 0) sorted &= ranges[count] >> 32 >= ranges[count - 1] >> 32;
                count++;
            }
            if (count == 0) return 0;
            Span<long> exact = ranges[..count];
            if (!sorted) NumberSort.Sort(exact);
            return (double)Covered(exact).Covered / box.ALength;
        }
        finally
        {
            if (rented is not null) ArrayPool<long>.Shared.Return(rented);
        }
    }

    static Box TrimRounds(ReadOnlySpan<Seed> seeds, Box box, double density, int rounds, bool exactOnly, Arena<int> groups)
    {
        ArraySegment<int> group = box.Seeds;
        for (int round = 0; round < rounds; round++)
        {
            bool sideA = round != 1;
            int lo = sideA ? box.AStart : box.BStart, hi = sideA ? box.AEnd : box.BEnd;
            (int s0, int s1) = DenseSegment(seeds, group, sideA, lo, hi, density, exactOnly);
            if (s0 == lo && s1 == hi) continue;
            Span<int> inside = groups.Room(group.Count);
            int count = 0;
            foreach (int g in group.AsSpan())
            {
                Seed s = seeds[g];
                int from = sideA ? s.A : s.B, to = sideA ? s.AEnd : s.BEnd;
                if (from >= s0 && to <= s1) inside[count++] = g;
            }
            if (count == 0) return box with { AEnd = box.AStart, BEnd = box.BStart };
            group = groups.Keep(count);
            box = Measure(seeds, group);
        }
        return box;
    }

    static (int Start, int End) DenseSegment(ReadOnlySpan<Seed> seeds, ReadOnlySpan<int> group, bool sideA, int lo, int hi, double density, bool exactOnly)
    {
        int n = hi - lo;
        // A coverage difference array over the span: +1 at a seed start, -1 at its end.
        int[] diff = System.Buffers.ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            Array.Clear(diff, 0, n + 1);
            foreach (int g in group)
            {
                Seed s = seeds[g];
                if (exactOnly && !s.Exact) continue;
                diff[(sideA ? s.A : s.B) - lo]++;
                diff[(sideA ? s.AEnd : s.BEnd) - lo]--;
            }
            double best = double.NegativeInfinity, run = 0;
            int bestStart = 0, bestEnd = n, runStart = 0, depth = 0;
            for (int t = 0; t < n; t++)
            {
                depth += diff[t];
                if (run <= 0) { run = 0; runStart = t; }
                run += depth > 0 ? 1 - density : -density;
                if (run > best) { best = run; bestStart = runStart; bestEnd = t + 1; }
            }
            return (lo + bestStart, lo + bestEnd);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(diff);
        }
    }
}
