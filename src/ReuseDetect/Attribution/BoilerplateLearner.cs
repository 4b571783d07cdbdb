using ReuseDetect.Ingestion;
using ReuseDetect.Signatures;

namespace ReuseDetect.Attribution;

/// <summary>
/// Each outlet's learned boilerplate: the winnowing fingerprints that recur across many of its documents (footers,
/// newsletter prompts, comment widgets). See <see cref="BoilerplateLearner"/>.
/// </summary>
public sealed class BoilerplateModel
{
    readonly Dictionary<string, HashSet<ulong>> _byOutlet;

    internal BoilerplateModel(Dictionary<string, HashSet<ulong>> byOutlet) => _byOutlet = byOutlet;

    /// <summary>Outlets with boilerplate, in ordinal order.</summary>
    public IEnumerable<string> Outlets => _byOutlet.Keys.Order(StringComparer.Ordinal);

    /// <summary>Number of boilerplate fingerprints of <paramref name="outlet"/>.</summary>
    public int Count(string outlet) => _byOutlet.TryGetValue(outlet, out var set) ? set.Count : 0;

    /// <summary>True when <paramref name="hash"/> is boilerplate of <paramref name="outlet"/>.</summary>
    public bool IsBoilerplate(string outlet, ulong hash) => _byOutlet.TryGetValue(outlet, out var set) && set.Contains(hash);
}

/// <summary>
/// Learns boilerplate per outlet from the corpus itself. A fingerprint is boilerplate of outlet O when at least
/// <c>minDocuments</c> documents of O hold it and they are more than half of all documents that hold it (so a phrase
/// common to every outlet is not any one outlet's boilerplate, while O's footer stays O's even when another outlet
/// reposts one of O's articles with it). The unknown outlet has no boilerplate. Counting sorts one flat array of
/// (hash, outlet) pairs, one per document and distinct hash, so it is linear in the fingerprints and needs no
/// per-hash objects (and spreads over threads by hash); it also covers fingerprints far too common to align pairwise (a footer in thousands of documents).
/// </summary>
public sealed class BoilerplateLearner(int minDocuments)
{
    /// <summary>A hash held by a document of an outlet.</summary>
    readonly record struct Holder(ulong Hash, int Outlet);

    /// <summary>Learns from each document's outlet and fingerprints (same order).</summary>
    public BoilerplateModel Learn(IReadOnlyList<string> outlets, IReadOnlyList<Fingerprint[]> fingerprints) => Learn(outlets, fingerprints, 1);

    /// <summary>
    /// Learns from each document's outlet and fingerprints (same order), on up to <paramref name="parallelism"/> threads:
    /// the (hash, outlet) pairs are spread into a bucket a thread by the top bits of the hash, and each bucket is sorted
    /// and counted apart (all of one hash's pairs are in one bucket, so the model is the same whatever the split).
    /// </summary>
    public BoilerplateModel Learn(IReadOnlyList<string> outlets, IReadOnlyList<Fingerprint[]> fingerprints, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var outletIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var pairs = new List<Holder>();
        var seen = new HashSet<ulong>();
        for (int d = 0; d < outlets.Count; d++)
        {
            if (!outletIds.TryGetValue(outlets[d], out int o))
            {
                outletIds[outlets[d]] = o = names.Count;
                names.Add(outlets[d]);
            }
            seen.Clear();
            foreach (Fingerprint f in fingerprints[d])
                if (seen.Add(f.Hash)) pairs.Add(new Holder(f.Hash, o));
        }
        // One bucket a thread: a few long sorts (a sort called many times would run unoptimized code while the JIT tiers up).
        int bits = 0;
        while (1 << bits < parallelism && bits < 8) bits++;
        int buckets = 1 << bits;
        var starts = new int[buckets + 1];
        foreach (Holder h in pairs) starts[Bucket(h.Hash, bits) + 1]++;
        for (int b = 0; b < buckets; b++) starts[b + 1] += starts[b];
        var hashes = new ulong[pairs.Count];
        var outletOf = new int[pairs.Count];
        var fill = (int[])starts.Clone();
        foreach (Holder h in pairs)
        {
            int at = fill[Bucket(h.Hash, bits)]++;
            (hashes[at], outletOf[at]) = (h.Hash, h.Outlet);
        }
        var found = new List<Holder>[buckets];
        Parallel.For(0, buckets, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, b =>
        {
            int start = starts[b], length = starts[b + 1] - starts[b];
            SortByHashThenValue(hashes, outletOf, start, length);
            var list = new List<Holder>();
            Boilerplate(hashes.AsSpan(start, length), outletOf.AsSpan(start, length), names, list);
            found[b] = list;
        });
        var byOutlet = new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal);
        foreach (List<Holder> list in found)
            foreach (Holder h in list)
            {
                string outlet = names[h.Outlet];
                if (!byOutlet.TryGetValue(outlet, out var set)) byOutlet[outlet] = set = [];
                set.Add(h.Hash);
            }
        return new BoilerplateModel(byOutlet);
    }

    static int Bucket(ulong hash, int bits) => bits == 0 ? 0 : (int)(hash >> (64 - bits));

    /// <summary>
    /// Sorts <c>[start, start + length)</c> of <paramref name="hashes"/> with <paramref name="values"/> alongside, by hash,
    /// then value (a sort of plain words, then each run of equal hashes by value).
    /// </summary>
    internal static void SortByHashThenValue(ulong[] hashes, int[] values, int start, int length)
    {
        Array.Sort(hashes, values, start, length);
        int end = start + length;
        for (int i = start; i < end;)
        {
            int j = i + 1;
            while (j < end && hashes[j] == hashes[i]) j++;
            if (j - i > 1) Array.Sort(values, i, j - i);
            i = j;
        }
    }

    /// <summary>The (hash, outlet) of each boilerplate hash among (hash, outlet) pairs sorted by hash, then outlet.</summary>
    void Boilerplate(ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> outlets, List<string> names, List<Holder> found)
    {
        int i = 0;
        while (i < hashes.Length)
        {
            int j = i;
            while (j < hashes.Length && hashes[j] == hashes[i]) j++;
            int total = j - i;
            if (total >= minDocuments)
            {
                // Within a hash run, pairs are sorted by outlet: find the largest outlet run.
                int best = -1, bestCount = 0;
                for (int k = i; k < j;)
                {
                    int m = k;
                    while (m < j && outlets[m] == outlets[k]) m++;
                    if (m - k > bestCount) (best, bestCount) = (outlets[k], m - k);
                    k = m;
                }
                if (bestCount >= minDocuments && bestCount * 2 > total && names[best] != DocumentMetadata.UnknownOutlet)
                    found.Add(new Holder(hashes[i], best));
            }
            i = j;
        }
    }
}
