using System.Text;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Fuzz;

/// <summary>
/// Seeded fuzzing of every parser and decoder of the ingestion stage: on any input they return a result or a clear
/// reason and never throw. <c>REUSEDETECT_FUZZ_SECONDS=N</c> runs each theory row for N seconds instead of a fixed count.
/// </summary>
public sealed class ParserFuzzTests
{
    static readonly Lazy<byte[][]> s_samples = new(() =>
    [
        .. Directory.GetFiles(TestPaths.Seeds).Order(StringComparer.Ordinal).Select(p => File.ReadAllBytes(p).Take(4096).ToArray()),
        .. Directory.GetFiles(Path.Combine(TestPaths.TestSource, "Ingestion", "Fixtures")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
    ]);

    static readonly string[] s_html =
    [
        "<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<table>", "<tr>", "<td>", "<br>", "<pre>", "</pre>",
        "<h2>Related</h2>", "<h3>Leave a Reply</h3>", "<article>", "</article>", "<main>", "<meta property=\"og:site_name\" content=\"",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"", "<meta charset=\"", "&amp;", "&#xD800;",
        "&#0;", "<", ">", "\"", "'", "=", " word ", "Reposted with permission from RFE/RL. ", "<a href=x>", "</a>", "<div class=\"related\">",
        "<nav>", "<![CDATA[", "<svg>", "<math>", "<template>", "<select>", "<option>", "<frameset>", "<noscript>", "<header>", "<h1>",
        "<style>", "<div hidden>", "<p style=\"display:none\">", "<li>", "<ul>", "<body>", "<html>", "<head>", "<title>", "\n", "\u00A0",
    ];

    static byte[] TextInput(Random r) => r.Next(4) switch
    {
        0 => FuzzRun.Bytes(r, 512),
        1 => [.. FuzzRun.Interesting[r.Next(FuzzRun.Interesting.Length)], .. FuzzRun.Bytes(r, 64)],
        _ => FuzzRun.Mutate(r, s_samples.Value[r.Next(s_samples.Value.Length)]),
    };

    static byte[] HtmlInput(Random r) => Soup(r, s_html, 400);

    /// <summary>Up to <paramref name="most"/> pieces of markup in random order (a third of them mutated after), or a text input.</summary>
    static byte[] Soup(Random r, string[] pieces, int most)
    {
        if (r.Next(4) == 0) return TextInput(r);
        var sb = new StringBuilder();
        int n = r.Next(most);
        for (int i = 0; i < n; i++) sb.Append(pieces[r.Next(pieces.Length)]);
        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return r.Next(3) == 0 ? FuzzRun.Mutate(r, bytes) : bytes;
    }

    static byte[] JsonInput(Random r)
    {
        if (r.Next(4) == 0) return TextInput(r);
        var sb = new StringBuilder();
        if (r.Next(2) == 0)
        {
            int lines = r.Next(1, 8);
            for (int i = 0; i < lines; i++) sb.Append(JsonValue(r, 0, record: true)).Append(r.Next(5) == 0 ? "\r\n" : "\n");
        }
        else sb.Append(r.Next(2) == 0 ? "[" + string.Join(",", Enumerable.Range(0, r.Next(6)).Select(_ => JsonValue(r, 0, record: true))) + "]" : JsonValue(r, 0, record: true));
        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return r.Next(2) == 0 ? FuzzRun.Mutate(r, bytes) : bytes;
    }

    static string JsonValue(Random r, int depth, bool record = false)
    {
        if (record || (depth < 4 && r.Next(3) == 0))
        {
            string[] keys = ["id", "text", "content", "body", "title", "date", "url", "outlet", "source", "x"];
            var fields = Enumerable.Range(0, r.Next(record ? 1 : 0, 6)).Select(_ => $"\"{keys[r.Next(keys.Length)]}\":{JsonValue(r, depth + 1)}");
            return "{" + string.Join(",", fields) + "}";
        }
        if (depth < 4 && r.Next(4) == 0) return "[" + string.Join(",", Enumerable.Range(0, r.Next(4)).Select(_ => JsonValue(r, depth + 1))) + "]";
        return r.Next(7) switch
        {
            0 => "null",
            1 => "true",
            2 => r.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            3 => "1e400",
            4 => "\"\\ud800 lone\"",
            5 => "\"2023-12-14T10:00:00Z\"",
            _ => "\"" + string.Join(" ", Enumerable.Range(0, r.Next(60)).Select(i => "word" + r.Next(50))) + "\"",
        };
    }

    static readonly string[] s_feed =
    [
        "<rss version=\"2.0\">", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>", "<link>", "</link>",
        "<guid>", "</guid>", "<pubDate>", "</pubDate>", "Tue, 10 Jun 2003 04:00:00 EST", "Tue, 99 Foo 2003 25:61:00 +9999", "<description>",
        "</description>", "&lt;p&gt;", "&lt;/p&gt;", "&amp;", "&#xD800;", "&#0;", "<![CDATA[", "]]>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        "</feed>", "<entry>", "</entry>", "<content type=\"xhtml\">", "<content type=\"html\">", "</content>", "<id>", "</id>",
        "<link rel=\"alternate\" href=\"https://x.example/a\"/>", "<published>", "</published>", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", " word ", "Reposted with permission from RFE/RL. ", "\n", "<", ">", "\"",
    ];

    static byte[] FeedInput(Random r) => Soup(r, s_feed, 300);

    static void CheckDecoded(TextDecoder.Result d)
    {
        if (d.Text is null) Assert.False(string.IsNullOrWhiteSpace(d.Error), "a failed decode must say why");
        else Assert.False(string.IsNullOrEmpty(d.Encoding), "a decode must name its encoding");
    }

    static void CheckLoad(string id, FileLoad load)
    {
        Assert.True(load.Documents.Count + load.Errors.Count > 0, "a file gives documents or a reason");
        foreach (IngestError e in load.Errors)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            Assert.StartsWith(id, e.Id, StringComparison.Ordinal);
        }
        foreach (LoadedDocument d in load.Documents)
        {
            Assert.InRange(d.BodyStart, 0, d.Text.Length);
            Assert.InRange(d.BodyEnd, d.BodyStart, d.Text.Length);
            Assert.False(string.IsNullOrEmpty(d.Encoding));
        }
    }

