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

    [Theory]
    [InlineData("The Associated Press contributed to this report.", true)]
    [InlineData("This article was provided by The Associated Press.", true)]
    [InlineData("Distributed by The Associated Press", true)]
    [InlineData("— The Associated Press", true)]
    [InlineData("© Copyright 2023 The Associated Press", true)]
    [InlineData("The Associated Press receives support from several private foundations to enhance its coverage.", true)]
    [InlineData("Jane Doe contributed to this report.", false)]
    [InlineData("(c) Copyright Thomson Reuters 2023. Click For Restrictions", false)]
    [InlineData("Follow AP's coverage of the economy.", false)]
    public void Should_mark_a_copy_credited_by_how_wires_are_credited_in_print(string line, bool credited)
    {
        // Given an AP story on its own page and a repost on another outlet's page ending with the line, then the outlet's footer
        using var root = new TempFolder();
        root.Write("apnews.com/rates.txt", "WASHINGTON (AP) — " + s_stories[0] + "\n\nCopyright 2023 The Associated Press. All rights reserved.");
        root.Write("dailycourier.com/rates.txt", "Rates rise again\n\n" + s_stories[0] + "\n\n" + line + "\n\nCopyright 2023 Daily Courier Media Group.");
        var detector = new ReuseDetector(new ReuseDetectOptions { Ingest = new IngestOptions { OutletFromFolder = true } });
        // When
        ReuseReport report = detector.Scan(root.Path);
        // Then the repost is credited when the line names AP (a reporter, another agency or a link to AP's coverage does not)
        ReportCluster passage = Assert.Single(report.Clusters, c => c is { Kind: "passage", Boilerplate: false });
        Assert.Equal("AP", passage.Source?.Name);
        Assert.Equal(credited, Assert.Single(passage.Members, m => m.Id == "dailycourier.com/rates.txt").Credited);
    }
}
