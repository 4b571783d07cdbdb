using System.Net;
using System.Text;
using System.Text.Json;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>The seeds as HTML pages with page noise and as JSONL records give the same clusters as the plain-text seeds.</summary>
public sealed class MixedFormatsTests
{
    static readonly string[] s_asHtml = ["000_f10bc7b7f9047a21", "002_07c4587160c772e7", "004_613e7597b781f811"];
    static readonly string[] s_asJsonl = ["001_43a853f10424dbd0", "003_7fa586ce3e554acf"];

    static string Seed(string name) => File.ReadAllText(Path.Combine(TestPaths.Seeds, name + ".txt"));

    /// <summary>A news page around the seed: head metadata, site header, navigation, share bar, newsletter form, comments widget, aside and footer.</summary>
    static string Page(string name, string text)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(name).Append(" | Example News</title>")
          .Append("<meta property=\"og:site_name\" content=\"Example News\"><script>window.dataLayer=[];</script><style>p{margin:0}</style></head><body>")
          .Append("<header><a href=\"/\">Example News</a><form><input name=q><button>Search</button></form></header>")
          .Append("<nav><ul><li><a href=\"/a\">Armenia</a></li><li><a href=\"/b\">Azerbaijan</a></li><li><a href=\"/r\">Russia</a></li></ul></nav>")
          .Append("<div class=\"page\"><article><div class=\"share-buttons\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>");
        foreach (string line in text.Split('\n'))
            if (!string.IsNullOrWhiteSpace(line)) sb.Append("<p>").Append(WebUtility.HtmlEncode(line.Trim())).Append("</p>\n");
        sb.Append("<div class=\"newsletter\"><p>Subscribe to the Example News daily digest for the region's news, every morning, in your inbox.</p></div></article>")
          .Append("<div id=\"comments\"><h3>Comments</h3><p>Be the first to comment on this story, and tell us what you think about it.</p></div>")
          .Append("<aside><h3>Most read</h3><ul><li><a href=\"/x\">Yesterday's most read story about the peace talks, the border and the road</a></li></ul></aside></div>")
          .Append("<footer><p>© 2023 Example News. All rights reserved. Reproduction in whole or in part without written permission is prohibited.</p></footer></body></html>");
        return sb.ToString();
    }

    static List<string> ClusterShapes(ReuseReport report) =>
        [.. report.Clusters
            .Select(c => c.Kind + (c.Boilerplate ? "/boilerplate" : "") + ": " + string.Join(" | ", c.Members.Select(m => Normalize(m.Text)).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];

    static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Should_find_the_same_clusters_in_html_and_jsonl_versions_of_the_seeds()
    {
        // Given the seeds as plain text, and the same articles as HTML pages with navigation and footer noise and as JSONL records
        using var plain = new TempFolder();
        using var mixed = new TempFolder();
        foreach (string name in s_asHtml.Concat(s_asJsonl)) plain.Write(name + ".txt", Seed(name));
        foreach (string name in s_asHtml) mixed.Write(name + ".html", Page(name, Seed(name)));
        mixed.Write("feed.jsonl", string.Join('\n', s_asJsonl.Select(name => JsonSerializer.Serialize(new { id = name, url = $"https://www.example.am/{name}", text = Seed(name) }))));
        var detector = new ReuseDetector(new ReuseDetectOptions { Parallelism = 2 });
        // When
        ReuseReport fromPlain = detector.Scan(plain.Path);
        ReuseReport fromMixed = detector.Scan(mixed.Path);
        // Then the documents are read as such
        Assert.Equal(5, fromMixed.Summary.Documents);
        Assert.Equal(4, fromMixed.Summary.Files);
        Assert.Contains(fromMixed.Documents, d => d.Id == "feed.jsonl#001_43a853f10424dbd0" && d.Path == "feed.jsonl" && d.Outlet == "example.am");
        Assert.All(fromMixed.Documents.Where(d => d.Id.EndsWith(".html", StringComparison.Ordinal)), d => Assert.Equal("Example News", d.Outlet));
        // And the clusters are the same passages (member texts, not offsets)
        Assert.NotEmpty(fromPlain.Clusters);
        Assert.Equal(ClusterShapes(fromPlain), ClusterShapes(fromMixed));
        // And the RFE/RL credit footer keeps its origin and credits
        ReportCluster footer = fromMixed.Clusters.Single(c => c.Kind == "passage");
        Assert.Equal(("RFE/RL", "credit-line"), (footer.Origin.Outlet, footer.Origin.Basis));
        Assert.All(footer.Members, m => Assert.True(m.Credited));
        // And every quoted span is exactly the extracted text at its offsets
        foreach (ReportMember m in fromMixed.Clusters.SelectMany(c => c.Members))
            Assert.Equal(m.End - m.Start, m.Text.Length);
    }
}
