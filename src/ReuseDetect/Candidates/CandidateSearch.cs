using ReuseDetect.Signatures;

namespace ReuseDetect.Candidates;

/// <summary>
/// The candidates stage's searches over a whole corpus, document i of each list being document i of the corpus: the
/// near-duplicate checks worth making (LSH band partners whose MinHash estimate is near the threshold), the pairs sharing a
/// verbatim run (winnowing fingerprints), and the pairs sharing content fingerprints close together (reworded passages).
/// Each gives its pairs sorted, lower document first.
/// </summary>
static class CandidateSearch
{
    /// <summary>Holders past which a content fingerprint is common: it counts for no pair (topic words, not reuse).</summary>
    public const int ContentMaxDocuments = 50;

    /// <summary>
    /// The LSH band partners under <paramref name="banding"/> whose MinHash estimate is at least
    /// <paramref name="threshold"/> less <paramref name="slack"/> (<see cref="MinHasher.EstimateSlack"/>): the pairs whose
    /// exact Jaccard is worth computing. A null signature (a text with no shingle) is in no pair.
    /// </summary>
    public static List<CandidatePair> NearDuplicateChecks(IReadOnlyList<uint[]?> signatures, LshBanding banding, double threshold, double slack)
    {
        var index = new LshIndex(banding, signatures.Count);
        for (int d = 0; d < signatures.Count; d++)
            if (signatures[d] is { } signature) index.Add(d, signature);
        return index.Pairs().FindAll(p => MinHasher.Estimate(signatures[p.A]!, signatures[p.B]!) >= threshold - slack);
    }

    /// <summary>
    /// The pairs sharing a winnowing fingerprint (a verbatim run) held by at most <paramref name="maxDocuments"/> documents,
    /// each with the number of fingerprints it shares (<see cref="FingerprintIndex.SortedPairCounts"/>).
    /// </summary>
    public static List<(CandidatePair Pair, int Count)> VerbatimPairCounts(IReadOnlyList<Fingerprint[]> fingerprints, int maxDocuments, int cliqueLimit,
        ParallelOptions parallel) =>
        VerbatimIndex(fingerprints, parallel).SortedPairCounts(maxDocuments, cliqueLimit);

    /// <summary>The pairs of <see cref="VerbatimPairCounts"/> without their counts.</summary>
    public static List<CandidatePair> VerbatimPairs(IReadOnlyList<Fingerprint[]> fingerprints, int maxDocuments, int cliqueLimit, ParallelOptions parallel) =>
        VerbatimIndex(fingerprints, parallel).SortedPairs(maxDocuments, cliqueLimit);

    static FingerprintIndex VerbatimIndex(IReadOnlyList<Fingerprint[]> fingerprints, ParallelOptions parallel)
    {
        var index = new FingerprintIndex(fingerprints.Sum(f => f.Length), parallel);
        for (int d = 0; d < fingerprints.Count; d++) index.Add(d, fingerprints[d]);
        return index;
    }

    /// <summary>
    /// The pairs sharing content fingerprints (<paramref name="prints"/>, at <paramref name="places"/>) close together in
    /// both (<see cref="ContentNearness"/>: edited reuse keeps its content word pairs, together, while its word n-grams
    /// break): the pairs aligned for reworded passages. Fingerprints held by more than <paramref name="maxDocuments"/>
    /// documents are <paramref name="common"/> and count for no pair.
    /// </summary>
    public static List<CandidatePair> EditedPairs(IReadOnlyList<ulong[]> prints, IReadOnlyList<int[]> places, int maxDocuments, ParallelOptions parallel,
        out HashSet<ulong> common)
    {
        var content = new FingerprintIndex(prints.Sum(p => p.Length), parallel);
        for (int d = 0; d < prints.Count; d++) content.Add(d, prints[d]);
        var found = new HashSet<ulong>();
        List<CandidatePair> sharing = content.PairsSharing(maxDocuments, ContentNearness.MinShared, found);
        // The fingerprints counted must also lie together in both texts; the common ones count for neither.
        var near = new bool[sharing.Count];
        Parallel.For(0, sharing.Count, parallel, i =>
        {
            var (a, b) = (sharing[i].A, sharing[i].B);
            near[i] = ContentNearness.Related(prints[a], places[a], prints[b], places[b], found);
        });
        var edited = new List<CandidatePair>(sharing.Count);
        for (int i = 0; i < sharing.Count; i++)
            if (near[i]) edited.Add(sharing[i]);
        common = found;
        return edited;
    }

    /// <summary>The union of two sorted pair lists, sorted, each pair once.</summary>
    public static List<CandidatePair> Union(List<CandidatePair> a, List<CandidatePair> b)
    {
        var merged = new List<CandidatePair>(a.Count + b.Count);
        for (int i = 0, j = 0; i < a.Count || j < b.Count;)
        {
            int c = i == a.Count ? 1 : j == b.Count ? -1 : a[i].CompareTo(b[j]);
            if (c <= 0) merged.Add(a[i++]);
            else merged.Add(b[j++]);
            if (c == 0) j++;
        }
        return merged;
    }
}
