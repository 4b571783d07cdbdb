using System.IO.Hashing;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>Near-duplicates on the BBC News corpus (read from ../shared/data; skipped when absent).</summary>
public sealed class BbcNearDuplicateTests
{
    [Fact]
    public void Should_find_every_byte_identical_pair_and_verify_each_pair_by_exact_jaccard()
    {
        string? root = TestPaths.SharedData("bbc-news");
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
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions()).Scan(root);
        // Then
        var found = r.NearDuplicates.Select(n => (n.Ids[0], n.Ids[1])).ToHashSet();
        Assert.True(identical.Count >= 98, $"expected at least 98 identical pairs, counted {identical.Count}");
        Assert.All(identical, p => Assert.Contains(p, found));
        Assert.All(r.NearDuplicates, n => Assert.True(n.Jaccard >= r.Parameters.NearDuplicateThreshold));
    }
}
