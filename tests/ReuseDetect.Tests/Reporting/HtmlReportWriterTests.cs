using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 3)]
    [InlineData(7, 2)]
    [InlineData(16, 5)]
    [InlineData(65536, 7)]
    public void Should_escape_the_streamed_data_as_the_whole_would_be_escaped_wherever_the_buffer_cuts_it(int size, int piece)
    {
        // Given UTF-8 text with raw separators (three bytes each), angle brackets and other three-byte characters (an em
        // dash, E2 80 94, starts as a separator does) at every offset from a buffer's end
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 40; i++) text.Append('x', i).Append("\u2028<a>\u2029—\u2028").Append('y', i % 3).Append('\u2029');
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        // When it goes through the streaming buffer in small pieces, as a JSON writer fills it
        using var stream = new MemoryStream();
        var data = new HtmlReportWriter.EmbeddedJson(stream, size);
        for (int at = 0; at < bytes.Length; at += piece)
        {
            int n = Math.Min(piece, bytes.Length - at);
            bytes.AsSpan(at, n).CopyTo(data.GetSpan(n));
            data.Advance(n);
        }
        data.Drain(final: true);
        // Then every separator and bracket is escaped, none cut, and nothing else changed
        string expected = text.ToString().Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("\u2028", "\\u2028").Replace("\u2029", "\\u2029");
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Should_embed_hostile_text_so_that_it_cannot_close_the_script_element()
    {
        // Given passage text that tries to break out of the JSON block
        const string hostile = "</script><script>alert(1)</script><!-- & \u2028 “ok”";
        var report = SyntheticReports.TwoMembers(hostile, hostile + " more");
        // When
        string html = HtmlReportWriter.ToHtml(report);
        // Then the only script elements are the two the page itself has, and the data parses back to the same text
        Assert.Equal(2, ScriptOpen().Count(html));
        Assert.Equal(2, Regex.Count(html, "</script>", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("alert(1)</", html, StringComparison.Ordinal);
        Match data = DataBlock().Match(html);
        Assert.True(data.Success);
        JsonNode model = JsonNode.Parse(data.Groups[1].Value)!;
        Assert.Equal(hostile, (string?)model["clusters"]![0]!["text"]);
        var diff = model["clusters"]![0]!["members"]![1]!["diff"]!.AsArray();
        Assert.Equal([0, 1], diff.Select(op => (int)op![0]!));
        Assert.Equal("more", (string?)diff[1]![1]);
    }

    [Fact]
    public void Should_make_no_reference_to_anything_outside_the_file()
    {
        string html = HtmlReportWriter.ToHtml(SyntheticReports.TwoMembers("some reused text", "some reused text"));
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("\"same\":true", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_only_the_five_documents_a_document_shares_most_with_in_the_page_and_in_report_md()
    {
        // Given a document that shares with eight others, most characters first (a cluster of nine copies)
        var report = SyntheticReports.TwoMembers("some reused text", "some reused text");
        var shares = Enumerable.Range(0, 8).Select(i => new ReportShare(i < 1 ? "b.txt" : $"copy{i}.txt", "outlet", 1000 - 10 * i, 1)).ToList();
        report = report with { Documents = [report.Documents[0] with { SharedWith = shares, SharedWithCount = shares.Count }, report.Documents[1]] };
        // When the page is written
        Match data = DataBlock().Match(HtmlReportWriter.ToHtml(report));
        // Then its data names the first five, as its cards do, and counts all eight (report.json lists up to ten)
        JsonNode document = JsonNode.Parse(data.Groups[1].Value)!["documents"]![0]!;
        var shared = document["shared"]!.AsArray();
        Assert.Equal(8, (int)document["sharedCount"]!);
        Assert.Equal(5, ReportShare.Shown);
        Assert.Equal([1000L, 990, 980, 970, 960], shared.Select(x => (long)x![1]!));
        Assert.Equal(1, (int)shared[0]![0]!);
        // And report.md's table names the same five and counts the rest
        string row = MarkdownReportWriter.ToMarkdown(report).Split('\n').Single(l => l.StartsWith("| a.txt | outlet-a | 50 |", StringComparison.Ordinal));
        Assert.Contains("b.txt (1,000 chars), copy1.txt (990 chars), copy2.txt (980 chars), copy3.txt (970 chars), copy4.txt (960 chars) and 3 more |", row, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[ >]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpen();

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex("(src|href)\\s*=\\s*[\"']?(https?:|//)|@import|url\\(\\s*['\"]?(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
