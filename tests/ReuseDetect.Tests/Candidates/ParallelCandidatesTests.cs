using ReuseDetect.Attribution;
using ReuseDetect.Candidates;
using ReuseDetect.Clustering;
using ReuseDetect.Pipeline;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Candidates;

/// <summary>Candidates split over threads (by hash bucket) must be exactly the serial ones.</summary>
public sealed class ParallelCandidatesTests
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
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(8, 3)]
    public void Fingerprint_pairs_on_threads_equal_the_serial_pairs(int parallelism, int seed)
    {
        var random = new Random(seed);
        List<Fingerprint[]> docs = RandomFingerprints(random, 300, 400);
        FingerprintIndex Index()
        {
            var index = new FingerprintIndex();
            for (int d = 0; d < docs.Count; d++) index.Add(d, docs[d]);
            return index;
        }
        SortedDictionary<CandidatePair, int> serial = Index().Pairs(maxDocuments: 40, cliqueLimit: 6);
        SortedDictionary<CandidatePair, int> parallel = Index().Pairs(maxDocuments: 40, cliqueLimit: 6, parallelism);
        Assert.NotEmpty(serial);
        Assert.Equal(serial, parallel);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    public void Boilerplate_learned_on_threads_equals_the_serial_model(int parallelism, int seed)
    {
        var random = new Random(seed);
        List<Fingerprint[]> docs = RandomFingerprints(random, 400, 300);
        string[] names = ["a.example", "b.example", "c.example", "unknown"];
        var outlets = docs.ConvertAll(_ => names[random.Next(names.Length)]);
        var learner = new BoilerplateLearner(minDocuments: 3);
        BoilerplateModel serial = learner.Learn(outlets, docs), parallel = learner.Learn(outlets, docs, parallelism);
        Assert.Equal(serial.Outlets, parallel.Outlets);
        Assert.Contains(serial.Outlets, o => serial.Count(o) > 0);
        foreach (string outlet in names)
        {
            Assert.Equal(serial.Count(outlet), parallel.Count(outlet));
            foreach (Fingerprint f in docs.SelectMany(d => d))
                Assert.Equal(serial.IsBoilerplate(outlet, f.Hash), parallel.IsBoilerplate(outlet, f.Hash));
        }
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
            Assert.Equal(expected, ReuseDetector.ExactJaccard(a, b, 3));
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
