using System.IO.Hashing;
using System.Runtime.InteropServices;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>
/// The BBC News corpus read once for every test of this class: the engine's documents and every pair's exact
/// shingle Jaccard, computed by brute force independently of LSH and MinHash.
/// </summary>
public sealed class BbcCorpus
{
    public BbcCorpus()
    {
        Root = TestPaths.SharedData("bbc-news");
        if (Root is null) return;
        // Every document a scan reads, shingled as the engine's exact check does (distinct 5-word shingles of the body).
        var source = new FolderSource(Root, new IngestOptions());
        var ids = new List<string>();
        var sets = new List<ulong[]>();
        foreach (SourceFile f in source.List().Files)
        {
            foreach (LoadedDocument d in source.LoadAll(f).Documents)
            {
                ids.Add(d.Id);
                sets.Add(ShingleSet.Distinct(Tokenizer.Tokenize(d.Text, d.BodyStart, d.BodyEnd), new ReuseDetectOptions().ShingleSize));
            }
        }
        Jaccards = AllPairJaccards(ids, sets);
    }

    /// <summary>The corpus folder, or null when ../shared/data/bbc-news is absent.</summary>
    public string? Root { get; }

    /// <summary>Every pair (ids in ordinal order) that shares at least one shingle, with its exact Jaccard.</summary>
    public Dictionary<(string, string), double> Jaccards { get; } = [];

    readonly Dictionary<double, ReuseReport> _scans = [];

    /// <summary>
    /// A scan of the corpus at <paramref name="threshold"/> (kept for the other tests): the default scan at the default
    /// threshold; at others, passages are left out (no fingerprint links two documents), which changes nothing in the
    /// near-duplicate stage and saves the alignment.
    /// </summary>
    public ReuseReport Scan(double threshold)
    {
        lock (_scans)
        {
            var options = new ReuseDetectOptions();
            if (threshold != options.NearDuplicateThreshold) options = options with { NearDuplicateThreshold = threshold, MaxDocumentFrequency = 1 };
            if (!_scans.TryGetValue(threshold, out ReuseReport? r)) _scans[threshold] = r = new ReuseDetector(options).Scan(Root!);
            return r;
        }
    }

    /// <summary>
    /// Brute force through an inverted index: for each document, count the shingles it shares with every later
    /// document by walking the postings of its shingles; J = |A ∩ B| / (|A| + |B| - |A ∩ B|).
    /// </summary>
    static Dictionary<(string, string), double> AllPairJaccards(List<string> ids, List<ulong[]> sets)
    {
        var postings = new Dictionary<ulong, List<int>>();
        for (int d = 0; d < sets.Count; d++)
            foreach (ulong s in sets[d]) (CollectionsMarshal.GetValueRefOrAddDefault(postings, s, out _) ??= []).Add(d);
        var result = new Dictionary<(string, string), double>();
        var shared = new int[sets.Count];
        var touched = new List<int>();
        for (int a = 0; a < sets.Count; a++)
        {
            foreach (ulong s in sets[a])
                foreach (int b in postings[s])
                    if (b > a && shared[b]++ == 0) touched.Add(b);
            foreach (int b in touched)
            {
                int inter = shared[b];
                var key = string.CompareOrdinal(ids[a], ids[b]) < 0 ? (ids[a], ids[b]) : (ids[b], ids[a]);
                result[key] = (double)inter / (sets[a].Length + sets[b].Length - inter);
                shared[b] = 0;
            }
            touched.Clear();
        }
        return result;
    }
}

/// <summary>Near-duplicates on the BBC News corpus (read from ../shared/data; skipped when absent).</summary>
public sealed class BbcNearDuplicateTests(BbcCorpus corpus) : IClassFixture<BbcCorpus>
{
    [Fact]
    public void Should_find_every_byte_identical_pair_and_verify_each_pair_by_exact_jaccard()
    {
        string? root = corpus.Root;
        if (root is null) Assert.Skip("../shared/data/bbc-news is not present");
        // Given the byte-identical pairs, computed independently of the engine
        var byHash = Directory.GetDirectories(root).SelectMany(Directory.GetFiles)
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal))
            .GroupBy(f => XxHash128.HashToUInt128(File.ReadAllBytes(f)))
            .Where(g => g.Count() > 1);
        var identical = new List<(string, string)>();
        foreach (var g in byHash)
        {
            var ids = g.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            for (int i = 0; i < ids.Count; i++)
                for (int j = i + 1; j < ids.Count; j++) identical.Add((ids[i], ids[j]));
        }
        // When
        ReuseReport r = corpus.Scan(new ReuseDetectOptions().NearDuplicateThreshold);
        // Then
        var found = r.NearDuplicates.Select(n => (n.Ids[0], n.Ids[1])).ToHashSet();
        Assert.True(identical.Count >= 98, $"expected at least 98 identical pairs, counted {identical.Count}");
        Assert.All(identical, p => Assert.Contains(p, found));
        Assert.All(r.NearDuplicates, n => Assert.True(n.Jaccard >= r.Parameters.NearDuplicateThreshold));
        // And each reported Jaccard is the brute-force one
        Assert.All(r.NearDuplicates, n => Assert.Equal(corpus.Jaccards[(n.Ids[0], n.Ids[1])], n.Jaccard, 4));
    }

    [Theory]
    [InlineData(0.8)] // the default
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.9)]
    public void Should_report_at_least_99_percent_of_the_pairs_whose_exact_jaccard_reaches_the_threshold(double threshold)
    {
        if (corpus.Root is null) Assert.Skip("../shared/data/bbc-news is not present");
        // Given every pair at or above the threshold by brute force
        var truth = corpus.Jaccards.Where(kv => kv.Value >= threshold).Select(kv => kv.Key).ToList();
        // When the folder is scanned at that threshold
        ReuseReport r = corpus.Scan(threshold);
        var found = r.NearDuplicates.Select(n => (n.Ids[0], n.Ids[1])).ToHashSet();
        // Then at least 99 % of them are reported, and nothing below the threshold is
        var missed = truth.Where(p => !found.Contains(p)).ToList();
        string detail = $"threshold {threshold}: {truth.Count - missed.Count} of {truth.Count} pairs found (LSH {r.Parameters.LshBands}×{r.Parameters.LshRows}); missed: "
            + string.Join(", ", missed.Take(20).Select(p => $"{p.Item1}~{p.Item2} J={corpus.Jaccards[p]:F3}"));
        TestContext.Current.TestOutputHelper?.WriteLine(detail);
        Assert.True(truth.Count >= 100, detail);
        Assert.True(missed.Count * 100 <= truth.Count, detail);
        Assert.Equal(found.Count, found.Count(p => corpus.Jaccards.GetValueOrDefault(p) >= threshold));
    }
}
