using System.Text;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

public sealed class FeedRecordsTests
{
    static FileLoad Decode(string id, string xml) =>
        new FolderSource(Path.GetTempPath(), new IngestOptions()).Decode(id, Encoding.UTF8.GetBytes(xml), InputFormat.Feed);

    const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Metro Herald</title><link>https://www.metroherald.co.uk/</link>
        <item><title>Fuel prices hit &lt;b&gt;profits&lt;/b&gt;</title><link>https://www.metroherald.co.uk/business/1</link>
          <guid isPermaLink="false">mh-1</guid><pubDate>Tue, 10 Jun 2003 04:00:00 EST</pubDate>
          <description>&lt;p&gt;The airline made a profit.&lt;/p&gt;&lt;p&gt;Fuel costs rose &amp;amp; fares fell.&lt;/p&gt;</description></item>
        <item><title>Weather</title><link>https://www.metroherald.co.uk/news/2</link><pubDate>Wed, 11 Jun 2003 09:30:00 +0200</pubDate>
          <description>A teaser only.</description>
          <content:encoded><![CDATA[<p>The full story of the storm in the north.</p>]]></content:encoded></item>
        <item><title>Empty</title><guid>mh-3</guid><description>   </description></item>
        <item><title>Again</title><guid isPermaLink="false">mh-1</guid><description>A second item under the first one's guid.</description></item>
        <item><description>No guid and no link.</description></item>
        </channel></rss>
        """;

    [Fact]
    public void Should_read_one_document_per_rss_item_with_its_metadata()
    {
        // When an RSS 2.0 feed is read
        FileLoad load = Decode("herald.rss", Rss);
        // Then each item with text is a document, id file#guid (else link, else position; a repeated one gets ~position)
        Assert.Equal(["herald.rss#mh-1", "herald.rss#https://www.metroherald.co.uk/news/2", "herald.rss#mh-1~4", "herald.rss#5"], load.Documents.Select(d => d.Id));
        Assert.All(load.Documents, d => Assert.Equal(("herald.rss", InputFormat.Feed), (d.Path, d.Format)));
        LoadedDocument first = load.Documents[0];
        // And an HTML description is read as a page's text, its paragraphs kept and its entities decoded
        Assert.Equal("The airline made a profit.\n\nFuel costs rose & fares fell.", first.Text);
        Assert.Equal("Fuel prices hit profits", first.Metadata.Title);
        Assert.Equal("https://www.metroherald.co.uk/business/1", first.Metadata.Url);
        Assert.Equal("metroherald.co.uk", first.Metadata.Outlet);
        // And RFC 822 dates are read with their zone, named or numeric
        Assert.Equal(new DateTimeOffset(2003, 6, 10, 4, 0, 0, TimeSpan.FromHours(-5)), first.Metadata.Published);
        Assert.Equal(new DateTimeOffset(2003, 6, 11, 9, 30, 0, TimeSpan.FromHours(2)), load.Documents[1].Metadata.Published);
        // And the full content is preferred to the teaser
        Assert.Equal("The full story of the storm in the north.", load.Documents[1].Text);
        // And an item without text is an error of its own
        Assert.Equal("herald.rss#mh-3", Assert.Single(load.Errors).Id);
        Assert.Equal("item 3: no text (content, description or summary)", load.Errors[0].Reason);
    }

    [Fact]
    public void Should_read_atom_entries_and_rss_1_items()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Daily Courier</title>
            <entry><title type="text">Repost</title><id>urn:dc:77</id><link rel="self" href="https://dailycourier.com/feed/77"/>
              <link rel="alternate" href="https://dailycourier.com/a/77"/><updated>2003-06-13T08:00:00Z</updated><published>2003-06-12T08:00:00Z</published>
              <summary>A summary.</summary><content type="html">&lt;p&gt;The whole &lt;i&gt;story&lt;/i&gt;.&lt;/p&gt;</content></entry>
            <entry><id>urn:dc:78</id><updated>2003-06-14T08:00:00Z</updated>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second.</p></div></content></entry>
            </feed>
            """;
        FileLoad a = Decode("courier.atom", atom);
        Assert.Equal(["courier.atom#urn:dc:77", "courier.atom#urn:dc:78"], a.Documents.Select(d => d.Id));
        Assert.Equal("The whole story.", a.Documents[0].Text);
        Assert.Equal("https://dailycourier.com/a/77", a.Documents[0].Metadata.Url);
        Assert.Equal(new DateTimeOffset(2003, 6, 12, 8, 0, 0, TimeSpan.Zero), a.Documents[0].Metadata.Published);
        Assert.Equal("First.\n\nSecond.", a.Documents[1].Text);
        Assert.Equal(new DateTimeOffset(2003, 6, 14, 8, 0, 0, TimeSpan.Zero), a.Documents[1].Metadata.Published);

        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://kavkaz.example/"><title>Kavkaz Times</title></channel>
            <item rdf:about="https://kavkaz.example/n/5"><title>Five</title><link>https://kavkaz.example/n/5</link>
              <description>The council met on Monday.</description><dc:date>2003-06-15T10:00:00+04:00</dc:date></item>
            </rdf:RDF>
            """;
        LoadedDocument r = Assert.Single(Decode("kavkaz.rss", rdf).Documents);
        Assert.Equal("kavkaz.rss#https://kavkaz.example/n/5", r.Id);
        Assert.Equal("The council met on Monday.", r.Text);
        Assert.Equal(new DateTimeOffset(2003, 6, 15, 10, 0, 0, TimeSpan.FromHours(4)), r.Metadata.Published);
        Assert.Equal("Five", r.Metadata.Title);
    }

    [Theory]
    // Entity expansion ("billion laughs") is never attempted: a feed with a DTD is refused.
    [InlineData("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><description>&b;</description></item></channel></rss>""",
        "feed declares a DTD (entities are not expanded); not read")]
    [InlineData("<html><body>A page saved as .rss</body></html>", "not an RSS or Atom feed (root element <html>)")]
    [InlineData("<rss><channel><item><description>cut short", "invalid XML (")]
    [InlineData("<rss><channel><title>No items</title></channel></rss>", "no items in the feed")]
    public void Should_refuse_what_is_not_a_readable_feed_with_the_reason(string xml, string reason)
    {
        FileLoad load = Decode("f.rss", xml);
        Assert.Empty(load.Documents);
        Assert.StartsWith(reason, Assert.Single(load.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_deep_nesting_in_the_feed_or_in_an_items_html_with_the_reason()
    {
        // XML nested 200,000 deep (minutes in LINQ to XML before the limit), and an item whose HTML is nested 100,000 deep
        FileLoad xml = Decode("x.rss", "<rss><channel><item><description>" + string.Concat(Enumerable.Repeat("<a>", 200_000)) + "x"
            + string.Concat(Enumerable.Repeat("</a>", 200_000)) + "</description></item></channel></rss>");
        Assert.Equal("XML nested too deeply (over 1,000 levels); not read", Assert.Single(xml.Errors).Reason);
        FileLoad html = Decode("h.rss", "<rss><channel><item><guid>g</guid><description>" + string.Concat(Enumerable.Repeat("&lt;b&gt;", 100_000))
            + "x</description></item><item><guid>ok</guid><description>Plain text.</description></item></channel></rss>");
        Assert.Equal("h.rss#ok", Assert.Single(html.Documents).Id);
        Assert.StartsWith("item 1: HTML nested too deeply", Assert.Single(html.Errors).Reason, StringComparison.Ordinal);
        // And a title nested that deep is the item's error too, not an exception out of the reader
        FileLoad title = Decode("t.rss", "<rss><channel><item><guid>g</guid><title>" + string.Concat(Enumerable.Repeat("&lt;b&gt;", 100_000))
            + "x</title><description>Plain text.</description></item></channel></rss>");
        Assert.Empty(title.Documents);
        Assert.StartsWith("item 1: HTML nested too deeply", Assert.Single(title.Errors).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00.0000000+00:00")]
    [InlineData("10 Jun 2003 04:00 PDT", "2003-06-10T04:00:00.0000000-07:00")]
    [InlineData("Tue, 10 Jun 03 04:00:00 -0330", "2003-06-10T04:00:00.0000000-03:30")]
    [InlineData("2003-06-10T04:00:00Z", "2003-06-10T04:00:00Z")]
    public void Should_read_rfc_822_dates(string value, string iso) => Assert.Equal(iso, FeedRecords.Rfc822(value));

    [Fact]
    public void Should_find_an_item_reposted_by_another_feed_in_a_scan()
    {
        // Given two feeds and an XML file that is not one
        using var tmp = new TempFolder();
        const string story = "The harbour council voted on Thursday to close the northern pier for repairs after divers found cracks in three of its "
            + "concrete pillars. Engineers told the meeting that the damage was caused by winter storms and by ships mooring against the old "
            + "timber fenders, which were removed in the spring. The closure will last until the end of October, and ferries to the islands "
            + "will use the southern quay in the meantime. Fishermen protested outside the town hall, saying the southern quay has too little "
            + "room for their boats and no ice plant. The mayor promised a temporary ice machine and said the repairs would cost less than a "
            + "new pier, which the regional government had refused to fund last year.";
        tmp.Write("herald.rss", $"<rss><channel><item><guid>h1</guid><link>https://metroherald.example/1</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><description>{story}</description></item></channel></rss>");
        tmp.Write("courier.atom", $"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>c1</id><link href=\"https://courier.example/1\"/><published>2003-06-11T04:00:00Z</published><content>From our partners: {story}</content></entry></feed>");
        tmp.Write("sitemap.xml", "<urlset><url><loc>https://x.example/</loc></url></urlset>");
        // When the folder is scanned
        var report = new ReuseDetect.Pipeline.ReuseDetector(new ReuseDetect.Pipeline.ReuseDetectOptions { Parallelism = 1 }).Scan(tmp.Path);
        // Then the repost is found, the earlier item is its origin, and the XML file is ignored, not skipped
        var cluster = Assert.Single(report.Clusters, c => c.Kind == "passage");
        Assert.Equal(["courier.atom#c1", "herald.rss#h1"], cluster.Members.Select(m => m.Id).Distinct());
        Assert.Equal("herald.rss#h1", cluster.Origin.Id);
        Assert.Equal("sitemap.xml", Assert.Single(report.Ignored).Path);
        Assert.Equal(0, report.Summary.Skipped);
    }
}
