using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

public sealed class SidecarAndOutletTests
{
    [Theory]
    [InlineData("https://www.rferl.org/a/x", "rferl.org")]
    [InlineData("http://M.Azatutyun.AM/a/1.html", "azatutyun.am")]
    [InlineData("https://news.am/eng/news/1.html", "news.am")]
    [InlineData("https://www.am/", "www.am")]
    [InlineData("ftp://example.org/x", null)]
    [InlineData("not a url", null)]
    [InlineData(null, null)]
    public void Should_take_the_outlet_from_the_url_host(string? url, string? outlet) =>
        Assert.Equal(outlet, OutletNames.FromUrl(url));

    [Fact]
    public void Should_apply_a_sidecar_over_the_files_own_metadata_and_not_list_it()
    {
        // Given a Markdown file with front matter, its sidecar, and an HTML page with a sidecar named after the full file name
        using var tmp = new TempFolder();
        tmp.Write("tass/a.md", "---\ntitle: Own title\noutlet: Own outlet\n---\nBody text of the story.");
        tmp.Write("tass/a.meta.json", """{"outlet": "TASS", "published": "2021-11-08", "url": "https://tass.com/politics/1"}""");
        tmp.Write("b.html", "<article><p>Page text.</p></article>");
        tmp.Write("b.html.meta.json", """{"url": "https://www.armenpress.am/eng/news/1"}""");
        tmp.Write("c.txt", "Text without metadata.");
        tmp.Write("c.meta.json", "{ broken");
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When
        var (files, _) = source.List();
        var loads = files.ToDictionary(f => f.Id, source.LoadAll);
        // Then sidecars are not documents
        Assert.Equal(["b.html", "c.txt", "tass/a.md"], files.Select(f => f.Id));
        // And the sidecar overrides the front matter, keeping what it does not say
        DocumentMetadata a = loads["tass/a.md"].Documents[0].Metadata;
        Assert.Equal(("TASS", "Own title", "https://tass.com/politics/1"), (a.Outlet, a.Title, a.Url));
        Assert.Equal(new DateTimeOffset(2021, 11, 8, 0, 0, 0, TimeSpan.Zero), a.Published);
        // And the outlet comes from the sidecar's URL when nothing else names one
        Assert.Equal("armenpress.am", loads["b.html"].Documents[0].Metadata.Outlet);
        // And a broken sidecar is reported, while its document is still read
        Assert.Single(loads["c.txt"].Documents);
        Assert.StartsWith("invalid sidecar JSON", Assert.Single(loads["c.txt"].Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_reload_a_listed_file_for_quoting_as_a_full_load_reads_it()
    {
        // Given files with and without sidecars (under either name, in any case), a JSON Lines file and an HTML page
        using var tmp = new TempFolder();
        tmp.Write("tass/a.md", "---\ntitle: Own title\n---\nBody text of the story.");
        tmp.Write("tass/a.meta.json", """{"outlet": "TASS"}""");
        tmp.Write("b.html", "<article><p>Page text.</p></article>");
        tmp.Write("b.html.META.JSON", """{"url": "https://www.armenpress.am/eng/news/1"}""");
        tmp.Write("c.txt", "Text without metadata.\u0001 A control character.");
        tmp.Write("wire/feed.jsonl", "{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"text\":\"Two.\"}");
        var source = new FolderSource(tmp.Path, new IngestOptions());
        FolderListing listing = source.List();
        IReadOnlySet<string> sidecars = FolderSource.ListedSidecars(listing);
        // When each document is reloaded for its text, then it is the document a full load gives (hash, text, metadata)
        foreach (SourceFile file in listing.Files)
            foreach (LoadedDocument expected in source.LoadAll(file).Documents)
            {
                (LoadedDocument? reloaded, IngestError? error) = source.Reload(file, expected.Id, sidecars);
                Assert.Null(error);
                Assert.Equal((expected.ContentHash, expected.Text, expected.Metadata, expected.BodyStart), (reloaded!.ContentHash, reloaded.Text, reloaded.Metadata, reloaded.BodyStart));
            }
        // And a file gone since the listing is an error, as a full load says
        File.Delete(Path.Combine(tmp.Path, "c.txt"));
        SourceFile gone = listing.Files.Single(f => f.Id == "c.txt");
        Assert.Null(source.Reload(gone, "c.txt", sidecars).Document);
        Assert.Equal(source.Load(gone, "c.txt").Error?.Reason, source.Reload(gone, "c.txt", sidecars).Error?.Reason);
    }

    [Fact]
    public void Should_give_record_fields_precedence_over_the_sidecar_and_the_sidecar_over_the_folder()
    {
        using var tmp = new TempFolder();
        tmp.Write("wire/feed.jsonl", "{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"outlet\":\"Reuters\",\"text\":\"Two.\"}");
        tmp.Write("wire/feed.meta.json", """{"outlet": "AFP"}""");
        var source = new FolderSource(tmp.Path, new IngestOptions { OutletFromFolder = true });
        FileLoad load = source.LoadAll(source.List().Files.Single());
        Assert.Equal(["AFP", "Reuters"], load.Documents.Select(d => d.Metadata.Outlet));
    }

    [Fact]
    public void Should_change_the_content_hash_when_the_sidecar_changes()
    {
        using var tmp = new TempFolder();
        tmp.Write("a.txt", "Text.");
        var source = new FolderSource(tmp.Path, new IngestOptions());
        SourceFile file = source.List().Files.Single();
        UInt128 before = source.LoadAll(file).Documents[0].ContentHash;
        tmp.Write("a.meta.json", """{"outlet": "X"}""");
        Assert.NotEqual(before, source.LoadAll(file).Documents[0].ContentHash);
    }
}