    static readonly FolderSource s_source = new(Path.GetTempPath(), new IngestOptions());

    static void CheckAllFormats(byte[] bytes)
    {
        foreach (InputFormat f in Enum.GetValues<InputFormat>()) CheckLoad("f", s_source.Decode("f", bytes, f));
    }

    [Theory]
    [InlineData(1, 3000)]
    [InlineData(2, 3000)]
    public void TextDecoder_never_throws_and_always_says_why(int seed, int cases)
    {
        FuzzRun.Cases("decoder", seed, cases, TextInput, b =>
        {
            CheckDecoded(TextDecoder.Decode(b));
            CheckDecoded(TextDecoder.DecodeHtml(b));
        });
    }

    [Theory]
    [InlineData(3, 3000)]
    public void FrontMatter_never_throws_and_keeps_the_body_inside_the_text(int seed, int cases)
    {
        string[] parts = ["---", "...", "\n", "\r\n", "title: ", "date: ", "2023-12-14", "outlet: 'RFE/RL'", "url: http://x/y", ":", "\"", " ", "\uFEFF", "body"];
        FuzzRun.Cases("frontmatter", seed, cases,
            r => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, r.Next(40)).Select(_ => parts[r.Next(parts.Length)]))),
            b =>
            {
                string text = Encoding.UTF8.GetString(b);
                var (bodyStart, metadata) = FrontMatter.Parse(text, new DocumentMetadata());
                Assert.InRange(bodyStart, 0, text.Length);
                Assert.NotNull(metadata);
                CheckLoad("f.md", s_source.Decode("f.md", b, InputFormat.Markdown));
            });
    }

    [Theory]
    [InlineData(4, 150)]
    [InlineData(5, 150)]
    public void HtmlExtractor_never_throws_on_tag_soup(int seed, int cases) =>
        FuzzRun.Cases("html", seed, cases, HtmlInput, b => CheckLoad("f.html", s_source.Decode("f.html", b, InputFormat.Html)));

    [Theory]
    [InlineData(6, 800)]
    [InlineData(7, 800)]
    public void FeedRecords_never_throw_and_name_each_bad_item(int seed, int cases) =>
        FuzzRun.Cases("feed", seed, cases, FeedInput, b => CheckLoad("f.rss", s_source.Decode("f.rss", b, InputFormat.Feed)));

    [Theory]
    [InlineData(6, 800)]
    [InlineData(7, 800)]
    public void JsonRecords_never_throw_and_name_each_bad_record(int seed, int cases) =>
        FuzzRun.Cases("json", seed, cases, JsonInput, b =>
        {
            CheckLoad("f.json", s_source.Decode("f.json", b, InputFormat.Json));
            CheckLoad("f.jsonl", s_source.Decode("f.jsonl", b, InputFormat.JsonLines));
        });

    [Theory]
    [InlineData(8, 300)]
    public void Every_format_accepts_any_bytes(int seed, int cases) => FuzzRun.Cases("any", seed, cases, TextInput, CheckAllFormats);

    [Theory]
    [InlineData(100)]
    [InlineData(5_000)]
    public void Deep_nesting_gives_a_result_or_a_reason(int depth)
    {
        string html = string.Concat(Enumerable.Repeat("<div><span>", depth)) + "deep text" + string.Concat(Enumerable.Repeat("</span></div>", depth / 2));
        CheckLoad("f.html", s_source.Decode("f.html", Encoding.UTF8.GetBytes(html), InputFormat.Html));
        string json = string.Concat(Enumerable.Repeat("{\"text\":\"t\",\"x\":[", depth)) + string.Concat(Enumerable.Repeat("]}", depth));
        CheckLoad("f.json", s_source.Decode("f.json", Encoding.UTF8.GetBytes(json), InputFormat.Json));
        CheckLoad("f.jsonl", s_source.Decode("f.jsonl", Encoding.UTF8.GetBytes(json), InputFormat.JsonLines));
    }

    [Fact]
    public void Pathologically_deep_html_is_refused_with_its_reason_before_parsing()
    {
        // 200,000 nested elements stalled the HTML parser for minutes; the depth check refuses them at once.
        string html = string.Concat(Enumerable.Repeat("<div><span>", 100_000)) + "deep text";
        FileLoad load = s_source.Decode("deep.html", Encoding.UTF8.GetBytes(html), InputFormat.Html);
        Assert.Empty(load.Documents);
        Assert.StartsWith("HTML nested too deeply (about 200,000 open elements", Assert.Single(load.Errors).Reason, StringComparison.Ordinal);
        Assert.Equal(3, HtmlExtractor.EstimateDepth("<html><body><p>a<br/><img src=x/></p><div>b</div></body></html>"));
    }

    [Fact]
    public void Saved_regressions_still_pass()
    {
        foreach (string target in new[] { "decoder", "frontmatter", "html", "json", "any" })
            foreach (string path in FuzzRun.Regressions(target))
                CheckAllFormats(File.ReadAllBytes(path));
    }
}
