using System.Runtime.InteropServices;
using ReuseDetect.Internal;
using ReuseDetect.Signatures;

namespace ReuseDetect.Candidates;

/// <summary>
/// Inverted index from winnowing fingerprint to documents. Postings are two flat arrays of hash and document, sorted
/// once, in place (radix sort by hash, documents ascending within a hash), which costs 12 bytes a fingerprint and no
/// per-entry objects. Candidate pairs are documents that share a fingerprint held by at most <c>maxDocuments</c> documents
/// (commoner fingerprints are phrases, not reuse); groups larger than <c>cliqueLimit</c> are linked as a star around
/// their first document, which keeps the pair count linear while still connecting every holder for clustering. A
/// document holding the same fingerprint twice is a candidate for internal repeats.
/// </summary>
sealed class FingerprintIndex
{
    readonly List<ulong> _hashes = [];
    readonly List<int> _documents = [];

    /// <summary>Adds a document's fingerprints.</summary>
    public void Add(int document, ReadOnlySpan<Fingerprint> fingerprints)
    {
        foreach (Fingerprint f in fingerprints)
        {
            _hashes.Add(f.Hash);
            _documents.Add(document);
        }
    }

    /// <summary>Adds a document's fingerprint hashes (each once).</summary>
    public void Add(int document, ReadOnlySpan<ulong> hashes)
    {
        foreach (ulong h in hashes)
        {
            _hashes.Add(h);
            _documents.Add(document);
        }
    }

    /// <summary>
    /// Pairs of distinct documents sharing at least <paramref name="minShared"/> fingerprints, each held by at most
    /// <paramref name="maxDocuments"/> documents, sorted. Every pair of holders counts (no star): the caps keep that small.
    /// </summary>
    public List<CandidatePair> PairsSharing(int maxDocuments, int minShared)
    {
        List<ulong> keys = SortedPairKeys(maxDocuments, cliqueLimit: maxDocuments);
        var pairs = new List<CandidatePair>();
        ForEachRun(keys, (pair, count) =>
        {
            if (pair.A != pair.B && count >= minShared) pairs.Add(pair);
        });
        return pairs;
    }

    /// <summary>Number of postings.</summary>
    public int Count => _hashes.Count;

    /// <summary>Candidate pairs, sorted, each with the number of fingerprints the two documents share.</summary>
    public SortedDictionary<CandidatePair, int> Pairs(int maxDocuments, int cliqueLimit)
    {
        var pairs = new SortedDictionary<CandidatePair, int>();
        ForEachRun(SortedPairKeys(maxDocuments, cliqueLimit), (pair, count) => pairs.Add(pair, count));
        return pairs;
    }

    /// <summary>Candidate pairs, sorted (what <see cref="Pairs"/> gives, without the counts).</summary>
    public List<CandidatePair> SortedPairs(int maxDocuments, int cliqueLimit)
    {
        var pairs = new List<CandidatePair>();
        ForEachRun(SortedPairKeys(maxDocuments, cliqueLimit), (pair, _) => pairs.Add(pair));
        return pairs;
    }

    /// <summary>Calls <paramref name="action"/> once per distinct pair of sorted packed <paramref name="keys"/>, with its count.</summary>
    static void ForEachRun(List<ulong> keys, Action<CandidatePair, int> action)
    {
        ReadOnlySpan<ulong> k = CollectionsMarshal.AsSpan(keys);
        for (int i = 0; i < k.Length;)
        {
            int j = SortedRuns.End(k, i);
            action(new CandidatePair((int)(k[i] >> 32), (int)(uint)k[i]), j - i);
            i = j;
        }
    }

    /// <summary>
    /// One packed key <c>(A &lt;&lt; 32) | B</c> (A ≤ B, so keys order as pairs do) for each fingerprint a pair of
    /// documents shares, sorted: a pair's count is the length of its run. Sorting flat keys (a radix sort) costs a
    /// fraction of counting them in a hash table of pairs, and leaves them in the order the callers want.
    /// </summary>
    List<ulong> SortedPairKeys(int maxDocuments, int cliqueLimit)
    {
        Span<ulong> hashes = CollectionsMarshal.AsSpan(_hashes);
        Span<int> documents = CollectionsMarshal.AsSpan(_documents);
        RadixSort.Sort(hashes, documents);
        RadixSort.SortRuns(hashes, documents);
        var keys = new List<ulong>();
        var docs = new List<int>();
        int i = 0;
        while (i < hashes.Length)
        {
            int j = i;
            docs.Clear();
            while (j < hashes.Length && hashes[j] == hashes[i])
            {
                int d = documents[j];
                if (docs.Count > 0 && docs[^1] == d)
                {
                    // Same fingerprint twice in one document: a possible internal repeat.
                    keys.Add(Key(d, d));
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
                        keys.Add(Key(docs[x], docs[y]));
            }
            else
            {
                for (int y = 1; y < docs.Count; y++) keys.Add(Key(docs[0], docs[y]));
            }
        }
        Span<ulong> span = CollectionsMarshal.AsSpan(keys);
        int[] scratch = System.Buffers.ArrayPool<int>.Shared.Rent(span.Length);
        try
        {
            RadixSort.Sort(span, scratch.AsSpan(0, span.Length));
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(scratch);
        }
        return keys;
    }

    static ulong Key(int a, int b) => ((ulong)(uint)a << 32) | (uint)b;
}
