using System.Runtime.InteropServices;
using ReuseDetect.Candidates;
using ReuseDetect.Ingestion;
using ReuseDetect.Internal;
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
/// (hash, outlet) pairs, one per document and distinct hash (a radix sort), so it is linear in the fingerprints and
/// needs no per-hash objects; it also covers fingerprints far too common to align pairwise (a footer in thousands of documents).
/// </summary>
public sealed class BoilerplateLearner(int minDocuments)
{
    /// <summary>Learns from each document's outlet and fingerprints (same order).</summary>
    public BoilerplateModel Learn(IReadOnlyList<string> outlets, IReadOnlyList<Fingerprint[]> fingerprints)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        ArgumentNullException.ThrowIfNull(fingerprints);
        var outletIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var hashes = new List<ulong>();
        var holders = new List<int>();
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
            {
                if (!seen.Add(f.Hash)) continue;
                hashes.Add(f.Hash);
                holders.Add(o);
            }
        }
        // (hash, outlet) pairs sorted by hash, then outlet: a radix sort by hash, then each hash's outlets.
        Span<ulong> hash = CollectionsMarshal.AsSpan(hashes);
        Span<int> outlet = CollectionsMarshal.AsSpan(holders);
        RadixSort.Sort(hash, outlet);
        RadixSort.SortRuns(hash, outlet);
        var byOutlet = new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal);
        int i = 0;
        while (i < hash.Length)
        {
            int j = SortedRuns.End(hash, i);
            int total = j - i;
            if (total >= minDocuments)
            {
                // Within a hash run, pairs are sorted by outlet: find the largest outlet run.
                int best = -1, bestCount = 0;
                for (int k = i; k < j;)
                {
                    int m = k;
                    while (m < j && outlet[m] == outlet[k]) m++;
                    if (m - k > bestCount) (best, bestCount) = (outlet[k], m - k);
                    k = m;
                }
                string name = names[best];
                if (bestCount >= minDocuments && bestCount * 2 > total && name != DocumentMetadata.UnknownOutlet)
                {
                    if (!byOutlet.TryGetValue(name, out var set)) byOutlet[name] = set = [];
                    set.Add(hash[i]);
                }
            }
            i = j;
        }
        return new BoilerplateModel(byOutlet);
    }
}
