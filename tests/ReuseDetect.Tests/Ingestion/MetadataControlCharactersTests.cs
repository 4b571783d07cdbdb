using System.Text;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

/// <summary>Issue 12: control characters in outlet, title and URL metadata become spaces where the metadata is read.</summary>
public sealed class MetadataControlCharactersTests
{
    static DocumentMetadata Read(string id, string content, InputFormat format) =>
        Assert.Single(new FolderSource("/nowhere", new IngestOptions()).Decode(id, Encoding.UTF8.GetBytes(content), format).Documents).Metadata;

    [Fact]
    public void Should_replace_an_escape_in_an_HTML_site_name_and_title_by_a_space()
    {
        // Given a page whose og:site_name and title hold ESC as character references (enough to crash every scan before)
        const string page = """<html><head><meta property="og:site_name" content="Daily&#27;News"><title>Big&#27;[2J &#1;31m story</title></head><body><article><p>Some article text here.</p></article></body></html>""";
        // When
        DocumentMetadata m = Read("page.html", page, InputFormat.Html);
        // Then
        Assert.Equal("Daily News", m.Outlet);
        Assert.Equal("Big [2J 31m story", m.Title);
    }

    [Fact]
    public void Should_replace_control_characters_in_front_matter_and_record_fields()
    {
        // Given front matter and a JSON record with escaped control characters in their names
        DocumentMetadata md = Read("a.md", "---\ntitle: \"Tab\\there\"\noutlet: \"Wire\\u0007\\u0085 Service\"\n---\nBody text.", InputFormat.Markdown);
        DocumentMetadata record = Read("r.jsonl", """{"id": "1", "text": "Body text of the record.", "outlet": "\u0007\u001b", "title": "\u0000", "url": "https://www.rferl.org/a/\u001b1"}""" + "\n", InputFormat.JsonLines);
        // Then each is one clean line; a name left empty is dropped (the outlet falls back to the URL's host)
        Assert.DoesNotContain(md.Title!, char.IsControl);
        Assert.DoesNotContain(md.Outlet, char.IsControl);
        Assert.Null(record.Title);
        Assert.Equal("https://www.rferl.org/a/ 1", record.Url);
        Assert.Equal("rferl.org", record.Outlet);
    }

    [Fact]
    public void Should_leave_clean_metadata_as_it_is()
    {
        var m = new DocumentMetadata { Outlet = "RFE/RL", Title = "  Spaced  title ", Url = "https://rferl.org/x" };
        Assert.Same(m, ControlCharacters.CleanNames(m));
    }
}
