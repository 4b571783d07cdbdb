using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
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

    [GeneratedRegex("<script[ >]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpen();

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex("(src|href)\\s*=\\s*[\"']?(https?:|//)|@import|url\\(\\s*['\"]?(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
