using ReuseDetect.Internal;
using ReuseDetect.Signatures;

namespace ReuseDetect.Candidates;

/// <summary>
/// Inverted index from winnowing fingerprint to documents. Postings are two flat arrays of hash and document, sorted
/// once, in place (radix sort by hash, documents ascending within a hash), which costs 12 bytes a fingerprint and no
/// per-entry objects. Candidate pairs are documents that share a fingerprint held by at most <c>maxDocuments</c> documents
/// (commoner fingerprints are phrases, not reuse); groups larger than <c>cliqueLimit</c> are linked as a star around
/// their first document, which keeps the pair count linear while still connecting every holder for clustering. A
/// document holding the same fingerprint twice is a candidate for internal repeats. Sorting and pairing run on at most
/// <paramref name="parallel"/>'s threads (one when not given); the result is the same for any number.
/// </summary>
sealed class FingerprintIndex(int capacity = 0, ParallelOptions? parallel = null)
{
    readonly ParallelOptions _parallel = parallel ?? new ParallelOptions { MaxDegreeOfParallelism = 1 };

    // Flat postings, sized once when the caller knows how many there are (a scan does): growing a list of millions
    // would leave each smaller copy behind as a large object.
    ulong[] _hashes = capacity == 0 ? [] : new ulong[capacity];
    int[] _documents = capacity == 0 ? [] : new int[capacity];
    int _count;

    /// <summary>Adds a document's fingerprints.</summary>
    public void Add(int document, ReadOnlySpan<Fingerprint> fingerprints)
    {
        Reserve(fingerprints.Length);
        foreach (Fingerprint f in fingerprints)
        {
            _hashes[_count] = f.Hash;
            _documents[_count++] = document;
        }
    }

    /// <summary>Adds a document's fingerprint hashes (each once).</summary>
    public void Add(int document, ReadOnlySpan<ulong> hashes)
    {
        Reserve(hashes.Length);
        hashes.CopyTo(_hashes.AsSpan(_count));
        _documents.AsSpan(_count, hashes.Length).Fill(document);
        _count += hashes.Length;
    }

    void Reserve(int more)
    {
        if (_count + more <= _hashes.Length) return;
        int size = Math.Max(_count + more, Math.Max(16, 2 * _hashes.Length));
        Array.Resize(ref _hashes, size);
        Array.Resize(ref _documents, size);
    }

    /// <summary>
    /// Pairs of distinct documents sharing at least <paramref name="minShared"/> fingerprints, each held by at most
    /// <paramref name="maxDocuments"/> documents, sorted. Every pair of holders counts (no star): the caps keep that small.
    /// The fingerprints held by more than <paramref name="maxDocuments"/> documents go into <paramref name="common"/> when given.
    /// </summary>
    /// <remarks>
    /// Counted per document rather than by listing every (pair, fingerprint): the holders of each fingerprint are laid
    /// out once, each document gets the list of fingerprints it holds, and then for each document A in turn the
    /// documents after it that share its fingerprints are counted in one array (one per thread), reset through the list
    /// of those it touched. Memory stays linear in the postings (a list of every pair of holders of every fingerprint runs to
    /// millions of entries) and the pairs come out sorted.
    /// </remarks>
    public List<CandidatePair> PairsSharing(int maxDocuments, int minShared, ISet<ulong>? common = null)
    {
        SortPostings(out Span<ulong> hashes, out Span<int> documents);
        // The distinct holders of each fingerprint held by 2 to maxDocuments documents, ascending, run after run.
        // Scratch of this call alone, dropped after it (a shared pool would keep it for the rest of the scan).
        int[] holders = GC.AllocateUninitializedArray<int>(_count);
        var runStarts = new List<int> { 0 };
        int documentCount = 0, held = 0;
        for (int i = 0; i < hashes.Length;)
        {
            int j = SortedRuns.End(hashes, i);
            int start = held;
            for (int x = i; x < j; x++)
                if (x == i || documents[x] != documents[x - 1]) holders[held++] = documents[x];
            if (held - start > maxDocuments) common?.Add(hashes[i]);
            if (held - start is < 2 || held - start > maxDocuments) held = start;
            else
            {
                runStarts.Add(held);
                documentCount = Math.Max(documentCount, holders[held - 1] + 1);
            }
            i = j;
        }
        // For each document, the runs it is in (compressed rows: the runs of d are runsOf[first[d] .. first[d + 1])).
        var first = new int[documentCount + 1];
        for (int h = 0; h < held; h++) first[holders[h] + 1]++;
        for (int d = 0; d < documentCount; d++) first[d + 1] += first[d];
        int[] runsOf = GC.AllocateUninitializedArray<int>(held);
        int[] fill = first[..documentCount];
        int[] runStart = [.. runStarts];
        for (int r = 0; r + 1 < runStart.Length; r++)
            for (int h = runStart[r]; h < runStart[r + 1]; h++) runsOf[fill[holders[h]]++] = r;
        // Each document's partners are counted on their own: in blocks of documents side by side, each thread with its own
        // counting array, and the blocks' pairs joined in document order (the same pairs, in the same order, as one pass).
        int blocks = Math.Min(documentCount, 64), perBlock = blocks == 0 ? 0 : (documentCount + blocks - 1) / blocks;
        var found = new List<CandidatePair>[blocks];
        Parallel.For(0, blocks, _parallel, () => new int[documentCount], (block, _, counts) =>
        {
            var pairs = new List<CandidatePair>();
            var touched = new List<int>();
            var partners = new List<int>();
            for (int a = block * perBlock, last = Math.Min(documentCount, a + perBlock); a < last; a++)
            {
                for (int k = first[a]; k < first[a + 1]; k++)
                {
                    int r = runsOf[k];
                    // Holders are ascending: those after a are the tail of the run.
                    for (int h = runStart[r + 1] - 1; h >= runStart[r] && holders[h] > a; h--)
                        if (counts[holders[h]]++ == 0) touched.Add(holders[h]);
                }
                if (touched.Count == 0) continue;
                // Only the partners sharing enough are sorted: most documents touched share a fingerprint or two.
                foreach (int b in touched)
                {
                    if (counts[b] >= minShared) partners.Add(b);
                    counts[b] = 0;
                }
                touched.Clear();
                if (partners.Count == 0) continue;
                partners.Sort();
                foreach (int b in partners) pairs.Add(new CandidatePair(a, b));
                partners.Clear();
            }
            found[block] = pairs;
            return counts;
        }, _ => { });
        var all = new List<CandidatePair>(found.Sum(f => f.Count));
        foreach (List<CandidatePair> f in found) all.AddRange(f);
        return all;
    }

