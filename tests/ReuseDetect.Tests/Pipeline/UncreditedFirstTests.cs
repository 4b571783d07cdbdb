using System.Globalization;
using System.Text;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Pipeline;

public sealed class UncreditedFirstTests
{
    static string Story(int seed, int words)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (int i = 0; i < words; i++) sb.Append(i == 0 ? "" : " ").Append("v").Append(random.Next(0, 50000).ToString(CultureInfo.InvariantCulture));
        return sb.Append('.').ToString();
    }

    [Fact]
    public void Should_list_uncredited_reposts_first_and_mark_each_member()
    {
        // Given a long RFE/RL story reposted with credit, and a shorter TASS story reposted a day later without credit
        using var tmp = new TempFolder();
        string a = Story(1, 200), b = Story(2, 60);
        tmp.Write("rferl/a.txt", a);
        tmp.Write("ann/a.txt", a + "\n\nReposted with permission from RFE/RL.");
        tmp.Write("tass/b.md", "---\ndate: 2021-11-08\n---\n" + b);
        tmp.Write("blog/b.md", "---\ndate: 2021-11-09\n---\n" + b);
        var options = new ReuseDetectOptions { Parallelism = 1, Ingest = new IngestOptions { OutletFromFolder = true } };
        // When
        ReuseReport r = new ReuseDetector(options).Scan(tmp.Path);
        // Then the uncredited repost comes first although it is shorter
        Assert.Equal(2, r.Clusters.Count);
        ReportCluster first = r.Clusters[0], second = r.Clusters[1];
        Assert.Equal(("tass/b.md", "earliest-date", 1), (first.Origin.Id, first.Origin.Basis, first.Uncredited));
        Assert.Equal([("blog/b.md", (bool?)false), ("tass/b.md", null)], first.Members.Select(m => (m.Id, m.Credited)));
        // And the credited repost names the RFE/RL document (outlet "rferl") as origin: it is the credited source's own page
        Assert.Equal(("rferl/a.txt", "source-outlet", 0), (second.Origin.Id, second.Origin.Basis, second.Uncredited));
        Assert.Equal("RFE/RL", second.Source?.Name);
        Assert.Equal([("ann/a.txt", (bool?)true), ("rferl/a.txt", null)], second.Members.Select(m => (m.Id, m.Credited)));
        Assert.Equal("with permission from RFE/RL", second.Members[0].Credit);
    }
}
