using ReuseDetect.Internal;
using System.Buffers;

namespace ReuseDetect.Candidates;

/// <summary>
/// Whether two texts may hold a reworded passage, by the content fingerprints they share: at least <see cref="MinShared"/>,
/// <see cref="NearShared"/> of them close together in both. A reworded copy of a passage keeps many of its content word
/// pairs, and keeps them together: in a passage copied with a word changed in every few, a dozen shared fingerprints fall
/// in a stretch of <see cref="Places"/> content words, and a short, heavily edited one keeps two or three. Two long
/// texts on one topic share a few pairs too ("interest rates", "central bank"), but scattered through them; aligning
/// such a pair for reworded passages costs the most and finds nothing, so it is aligned for verbatim passages only.
/// </summary>
/// <remarks>
/// Measured on PAN 2013 train + BBC (7,282 files): of 105,548 pairs sharing three content fingerprints, 92,231 gave no
/// passage. Asking two of them to lie together leaves 51,610 of the pairs and the same passages (`reuse eval pan-scan`
/// with 40 and 200 pairs a category, and the news testbeds, unchanged); asking all three drops short obfuscated PAN
/// cases that keep only two together (random obfuscation, 200 pairs: 0.8898 to 0.8807).
/// </remarks>
static class ContentNearness
{
    /// <summary>Content fingerprints two texts must share (each held by few documents) to be aligned for reworded passages.</summary>
    public const int MinShared = 3;

    /// <summary>Of those, how many must lie within <see cref="Places"/> of each other in both texts.</summary>
    public const int NearShared = 2;

    /// <summary>
    /// The stretch, in content word pairs (about two paragraphs of prose), inside which shared fingerprints count together.
    /// </summary>
    public const int Places = 80;

    /// <summary>
    /// True when two texts share <see cref="MinShared"/> distinct content fingerprints (none of <paramref name="excluded"/>),
    /// <see cref="NearShared"/> of them within <see cref="Places"/> of each other in both. Each text is given as hashes
    /// ascending with their places (ascending within a hash), as <see cref="Shingling.ContentShingles.Located(Text.TokenizedText, ulong[])"/> gives them.
    /// </summary>
    public static bool Related(ReadOnlySpan<ulong> hashesA, ReadOnlySpan<int> placesA, ReadOnlySpan<ulong> hashesB, ReadOnlySpan<int> placesB,
        IReadOnlySet<ulong>? excluded) =>
        SharedNear(hashesA, placesA, hashesB, placesB, excluded, MinShared, NearShared);

    /// <summary>
    /// True when at least <paramref name="total"/> distinct hashes are shared (none of <paramref name="excluded"/>) and
    /// <paramref name="near"/> of them lie, at some of their places, within <see cref="Places"/> of each other in both texts.
    /// </summary>
    internal static bool SharedNear(ReadOnlySpan<ulong> hashesA, ReadOnlySpan<int> placesA, ReadOnlySpan<ulong> hashesB, ReadOnlySpan<int> placesB,
        IReadOnlySet<ulong>? excluded, int total, int near)
    {
        if (hashesA.Length != placesA.Length || hashesB.Length != placesB.Length)
            throw new ArgumentException("Each text needs one place for each hash.");
        int count = Math.Max(1, near);
        // Every pair of places of a shared hash is a hit: (place in A, place in B, which hash), packed to sort by A.
        long[] hits = ArrayPool<long>.Shared.Rent(64);
        int[] ids = ArrayPool<int>.Shared.Rent(64);
        try
        {
            int n = 0, id = 0;
            for (int i = 0, j = 0; i < hashesA.Length && j < hashesB.Length;)
            {
                ulong x = hashesA[i], y = hashesB[j];
                if (x < y) { i++; continue; }
                if (y < x) { j++; continue; }
                int ie = i, je = j;
                while (ie < hashesA.Length && hashesA[ie] == x) ie++;
                while (je < hashesB.Length && hashesB[je] == x) je++;
                if (excluded is null || !excluded.Contains(x))
                {
                    Grow(ref hits, ref ids, n, n + (ie - i) * (je - j));
                    for (int p = i; p < ie; p++)
                        for (int q = j; q < je; q++)
                        {
                            hits[n] = ((long)placesA[p] << 32) | (uint)placesB[q];
                            ids[n++] = id;
                        }
                    id++;
                }
                i = ie;
                j = je;
            }
            if (id < Math.Max(total, count)) return false;
            Array.Sort(hits, ids, 0, n);
            return Near(hits.AsSpan(0, n), ids.AsSpan(0, n), count);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(hits);
            ArrayPool<int>.Shared.Return(ids);
        }
    }

    /// <summary>
    /// Whether hits sorted by place in A hold <paramref name="count"/> distinct hashes within <see cref="Places"/> in A and
    /// in B: for each hit as the first in A, the hits up to <see cref="Places"/> after it, ordered by B, are swept with a
    /// window of <see cref="Places"/>.
    /// </summary>
    static bool Near(ReadOnlySpan<long> hits, ReadOnlySpan<int> ids, int count)
    {
        long[] window = ArrayPool<long>.Shared.Rent(Math.Max(1, hits.Length));
        try
        {
            for (int s = 0; s + count <= hits.Length; s++)
            {
                int a0 = (int)(hits[s] >> 32), m = 0;
                for (int t = s; t < hits.Length && (int)(hits[t] >> 32) - a0 <= Places; t++)
                    window[m++] = ((long)(uint)hits[t] << 32) | (uint)ids[t];
                if (m < count) continue;
                Span<long> byB = window.AsSpan(0, m);
                NumberSort.Sort(byB);
                for (int lo = 0; lo + count <= m; lo++)
                {
                    int b0 = (int)(byB[lo] >> 32), distinct = 0;
                    for (int hi = lo; hi < m && (int)(byB[hi] >> 32) - b0 <= Places; hi++)
                    {
                        int h = (int)byB[hi];
                        bool seen = false;
                        for (int k = lo; k < hi && !seen; k++) seen = (int)byB[k] == h;
                        if (!seen && ++distinct >= count) return true;
                    }
                }
            }
            return false;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(window);
        }
    }

    static void Grow(ref long[] hits, ref int[] ids, int used, int size)
    {
        if (size <= hits.Length) return;
        long[] h = ArrayPool<long>.Shared.Rent(Math.Max(size, 2 * hits.Length));
        int[] d = ArrayPool<int>.Shared.Rent(h.Length);
        hits.AsSpan(0, used).CopyTo(h);
        ids.AsSpan(0, used).CopyTo(d);
        ArrayPool<long>.Shared.Return(hits);
        ArrayPool<int>.Shared.Return(ids);
        hits = h;
        ids = d;
    }
}
