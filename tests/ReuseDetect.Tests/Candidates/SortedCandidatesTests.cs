using ReuseDetect.Attribution;
using ReuseDetect.Candidates;
using ReuseDetect.Internal;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Candidates;

/// <summary>Candidates from radix-sorted postings must be exactly those of the comparison sorts they replaced (kept here).</summary>
public sealed class SortedCandidatesTests
{
    /// <summary>Fingerprints of documents drawn from a small hash pool, so hashes are shared by few to many documents.</summary>
    static List<Fingerprint[]> RandomFingerprints(Random random, int documents, int pool)
    {
        // Spread over the whole 64-bit range, as real hashes are, so every bucket gets some.
        var hashes = new ulong[pool];
        for (int i = 0; i < pool; i++) hashes[i] = (ulong)random.NextInt64() * 2 + (ulong)random.Next(2);
        var result = new List<Fingerprint[]>();
        for (int d = 0; d < documents; d++)
        {
            var fps = new Fingerprint[random.Next(0, 40)];
            for (int k = 0; k < fps.Length; k++) fps[k] = new Fingerprint(hashes[random.Next(pool)], k);
            result.Add(fps);
        }
        return result;
    }

    [Theory]
    [InlineData(1, 300, 400, 1)]
    [InlineData(2, 300, 400, 1)]
    [InlineData(3, 300, 400, 1)]
    [InlineData(4, 6000, 30000, 3)] // postings and pair keys past RadixSort.BlockedFrom: sorted in blocks
    public void Fingerprint_pairs_equal_those_of_sorting_postings_by_hash_then_document(int seed, int documents, int pool, int threads)
    {
        // Given documents sharing fingerprints with few to many others, some twice in one document
        var random = new Random(seed);
        List<Fingerprint[]> docs = RandomFingerprints(random, documents, pool);
        var index = new FingerprintIndex(parallel: new ParallelOptions { MaxDegreeOfParallelism = threads });
        // Added out of document order too: the documents of a hash still come out ascending
        foreach (int d in Enumerable.Range(0, docs.Count).OrderBy(_ => random.Next())) index.Add(d, docs[d]);
        // When pairs are counted
        SortedDictionary<CandidatePair, int> pairs = index.Pairs(maxDocuments: 40, cliqueLimit: 6);
        // Then they are the reference's, with the same counts, and SortedPairs lists the same pairs in order
        Assert.NotEmpty(pairs);
        Assert.Equal(ReferencePairs(docs, 40, 6), pairs);
        Assert.Equal(pairs.Keys, index.SortedPairs(maxDocuments: 40, cliqueLimit: 6));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(4, 5, 1)]
    [InlineData(1, 1, 4)]
    [InlineData(4, 5, 3)]
    public void Pairs_sharing_a_number_of_fingerprints_equal_the_reference_counts(int seed, int minShared, int threads)
    {
        // Given documents sharing fingerprints with few to many others, some twice in one document, added out of order,
        // into an index sized too small (it grows), counted on one thread or several (blocks of documents side by side)
        var random = new Random(seed);
        List<Fingerprint[]> docs = RandomFingerprints(random, 300, 400);
        var index = new FingerprintIndex(capacity: 7, new ParallelOptions { MaxDegreeOfParallelism = threads });
        foreach (int d in Enumerable.Range(0, docs.Count).OrderBy(_ => random.Next()))
        {
            if (d % 2 == 0) index.Add(d, docs[d]);
            else index.Add(d, [.. docs[d].Select(f => f.Hash)]);
        }
        // When the pairs sharing at least minShared fingerprints (held by at most 30 documents) are listed
        List<CandidatePair> pairs = index.PairsSharing(maxDocuments: 30, minShared);
        // Then they are the reference's pairs of distinct documents with that count (every holder paired), in order
        List<CandidatePair> expected = [.. ReferencePairs(docs, 30, cliqueLimit: 30).Where(p => p.Key.A != p.Key.B && p.Value >= minShared).Select(p => p.Key)];
        Assert.NotEmpty(expected);
        Assert.Equal(expected, pairs);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 3)]
    public void Boilerplate_model_equals_the_one_of_sorting_pairs_by_hash_then_outlet(int seed, int threads)
    {
        var random = new Random(seed);
        List<Fingerprint[]> docs = RandomFingerprints(random, 400, 300);
        string[] names = ["outlet:a.example", "outlet:b.example", "outlet:c.example", "folder:"];
        var outlets = docs.ConvertAll(_ => names[random.Next(names.Length)]);
        BoilerplateModel model = new BoilerplateLearner(minDocuments: 3).Learn(outlets, docs, parallelism: threads);
        Dictionary<string, HashSet<ulong>> reference = ReferenceBoilerplate(outlets, docs, 3);
        Assert.NotEmpty(reference);
        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), model.Groups);
        foreach (string outlet in names)
        {
            Assert.Equal(reference.GetValueOrDefault(outlet)?.Count ?? 0, model.Count(outlet));
            foreach (Fingerprint f in docs.SelectMany(d => d))
                Assert.Equal(reference.GetValueOrDefault(outlet)?.Contains(f.Hash) ?? false, model.IsBoilerplate(outlet, f.Hash));
        }
    }

    [Fact]
    public void Radix_sort_orders_keys_and_keeps_equal_keys_in_input_order()
    {
        var random = new Random(4);
        foreach (int n in new[] { 0, 1, 2, 17, 1000, 5000 })
        {
            // Keys that vary in few bytes (passes skipped) or all, with repeats
            ulong[] keys = [.. Enumerable.Range(0, n).Select(_ => random.Next(3) switch
            {
                0 => (ulong)random.Next(50),
                1 => (ulong)random.Next(50) << 40,
                _ => (ulong)random.NextInt64(),
            })];
            int[] values = [.. Enumerable.Range(0, n)];
            var expected = keys.Zip(values).OrderBy(p => p.First).ToList();
            ulong[] alone = [.. keys];
            RadixSort.Sort(keys, values);
            Assert.Equal(expected.Select(p => p.First), keys);
            Assert.Equal(expected.Select(p => p.Second), values);
            // Keys alone sort the same
            RadixSort.Sort(alone);
            Assert.Equal(keys, alone);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Radix_sort_in_blocks_equals_the_sort_in_one_piece(int threads)
    {
        var random = new Random(5);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        foreach (int n in new[] { RadixSort.BlockedFrom - 1, RadixSort.BlockedFrom, 200_003 })
        {
            // Keys that vary in few bytes (passes skipped), with many repeats, or in all bytes; longer arrays than the count
            ulong[] keys = [.. Enumerable.Range(0, n + 10).Select(_ => random.Next(3) switch
            {
                0 => (ulong)random.Next(50),
                1 => (ulong)random.Next(50) << 40,
                _ => (ulong)random.NextInt64(),
            })];
            int[] values = [.. Enumerable.Range(0, n + 10)];
            ulong[] expectedKeys = keys[..n];
            int[] expectedValues = values[..n];
            RadixSort.Sort(expectedKeys, expectedValues);
            ulong[] alone = [.. keys];
            RadixSort.Sort(keys, values, n, options);
            Assert.Equal(expectedKeys, keys[..n]);
            Assert.Equal(expectedValues, values[..n]);
            // Past the count nothing moves; keys alone sort the same
            Assert.Equal(Enumerable.Range(n, 10), values[n..]);
            RadixSort.Sort(alone, null, n, options);
            Assert.Equal(expectedKeys, alone[..n]);
        }
    }

    /// <summary>Fingerprint pairs as they were counted: postings sorted by (hash, document), each hash's holders paired.</summary>
    static SortedDictionary<CandidatePair, int> ReferencePairs(List<Fingerprint[]> docs, int maxDocuments, int cliqueLimit)
    {
        var pairs = new SortedDictionary<CandidatePair, int>();
        void Bump(CandidatePair p) => pairs[p] = pairs.GetValueOrDefault(p) + 1;
        var postings = docs.SelectMany((fps, d) => fps.Select(f => (f.Hash, Document: d))).OrderBy(p => p.Hash).ThenBy(p => p.Document);
        foreach (var run in postings.GroupBy(p => p.Hash))
        {
            var holders = new List<int>();
            foreach (var (_, d) in run)
            {
                if (holders.Count > 0 && holders[^1] == d) Bump(new CandidatePair(d, d));
                else holders.Add(d);
            }
            if (holders.Count < 2 || holders.Count > maxDocuments) continue;
            if (holders.Count <= cliqueLimit)
            {
                for (int x = 0; x < holders.Count; x++)
                    for (int y = x + 1; y < holders.Count; y++) Bump(new CandidatePair(holders[x], holders[y]));
            }
            else
            {
                for (int y = 1; y < holders.Count; y++) Bump(new CandidatePair(holders[0], holders[y]));
            }
        }
        return pairs;
    }

    /// <summary>The boilerplate rule on (hash, outlet) pairs, one per document and distinct hash.</summary>
    static Dictionary<string, HashSet<ulong>> ReferenceBoilerplate(List<string> outlets, List<Fingerprint[]> docs, int minDocuments)
    {
        var result = new Dictionary<string, HashSet<ulong>>();
        var pairs = docs.SelectMany((fps, d) => fps.Select(f => f.Hash).Distinct().Select(h => (Hash: h, Outlet: outlets[d])));
        foreach (var run in pairs.GroupBy(p => p.Hash))
        {
            int total = run.Count();
            var best = run.GroupBy(p => p.Outlet).OrderByDescending(g => g.Count()).First();
            // A group inferred from a host or folder needs a share of its documents too.
            bool share = best.Key.StartsWith("outlet:", StringComparison.Ordinal)
                || (best.Count() >= BoilerplateLearner.InferredShare * outlets.Count(o => o == best.Key) && best.Count() >= BoilerplateLearner.InferredMinDocuments);
            if (total >= minDocuments && best.Count() >= minDocuments && best.Count() * 2 > total && share)
            {
                if (!result.TryGetValue(best.Key, out var set)) result[best.Key] = set = [];
                set.Add(run.Key);
            }
        }
        return result;
    }

    [Fact]
    public void Exact_jaccard_of_sorted_shingles_equals_the_set_jaccard()
    {
        var random = new Random(7);
        string[] words = ["wire", "copy", "repost", "desk", "editor", "agency", "story", "update"];
        string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        for (int round = 0; round < 50; round++)
        {
            TokenizedText a = Tokenizer.Tokenize(Text(random.Next(0, 80))), b = Tokenizer.Tokenize(Text(random.Next(0, 80)));
            var sa = new HashSet<ulong>(ReuseDetect.Shingling.Shingler.Hash(a.TokenHashes, 3));
            var sb = new HashSet<ulong>(ReuseDetect.Shingling.Shingler.Hash(b.TokenHashes, 3));
            double expected = sa.Count == 0 && sb.Count == 0 ? 0 : (double)sa.Intersect(sb).Count() / sa.Union(sb).Count();
            Assert.Equal(expected, ShingleSet.Jaccard(a, b, 3));
        }
    }

    [Fact]
    public void Groups_of_a_minimum_size_are_the_larger_sets_in_order()
    {
        var random = new Random(9);
        var uf = new UnionFind(200);
        for (int k = 0; k < 120; k++) uf.Union(random.Next(200), random.Next(200));
        List<int[]> all = uf.Groups();
        // Every element once, each set ascending, sets by their smallest element
        Assert.Equal(Enumerable.Range(0, 200), all.SelectMany(g => g).Order());
        Assert.All(all, g => Assert.Equal(g.Order(), g));
        Assert.Equal(all.Select(g => g[0]).Order(), all.Select(g => g[0]));
        Assert.All(all, g => Assert.All(g, x => Assert.Equal(uf.Find(g[0]), uf.Find(x))));
        Assert.Equal(all.Where(g => g.Length >= 3), uf.Groups(minSize: 3));
    }
}
