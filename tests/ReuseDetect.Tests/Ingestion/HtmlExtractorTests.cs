using System.Text;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

public sealed class HtmlExtractorTests
{
    static string Fixture(string name) => Path.Combine(TestPaths.TestSource, "Ingestion", "Fixtures", name);

    static LoadedDocument LoadFixture(string name, IngestOptions options = default)
    {
        var source = new FolderSource(Path.GetDirectoryName(Fixture(name))!, options == default ? new IngestOptions() : options);
        FileLoad load = source.LoadAll(new SourceFile(name, Fixture(name)));
        Assert.Empty(load.Errors);
        return Assert.Single(load.Documents);
    }

    [Fact]
    public void Should_extract_the_article_text_without_page_noise()
    {
        // Given a news page with navigation, header, share bar, newsletter widget, comments, aside and footer
        // When
        LoadedDocument doc = LoadFixture("article.html");
        // Then the text is the article's title, dateline and paragraphs, one paragraph per block
        Assert.Equal(InputFormat.Html, doc.Format);
        Assert.StartsWith("Lake Sevan water level rises for second year\n\nMay 14, 2023\n\nYEREVAN — The water level", doc.Text, StringComparison.Ordinal);
        Assert.EndsWith("remain the main threat to the lake and its fish.", doc.Text, StringComparison.Ordinal);
        foreach (string noise in (string[])["Politics", "Your window", "Share on", "Sign up", "Subscribe", "Comments", "Great news", "(RFE/RL)", "Most read", "All rights reserved", "trackArticle", "font-family"])
            Assert.DoesNotContain(noise, doc.Text, StringComparison.Ordinal);
        Assert.Equal(0, doc.BodyStart);
        Assert.Equal(doc.Text.Length, doc.BodyEnd);
    }

    [Fact]
    public void Should_read_title_date_url_and_site_name_from_meta_tags()
    {
        DocumentMetadata m = LoadFixture("article.html").Metadata;
        Assert.Equal("Lake Sevan water level rises for second year", m.Title);
        Assert.Equal(new DateTimeOffset(2023, 5, 14, 9, 30, 0, TimeSpan.FromHours(4)), m.Published);
        Assert.Equal("https://www.example-daily.test/news/sevan-level", m.Url);
        Assert.Equal("Example Daily", m.Outlet);
    }

    [Fact]
    public void Should_survive_broken_markup()
    {
        // Given unclosed paragraphs, stray and crossed closing tags, broken JSON-LD and an unterminated comment
        // When
        LoadedDocument doc = LoadFixture("broken.html");
        // Then the three paragraphs are read, entities decoded, and the commented-out text is not
        Assert.Contains("First paragraph of the story", doc.Text, StringComparison.Ordinal);
        Assert.Contains("Second paragraph & an entity and a stray closing tag, plus bold crossed tags, all repaired.", doc.Text, StringComparison.Ordinal);
        Assert.Contains("Third paragraph after too many closing divs", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden inside the comment", doc.Text, StringComparison.Ordinal);
        Assert.Equal("Broken Times", doc.Metadata.Outlet);
        Assert.Null(doc.Metadata.Published);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<p>unclosed <b><i><u>")]
    [InlineData("</p></p></div><//><!DOCTYPE><![CDATA[x]]>")]
    [InlineData("<script>never closed ... <p>text</p>")]
    [InlineData("<table><tr><td>cell<td>cell<tr><p>loose</table></table>")]
    [InlineData("<meta property='article:published_time' content='not a date'><meta property='og:url'><p>x</p>")]
    public void Should_never_throw_on_garbage(string html)
    {
        var (text, metadata) = HtmlExtractor.Extract(html, new DocumentMetadata());
        Assert.NotNull(text);
        Assert.Equal(text.Trim(), text);
        Assert.NotNull(metadata);
    }

    [Fact]
    public void Should_choose_the_dense_text_block_when_there_is_no_article_element()
    {
        const string html = """
            <body><div class="top"><a href="/">Home</a> | <a href="/a">About us</a> | <a href="/c">Contact the editors</a></div>
            <div id="wrap"><div class="links"><a href="/1">Story one headline, long, long, long, long</a><br><a href="/2">Story two headline, long, long, long</a></div>
            <div class="story"><p>The first paragraph of the story, with commas, clauses, and enough words to count as text.</p>
            <p>The second paragraph of the story, again with commas, clauses, and enough words to be text.</p></div></div></body>
            """;
        var (text, _) = HtmlExtractor.Extract(html, new DocumentMetadata());
        Assert.Equal("The first paragraph of the story, with commas, clauses, and enough words to count as text.\n\nThe second paragraph of the story, again with commas, clauses, and enough words to be text.", text);
    }

    [Fact]
    public void Should_take_date_and_site_from_json_ld_and_time_when_meta_tags_lack_them()
    {
        const string html = """
            <head><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"H","datePublished":"2021-11-08T10:00:00Z","publisher":{"@type":"Organization","name":"Armenpress"}}]}</script></head>
            <body><article><p>Text of the article, long enough to be taken as the article text by the extractor.</p></article></body>
            """;
        var (_, m) = HtmlExtractor.Extract(html, new DocumentMetadata());
        Assert.Equal(new DateTimeOffset(2021, 11, 8, 10, 0, 0, TimeSpan.Zero), m.Published);
        Assert.Equal("Armenpress", m.Outlet);
        Assert.Equal("H", m.Title);
        var (_, m2) = HtmlExtractor.Extract("<article><time datetime='2020-02-03'>Feb 3</time><p>Body text.</p></article>", new DocumentMetadata());
        Assert.Equal(new DateTimeOffset(2020, 2, 3, 0, 0, 0, TimeSpan.Zero), m2.Published);
    }

    [Fact]
    public void Should_honour_the_meta_charset_and_report_it()
    {
        // Given a Windows-1252 page ("café" with é = 0xE9) and a KOI8-R page, each declaring its charset
        byte[] latin = [.. Encoding.ASCII.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le caf"), 0xE9, .. Encoding.ASCII.GetBytes(" est ouvert.</p></body></html>")];
        byte[] koi8 = [.. Encoding.ASCII.GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>"), 0xD2, 0xC1, 0xC4, 0xC9, 0xCF, .. Encoding.ASCII.GetBytes("</p>")];
        byte[] utf8 = Encoding.UTF8.GetBytes("<meta charset=utf-8><p>Ереван</p>");
        var source = new FolderSource(".", new IngestOptions());
        // When
        LoadedDocument a = Assert.Single(source.Decode("a.html", latin, InputFormat.Html).Documents);
        LoadedDocument b = Assert.Single(source.Decode("b.html", koi8, InputFormat.Html).Documents);
        LoadedDocument c = Assert.Single(source.Decode("c.html", utf8, InputFormat.Html).Documents);
        // Then
        Assert.Equal("Le café est ouvert.", a.Text);
        Assert.Equal("windows-1252 (meta charset)", a.Encoding);
        Assert.Equal("радио", b.Text);
        Assert.Equal("koi8-r (meta charset)", b.Encoding);
        Assert.Equal("Ереван", c.Text);
        Assert.Equal("utf-8 (meta charset)", c.Encoding);
    }

    [Fact]
    public void Should_report_a_page_without_article_text()
    {
        FileLoad load = new FolderSource(".", new IngestOptions()).Decode("x.html", Encoding.UTF8.GetBytes("<nav><a href=/>Home</a></nav><footer>(c)</footer>"), InputFormat.Html);
        Assert.Empty(load.Documents);
        Assert.Equal("no article text found in the page", Assert.Single(load.Errors).Reason);
    }
}
