using System.Runtime.InteropServices;
using ReuseDetect.Signatures;

namespace ReuseDetect.Candidates;

/// <summary>
/// Inverted index from winnowing fingerprint to documents. Postings are one flat array of (hash, document)
/// sorted once, which costs 16 bytes a fingerprint and no per-entry objects. Candidate pairs are documents
/// that share a fingerprint held by at most <c>maxDocuments</c> documents (commoner fingerprints are phrases,
/// not reuse); groups larger than <c>cliqueLimit</c> are linked as a star around their first document, which keeps
/// the pair count linear while still connecting every holder for clustering. A document holding the same
/// fingerprint twice is a candidate for internal repeats.
/// </summary>
public sealed class FingerprintIndex
{
    [StructLayout(LayoutKind.Sequential)]
    readonly record struct Posting(ulong Hash, int Document) : IComparable<Posting>
    {
        public int CompareTo(Posting other) => Hash != other.Hash ? Hash.CompareTo(other.Hash) : Document.CompareTo(other.Document);
    }

    readonly List<Posting> _postings = [];

    /// <summary>Adds a document's fingerprints.</summary>
    public void Add(int document, ReadOnlySpan<Fingerprint> fingerprints)
    {
        foreach (Fingerprint f in fingerprints) _postings.Add(new Posting(f.Hash, document));
    }

    /// <summary>Number of postings.</summary>
    public int Count => _postings.Count;

    /// <summary>Candidate pairs, sorted, each with the number of fingerprints the two documents share.</summary>
    public SortedDictionary<CandidatePair, int> Pairs(int maxDocuments, int cliqueLimit) => Pairs(maxDocuments, cliqueLimit, 1);

    /// <summary>
    /// Candidate pairs, sorted, each with the number of fingerprints the two documents share, on up to
    /// <paramref name="parallelism"/> threads. Postings are first spread into a bucket a thread by the top bits of their
    /// hash (one counting pass; hashes are uniform), so all of one hash's postings are in one bucket; buckets are sorted
    /// and paired independently, and the counts summed (the same whatever the split). On one thread the postings are
    /// sorted in place.
    /// </summary>
    public SortedDictionary<CandidatePair, int> Pairs(int maxDocuments, int cliqueLimit, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        Span<Posting> added = CollectionsMarshal.AsSpan(_postings);
        var pairs = new Dictionary<CandidatePair, int>();
        if (parallelism == 1)
        {
            added.Sort();
            PairRuns(added, maxDocuments, cliqueLimit, [], pairs);
            return new SortedDictionary<CandidatePair, int>(pairs);
        }
        // One bucket a thread: a few long sorts (a sort called many times would run unoptimized code while the JIT tiers up).
        int bits = 0;
        while (1 << bits < parallelism && bits < 8) bits++;
        int buckets = 1 << bits;
        var starts = new int[buckets + 1];
        foreach (Posting p in added) starts[Bucket(p.Hash, bits) + 1]++;
        for (int b = 0; b < buckets; b++) starts[b + 1] += starts[b];
        var bucketed = new Posting[added.Length];
        var fill = (int[])starts.Clone();
        foreach (Posting p in added) bucketed[fill[Bucket(p.Hash, bits)]++] = p;
        var gate = new Lock();
        Parallel.For(0, buckets, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => new Dictionary<CandidatePair, int>(), (b, _, local) =>
        {
            Span<Posting> bucket = bucketed.AsSpan(starts[b], starts[b + 1] - starts[b]);
            bucket.Sort();
            PairRuns(bucket, maxDocuments, cliqueLimit, [], local);
            return local;
        }, local =>
        {
            lock (gate)
                foreach ((CandidatePair key, int count) in local) CollectionsMarshal.GetValueRefOrAddDefault(pairs, key, out _) += count;
        });
        return new SortedDictionary<CandidatePair, int>(pairs);
    }

    static int Bucket(ulong hash, int bits) => (int)(hash >> (64 - bits));

    /// <summary>Counts the pairs of each run of equal hashes in <paramref name="all"/> (sorted by hash, then document).</summary>
    static void PairRuns(ReadOnlySpan<Posting> all, int maxDocuments, int cliqueLimit, List<int> docs, Dictionary<CandidatePair, int> pairs)
    {
        int i = 0;
        while (i < all.Length)
        {
            int j = i;
            docs.Clear();
            while (j < all.Length && all[j].Hash == all[i].Hash)
            {
                int d = all[j].Document;
                if (docs.Count > 0 && docs[^1] == d)
                {
                    // Same fingerprint twice in one document: a possible internal repeat.
                    Bump(pairs, new CandidatePair(d, d));
                }
                else
                {
                    docs.Add(d);
                }
                j++;
            }
            i = j;
            if (docs.Count < 2 || docs.Count > maxDocuments) continue;
            if (docs.Count <= cliqueLimit)
            {
                for (int x = 0; x < docs.Count; x++)
                    for (int y = x + 1; y < docs.Count; y++)
                        Bump(pairs, new CandidatePair(docs[x], docs[y]));
            }
            else
            {
                for (int y = 1; y < docs.Count; y++) Bump(pairs, new CandidatePair(docs[0], docs[y]));
            }
        }
    }

    static void Bump(Dictionary<CandidatePair, int> pairs, CandidatePair key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(pairs, key, out _)++;
}
