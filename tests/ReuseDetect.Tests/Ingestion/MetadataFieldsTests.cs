using System.Text;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

/// <summary>Title, date, outlet and URL from the fields of records, sidecars and front matter, whatever an export calls them.</summary>
public sealed class MetadataFieldsTests
{
    static readonly DateTimeOffset s_march5 = new(2024, 3, 5, 0, 0, 0, TimeSpan.Zero);

    static DocumentMetadata Apply(params (string Key, string Value)[] fields) =>
        MetadataFields.Apply(new DocumentMetadata(), fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Theory]
    [InlineData("published")]
    [InlineData("published_date")]
    [InlineData("publishedDate")]
    [InlineData("Published-Date")]
    [InlineData("publication_date")]
    [InlineData("pub_date")]
    [InlineData("date_published")]
    [InlineData("created_at")]
    [InlineData("Date")]
    public void Should_read_the_date_under_any_of_its_names(string key)
    {
        Assert.Equal(s_march5, Apply((key, "2024-03-05")).Published);
    }

    [Theory]
    [InlineData("2024-03-05T00:00:00Z")]
    [InlineData("March 5, 2024")]
    [InlineData("Tue, 05 Mar 2024 00:00:00 GMT")]
    [InlineData("20240305")]
    [InlineData("1709596800")]
    [InlineData("1709596800000")]
    public void Should_read_the_date_in_the_forms_exports_write(string value)
    {
        Assert.Equal(s_march5, Apply(("date", value)).Published);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("99999999999")]
    [InlineData("18000101")]
    [InlineData("yesterday")]
    public void Should_take_no_date_from_what_is_not_one(string value)
    {
        Assert.Null(Apply(("date", value)).Published);
        Assert.Null(MetadataFields.ParseDate(value));
    }

    [Fact]
    public void Should_take_the_most_specific_field_whatever_the_order()
    {
        // Given a record with a creation date, a date and a publication date, and an outlet beside the agency it credits
        (string, string)[] fields =
        [
            ("created", "2024-01-01"), ("source", "Reuters"), ("published", "2024-03-05"), ("date", "2024-02-02"),
            ("outlet", "Metro Herald"), ("link", "https://example.com/b"), ("url", "https://example.com/a"),
        ];
        // When read in either order
        DocumentMetadata forward = Apply(fields), backward = Apply([.. fields.Reverse()]);
        // Then the publication date, the outlet and the url win
        Assert.Equal(forward, backward);
        Assert.Equal(s_march5, forward.Published);
        Assert.Equal("Metro Herald", forward.Outlet);
        Assert.Equal("https://example.com/a", forward.Url);
        // And a date that does not parse gives way to the next name that does
        Assert.Equal(s_march5, Apply(("published", "soon"), ("date", "2024-03-05")).Published);
        // And the source names the outlet when nothing more specific does
        Assert.Equal("Reuters", Apply(("source", "Reuters")).Outlet);
    }

    [Fact]
    public void Should_read_a_record_as_news_apis_write_it()
    {
        // Given a JSONL line with the text under another name, a nested publisher and keys in camel case
        const string line = """{"ID": "x1", "headline": "Dam opens", "publishedAt": "2024-03-05T00:00:00Z", "publisher": {"name": "Metro Herald", "id": 7}, "canonicalUrl": "https://metroherald.example/dam", "article_text": "The dam opened on Tuesday after six years of work."}""";
        // When decoded
        FileLoad load = new FolderSource(".", new IngestOptions()).Decode("feed.jsonl", Encoding.UTF8.GetBytes(line + "\n"), InputFormat.JsonLines);
        // Then the record is a document with its text and metadata
        LoadedDocument doc = Assert.Single(load.Documents);
        Assert.Equal("The dam opened on Tuesday after six years of work.", doc.Text);
        Assert.Equal("Dam opens", doc.Metadata.Title);
        Assert.Equal(s_march5, doc.Metadata.Published);
        Assert.Equal("Metro Herald", doc.Metadata.Outlet);
        Assert.Equal("https://metroherald.example/dam", doc.Metadata.Url);
    }

    [Fact]
    public void Should_prefer_the_text_field_named_first_whatever_the_order()
    {
        const string line = """{"story": "A short teaser.", "Body": "The full story of the dam, as printed."}""";
        FileLoad load = new FolderSource(".", new IngestOptions()).Decode("feed.jsonl", Encoding.UTF8.GetBytes(line + "\n"), InputFormat.JsonLines);
        Assert.Equal("The full story of the dam, as printed.", Assert.Single(load.Documents).Text);
    }

    [Fact]
    public void Should_read_front_matter_keys_by_any_of_their_names()
    {
        const string text = "---\ndate: 2024-01-01\npublished_date: \"March 5, 2024\"\nsite_name: Kavkaz Times\nHeadline: Dam opens\n---\nBody.";
        var (bodyStart, metadata) = FrontMatter.Parse(text, new DocumentMetadata());
        Assert.Equal("Body.", text[bodyStart..]);
        Assert.Equal(s_march5, metadata.Published);
        Assert.Equal("Kavkaz Times", metadata.Outlet);
        Assert.Equal("Dam opens", metadata.Title);
    }

    [Theory]
    [InlineData("\"Abrams says he \"honest but wrong\"\"", "Abrams says he \"honest but wrong\"")]
    [InlineData("\"Debt pact \"better than Mexico's\"\"", "Debt pact \"better than Mexico's\"")]
    [InlineData("'It''s done'", "It's done")]
    [InlineData("Mexico's \"pact\"", "Mexico's \"pact\"")]
    [InlineData("\"Unbalanced", "\"Unbalanced")]
    public void Should_take_a_quoted_front_matter_value_without_its_quotes_only(string written, string title)
    {
        var (_, metadata) = FrontMatter.Parse($"---\ntitle: {written}\n---\nBody.", new DocumentMetadata());
        Assert.Equal(title, metadata.Title);
    }

    [Fact]
    public void Should_keep_quotes_that_belong_to_a_sidecar_value()
    {
        Assert.Equal("Abrams says he \"honest but wrong\"", Apply(("title", "Abrams says he \"honest but wrong\"")).Title);
    }
}
