using System.Text;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

public sealed class JsonRecordsTests
{
    static readonly string s_fixtures = Path.Combine(TestPaths.TestSource, "Ingestion", "Fixtures");

    static FileLoad LoadFixture(string name) =>
        new FolderSource(s_fixtures, new IngestOptions()).LoadAll(new SourceFile(name, Path.Combine(s_fixtures, name)));

    [Fact]
    public void Should_read_one_document_per_jsonl_line_and_report_bad_lines()
    {
        // Given a JSONL file with good records, a blank line, a record without text, a broken line, a repeated id and a non-object
        // When
        FileLoad load = LoadFixture("records.jsonl");
        // Then every good record is a document with id file#id (or file#line), in file order
        Assert.Equal(["records.jsonl#a1", "records.jsonl#42", "records.jsonl#4", "records.jsonl#a1~7"], load.Documents.Select(d => d.Id));
        Assert.All(load.Documents, d => Assert.Equal("records.jsonl", d.Path));
        Assert.All(load.Documents, d => Assert.Equal(InputFormat.JsonLines, d.Format));
        LoadedDocument a1 = load.Documents[0];
        Assert.Equal("The water level of Lake Sevan rose by eleven centimetres over the winter.", a1.Text);
        Assert.Equal((0, a1.Text.Length), (a1.BodyStart, a1.BodyEnd));
        Assert.Equal("Sevan", a1.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2023, 5, 14, 0, 0, 0, TimeSpan.Zero), a1.Metadata.Published);
        // And the outlet comes from the record, else from the URL's host
        Assert.Equal("rferl.org", a1.Metadata.Outlet);
        Assert.Equal("Example Daily", load.Documents[1].Metadata.Outlet);
        Assert.Equal("A record whose text is in the content field, with a numeric id.", load.Documents[1].Text);
        Assert.Equal("unknown", load.Documents[2].Metadata.Outlet);
        // And each bad line is an error of its own, naming the line
        Assert.Equal(["records.jsonl#no-text", "records.jsonl#6", "records.jsonl#8"], load.Errors.Select(e => e.Id));
        Assert.Equal("line 5: no text field (text, content, body, article, full_text or the like)", load.Errors[0].Reason);
        Assert.StartsWith("line 6: invalid JSON", load.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal("line 8: not a JSON object", load.Errors[2].Reason);
    }

    [Fact]
    public void Should_read_a_json_array_and_a_single_record()
    {
        FileLoad array = LoadFixture("records.json");
        Assert.Equal(["records.json#first", "records.json#2"], array.Documents.Select(d => d.Id));
        Assert.Equal("Wire", array.Documents[0].Metadata.Outlet);
        Assert.Equal("records.json#empty", Assert.Single(array.Errors).Id);

        var source = new FolderSource(".", new IngestOptions());
        FileLoad single = source.Decode("one.json", Encoding.UTF8.GetBytes("""{"title": "T", "url": "http://m.news.example.am/x", "body": "Body text."}"""), InputFormat.Json);
        LoadedDocument doc = Assert.Single(single.Documents);
        Assert.Equal("one.json", doc.Id);
        Assert.Equal("news.example.am", doc.Metadata.Outlet);

        Assert.Equal("invalid JSON", Assert.Single(source.Decode("bad.json", Encoding.UTF8.GetBytes("{\"text\": "), InputFormat.Json).Errors).Reason[..12]);
        Assert.Equal("no records in the file", Assert.Single(source.Decode("e.json", Encoding.UTF8.GetBytes("[]"), InputFormat.Json).Errors).Reason);
    }

    [Fact]
    public void Should_hash_each_record_on_its_own()
    {
        // Editing one line leaves the other records' content hashes unchanged (incremental scans reuse them).
        var source = new FolderSource(".", new IngestOptions());
        FileLoad before = source.Decode("f.jsonl", Encoding.UTF8.GetBytes("{\"id\":1,\"text\":\"one\"}\n{\"id\":2,\"text\":\"two\"}"), InputFormat.JsonLines);
        FileLoad after = source.Decode("f.jsonl", Encoding.UTF8.GetBytes("{\"id\":1,\"text\":\"one\"}\n{\"id\":2,\"text\":\"TWO\"}"), InputFormat.JsonLines);
        Assert.Equal(before.Documents[0].ContentHash, after.Documents[0].ContentHash);
        Assert.NotEqual(before.Documents[1].ContentHash, after.Documents[1].ContentHash);
    }

    [Fact]
    public void Should_reload_a_record_by_its_id()
    {
        var source = new FolderSource(s_fixtures, new IngestOptions());
        var file = new SourceFile("records.jsonl", Path.Combine(s_fixtures, "records.jsonl"));
        var (doc, error) = source.Load(file, "records.jsonl#4");
        Assert.Null(error);
        Assert.Equal("A record without an id is named by its line number.", doc!.Text);
        Assert.Equal("records.jsonl#no-text", source.Load(file, "records.jsonl#no-text").Error!.Id);
    }
}
