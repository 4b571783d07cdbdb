using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Attribution;

/// <summary>Credits resolved over a whole scan: the wire agency, not a reposting outlet's own footer, is the source.</summary>
public sealed class CreditResolutionScanTests
{
    static readonly string[] s_stories =
    [
        "The central bank raised its main interest rate by half a percentage point on Thursday, the largest increase in two decades, "
            + "saying that inflation had spread from energy and food to wages and rents and would take longer to fall than it had expected.",
        "Two of the country's largest carmakers agreed to share the cost of building battery plants in three regions, a deal that "
            + "officials said would create thousands of jobs and cut the price of electric cars for buyers within the next five years.",
        "Heavy rain flooded parts of the northern province for a second day, forcing the evacuation of several villages and closing "
            + "the main railway line, while forecasters warned that rivers would keep rising until at least the end of the week.",
    ];

    [Fact]
    public void Should_take_the_wire_agency_for_the_source_and_mark_every_copy_credited()
    {
        // Given three Reuters stories, each reposted by three outlets whose pages end with their own copyright footer
        using var root = new TempFolder();
        foreach (var (host, name) in (ReadOnlySpan<(string, string)>)[("dailycourier.com", "Daily Courier"), ("eveningstar.com", "Evening Star"), ("metrotimes.com", "Metro Times")])
            for (int s = 0; s < s_stories.Length; s++)
                root.Write($"{host}/{s}.txt", (s == 0 ? "As Reuters reported: " : "") + s_stories[s] + "\n(Reuters)\n\nCopyright 2023 "
                    + name + " Media Group. All rights reserved.");
        var detector = new ReuseDetector(new ReuseDetectOptions { Ingest = new IngestOptions { OutletFromFolder = true } });
        // When
        ReuseReport report = detector.Scan(root.Path);
        // Then each story is one passage whose source is Reuters, credited by every copy
        var passages = report.Clusters.Where(c => c is { Kind: "passage", Boilerplate: false }).ToList();
        Assert.Equal(3, passages.Count);
        Assert.All(passages, c =>
        {
            Assert.Equal("Reuters", c.Origin.Outlet);
            Assert.Equal(3, c.Members.Count);
            Assert.All(c.Members, m => Assert.True(m.Credited, $"{m.Id} uncredited in {c.Id}"));
        });
        // And no document credits its own footer
        Assert.All(report.Documents, d => Assert.Equal(["Reuters"], d.Credits.Select(c => c.Outlet).Distinct()));
    }
}