    /// <summary>Number of postings.</summary>
    public int Count => _count;

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

    /// <summary>Candidate pairs, sorted, each with the number of fingerprints contributing it (what <see cref="CandidateIndex"/> keeps).</summary>
    public List<(CandidatePair Pair, int Count)> SortedPairCounts(int maxDocuments, int cliqueLimit)
    {
        var pairs = new List<(CandidatePair, int)>();
        ForEachRun(SortedPairKeys(maxDocuments, cliqueLimit), (pair, count) => pairs.Add((pair, count)));
        return pairs;
    }

    /// <summary>Calls <paramref name="action"/> once per distinct pair of sorted packed <paramref name="keys"/>, with its count.</summary>
    static void ForEachRun(ulong[] keys, Action<CandidatePair, int> action)
    {
        ReadOnlySpan<ulong> k = keys;
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
    ulong[] SortedPairKeys(int maxDocuments, int cliqueLimit)
    {
        SortPostings(out Span<ulong> hashes, out Span<int> documents);
        // Two passes over the runs: the first counts the keys, so the second fills one array of the right size.
        var keys = new ulong[Keys(hashes, documents, maxDocuments, cliqueLimit, null)];
        Keys(hashes, documents, maxDocuments, cliqueLimit, keys);
        RadixSort.Sort(keys, null, keys.Length, _parallel);
        return keys;
    }

    /// <summary>
    /// The packed pair keys of sorted postings (into <paramref name="keys"/> when given); returns how many there are. A
    /// document holding a fingerprint twice gives the key (d, d), a possible internal repeat; a fingerprint held by 2 to
    /// <paramref name="maxDocuments"/> documents gives every pair of them, or, past <paramref name="cliqueLimit"/>, a star
    /// around the first.
    /// </summary>
    static int Keys(ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> documents, int maxDocuments, int cliqueLimit, ulong[]? keys)
    {
        int count = 0;
        for (int i = 0; i < hashes.Length;)
        {
            int j = SortedRuns.End(hashes, i);
            // The holders of this fingerprint, distinct and ascending (documents are sorted within a run).
            int distinct = 0;
            for (int x = i; x < j; x++)
            {
                if (x > i && documents[x] == documents[x - 1])
                {
                    if (keys is not null) keys[count] = Key(documents[x], documents[x]);
                    count++;
                }
                else
                {
                    distinct++;
                }
            }
            if (distinct >= 2 && distinct <= maxDocuments)
            {
                if (distinct <= cliqueLimit)
                {
                    if (keys is not null)
                        for (int x = i, at = count; x < j; x++)
                        {
                            if (x > i && documents[x] == documents[x - 1]) continue;
                            for (int y = x + 1; y < j; y++)
                                if (documents[y] != documents[y - 1]) keys[at++] = Key(documents[x], documents[y]);
                        }
                    count += distinct * (distinct - 1) / 2;
                }
                else
                {
                    if (keys is not null)
                        for (int y = i + 1, at = count; y < j; y++)
                            if (documents[y] != documents[y - 1]) keys[at++] = Key(documents[i], documents[y]);
                    count += distinct - 1;
                }
            }
            i = j;
        }
        return count;
    }

    /// <summary>The postings sorted by hash, then document (in place), as spans over them.</summary>
    void SortPostings(out Span<ulong> hashes, out Span<int> documents)
    {
        RadixSort.Sort(_hashes, _documents, _count, _parallel);
        hashes = _hashes.AsSpan(0, _count);
        documents = _documents.AsSpan(0, _count);
        RadixSort.SortRuns(hashes, documents);
    }

    static ulong Key(int a, int b) => ((ulong)(uint)a << 32) | (uint)b;
}
