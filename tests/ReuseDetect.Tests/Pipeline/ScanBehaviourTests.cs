using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Pipeline;

public sealed class ScanBehaviourTests
{
    // A synthetic wire story (written for this test) and two edited reposts.
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months. "
        + "Analysts had expected a smaller increase after two consecutive hikes earlier this year, and markets reacted with a modest rally in the national currency. "
        + "The bank also revised its growth forecast for next year down to three percent, pointing to weaker demand from the country's main trading partners.";

    [Fact]
    public void Should_find_an_edited_repost_and_a_verbatim_near_duplicate_and_skip_bad_files()
    {
        // Given
        using var tmp = new TempFolder();
        tmp.Write("wire/story.txt", Story);
        tmp.Write("siteA/copy.txt", "Breaking news. " + Story + " Subscribe to our newsletter for more.");
        string edited = Story.Replace("Governor Anna Petrosyan", "Central bank governor Anna Petrosian", StringComparison.Ordinal)
            .Replace("a modest rally", "a small rally", StringComparison.Ordinal);
        tmp.Write("siteB/edited.md", "---\ntitle: Rates\n---\nOur view: " + edited);
        tmp.Write("siteC/unrelated.txt", "A football match ended in a draw on Sunday after both teams missed penalties in the second half of a tense game.");
        tmp.WriteBytes("siteC/broken.txt", [0x00, 0x01, 0x02, 0x03]);
        tmp.Write("siteC/empty.txt", "");
        // When
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions()).Scan(tmp.Path);
        // Then the story is one cluster carried by three documents
        ReportCluster c = Assert.Single(r.Clusters, c => c.Kind == "passage");
        Assert.Equal(["siteA/copy.txt", "siteB/edited.md", "wire/story.txt"], c.Members.Select(m => m.Id));
        string copy = File.ReadAllText(Path.Combine(tmp.Path, "siteA/copy.txt"));
        ReportMember inCopy = c.Members[0];
        Assert.Equal(Story, copy[inCopy.Start..inCopy.End]);
        Assert.Equal(Story, inCopy.Text);
        // And the verbatim copy is a near-duplicate of the wire story, the edited one is not
        Assert.Contains(r.NearDuplicates, n => n.Ids.SequenceEqual(["siteA/copy.txt", "wire/story.txt"]));
        // And bad files are reported with their reason while the rest is scanned
        Assert.Equal(2, r.Summary.Skipped);
        Assert.StartsWith("binary file", r.Documents.Single(d => d.Id == "siteC/broken.txt").Error, StringComparison.Ordinal);
        Assert.StartsWith("empty file", r.Documents.Single(d => d.Id == "siteC/empty.txt").Error, StringComparison.Ordinal);
        Assert.Equal(0, r.Documents.Single(d => d.Id == "siteC/unrelated.txt").ReusedChars);
    }

    [Fact]
    public void Should_find_swapped_paragraphs()
    {
        // Given two short paragraphs reposted in the other order
        using var tmp = new TempFolder();
        string[] paras = Story.Split(". ", StringSplitOptions.None);
        string p1 = string.Join(". ", paras[..2]) + ".", p2 = string.Join(". ", paras[2..]);
        tmp.Write("a.txt", p1 + "\n\n" + p2);
        tmp.Write("b.txt", p2 + "\n\n" + p1);
        // When
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions()).Scan(tmp.Path);
        // Then both paragraphs are found as reuse in both documents (paragraphs this short and this close may be
        // aligned as one passage: the two articles share all their text)
        var passages = r.Clusters.Where(c => c.Kind == "passage").ToList();
        Assert.NotEmpty(passages);
        Assert.All(passages, c => Assert.Equal(2, c.Documents));
        foreach (string id in (string[])["a.txt", "b.txt"])
            Assert.Equal(r.Documents.Single(d => d.Id == id).Length, r.Documents.Single(d => d.Id == id).ReusedChars, tolerance: 2);
    }

    [Fact]
    public void Should_scan_an_empty_folder()
    {
        using var tmp = new TempFolder();
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions()).Scan(tmp.Path);
        Assert.Equal(0, r.Summary.Documents);
        Assert.Empty(r.Clusters);
        Assert.Contains("None found.", MarkdownReportWriter.ToMarkdown(r), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_reject_bad_options_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReuseDetector(new ReuseDetectOptions { Permutations = 100 }));
        Assert.Equal("Permutations", e.ParamName);
    }
}
