using System.Text.Json;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Store.Tests;

/// <summary>
/// A generated corpus of a few hundred articles with planted reposts gives a byte-identical <c>report.json</c>
/// across runs, across degrees of parallelism, and with the store cold or warm; and every plant is found.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public void The_report_is_byte_identical_across_runs_threads_and_a_warm_store()
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        List<GeneratedCorpus.Plant> plants = GeneratedCorpus.Write(root.Path, 300, 40, seed: 11);
        string Cold(int threads) => JsonReportWriter.ToJson(new ReuseDetector(new ReuseDetectOptions { Parallelism = threads }).Scan(root.Path));
        string Stored(int threads)
        {
            var options = new ReuseDetectOptions { Parallelism = threads };
            using var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options));
            return JsonReportWriter.ToJson(new ReuseDetector(options).Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store)));
        }

        string one = Cold(1);
        Assert.Equal(one, Cold(2));
        Assert.Equal(one, Cold(1));
        Assert.Equal(one, Stored(2)); // store cold
        Assert.Equal(one, Stored(1)); // store warm
        Assert.Equal(one, Stored(2));

        // Every planted repost is found as a passage shared by its two documents.
        using JsonDocument report = JsonDocument.Parse(one);
        var linked = new HashSet<(string, string)>();
        foreach (JsonElement c in report.RootElement.GetProperty("clusters").EnumerateArray())
        {
            if (c.GetProperty("kind").GetString() != "passage") continue;
            string[] ids = [.. c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Distinct()];
            foreach (string a in ids) foreach (string b in ids) linked.Add((a, b));
        }
        Assert.All(plants, p => Assert.Contains((p.Source, p.Target), linked));
    }
}
