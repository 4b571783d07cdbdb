using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

public sealed class FolderSourceTests
{
    [Fact]
    public void Should_list_files_in_id_order_skipping_hidden_and_excluded_folders()
    {
        // Given
        using var tmp = new TempFolder();
        tmp.Write("b/2.txt", "two");
        tmp.Write("a.txt", "one");
        tmp.Write("b/1.md", "three");
        tmp.Write(".reuse/store.bin", "x");
        tmp.Write("out/report.md", "x");
        tmp.Write(".hidden.txt", "x");
        var source = new FolderSource(tmp.Path, new IngestOptions { ExcludedFolders = [Path.Combine(tmp.Path, "out")] });
        // When
        var (files, errors) = source.List();
        // Then
        Assert.Equal(["a.txt", "b/1.md", "b/2.txt"], files.Select(f => f.Id));
        Assert.Empty(errors);
    }

    [Fact]
    public void Should_list_the_same_on_any_number_of_threads()
    {
        // Given a folder with articles in nested folders, sidecars, files ignored by type, a FIFO, links inside and
        // outside the root and a folder link
        using var tmp = new TempFolder();
        using var outside = new TempFolder();
        outside.Write("far.txt", "outside");
        for (int i = 0; i < 60; i++) tmp.Write($"{(char)('a' + i % 5)}/{i % 7}/{59 - i:D2}.txt", $"text {i}");
        tmp.Write("a/0/01.meta.json", "{\"outlet\": \"A\"}");
        tmp.Write("b/sheet.csv", "x,y");
        tmp.Write("b/photo.png", "x");
        foreach (string folder in new[] { "c", "d", "e" }) Directory.CreateDirectory(Path.Combine(tmp.Path, folder));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "c", "inside.txt"), Path.Combine(tmp.Path, "a", "0", "05.txt"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "c", "outside.txt"), Path.Combine(outside.Path, "far.txt"));
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "d", "up"), tmp.Path);
        if (OperatingSystem.IsLinux())
        {
            using var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo") { ArgumentList = { Path.Combine(tmp.Path, "e", "pipe.txt") } })!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When it is listed on one thread and on several
        FolderListing one = source.List(1), many = source.List(4);
        // Then the files, errors, ignored files and stamps are the same, in the same order
        Assert.Equal(one.Files.Select(f => (f.Id, f.FullPath)), many.Files.Select(f => (f.Id, f.FullPath)));
        Assert.Equal(one.Errors.Select(e => (e.Id, e.Reason)), many.Errors.Select(e => (e.Id, e.Reason)));
        Assert.Equal(one.Ignored.Select(e => (e.Id, e.Reason)), many.Ignored.Select(e => (e.Id, e.Reason)));
        Assert.Equal(one.Stamps.OrderBy(s => s.Key, StringComparer.Ordinal), many.Stamps.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(61, one.Files.Count);
        Assert.Equal(OperatingSystem.IsLinux() ? ["c/outside.txt", "d/up/", "e/pipe.txt"] : ["c/outside.txt", "d/up/"], one.Errors.Select(e => e.Id));
        Assert.Equal(2, one.Ignored.Count);
        Assert.Contains(one.Stamps.Keys, k => k.EndsWith("01.meta.json", StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.List(0));
    }

    [Fact]
    public void Should_not_follow_folder_links()
    {
        using var tmp = new TempFolder();
        tmp.Write("a/x.txt", "text");
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "a", "loop"), tmp.Path);
        var (files, errors) = new FolderSource(tmp.Path, new IngestOptions()).List();
        Assert.Equal(["a/x.txt"], files.Select(f => f.Id));
        Assert.Equal("a/loop/", Assert.Single(errors).Id);
    }

    [Fact]
    public void Should_name_the_reason_for_a_file_whose_name_is_not_UTF8()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Given a file whose name holds the byte 0xFF (made by the shell: .NET writes names as UTF-8), a file whose
        // name holds U+FFFD itself, and an ordinary one
        using var tmp = new TempFolder();
        tmp.Write("ok.txt", "plain text");
        tmp.Write("real\uFFFD.txt", "a name with the replacement character itself");
        using var sh = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh")
        {
            ArgumentList = { "-c", "printf 'some text' > \"$(printf 'bad\\377name.txt')\"" },
            WorkingDirectory = tmp.Path,
        })!;
        sh.WaitForExit();
        Assert.Equal(0, sh.ExitCode);
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When the folder is listed and its files read
        FolderListing listing = source.List();
        var reasons = listing.Files.ToDictionary(f => f.Id, f => source.Load(f).Error?.Reason);
        foreach (IngestError e in listing.Errors) reasons[e.Id] = e.Reason;
        // Then the undecodable name is skipped with its reason (not "not found"), and the others are read
        Assert.Equal("file name is not valid UTF-8, so it cannot be opened: rename the file", reasons["bad\uFFFDname.txt"]);
        Assert.Null(reasons["ok.txt"]);
        Assert.Null(reasons["real\uFFFD.txt"]);
    }

    [Fact]
    public void Should_explain_each_unreadable_file()
    {
        // Given
        using var tmp = new TempFolder();
        tmp.Write("empty.txt", "  \n ");
        tmp.WriteBytes("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        tmp.Write("big.txt", new string('x', 3000));
        var source = new FolderSource(tmp.Path, new IngestOptions { MaxFileBytes = 2000 });
        // When
        var reasons = source.List().Files.ToDictionary(f => f.Id, f => source.Load(f).Error?.Reason);
        // Then
        Assert.Equal("empty file (no text)", reasons["empty.txt"]);
        Assert.Equal("binary file (PNG image)", reasons["photo.txt"]);
        Assert.StartsWith("file too large: 3,000 bytes", reasons["big.txt"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_a_text_with_NUL_and_control_bytes_as_spaces_and_warn()
    {
        // Given a text with a NUL and an ESC between words
        using var tmp = new TempFolder();
        tmp.WriteBytes("nul.txt", [.. "registered with tradecarview"u8, 0x00, .. "in your country"u8, 0x1B, .. "[31m."u8]);
        tmp.WriteBytes("nul.md", [.. "---\ntitle: T\n---\nBody"u8, 0x00, .. "text"u8]);
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When
        var docs = source.List().Files.ToDictionary(f => f.Id, f => source.Load(f).Document!);
        // Then each control character became one space, so offsets still count one char per byte
        Assert.Equal("registered with tradecarview in your country [31m.", docs["nul.txt"].Text);
        Assert.Equal(["2 control characters replaced by spaces"], docs["nul.txt"].Warnings);
        Assert.Equal("---\ntitle: T\n---\nBody text", docs["nul.md"].Text);
        Assert.Equal("T", docs["nul.md"].Metadata.Title);
        Assert.Equal(["1 control character replaced by a space"], docs["nul.md"].Warnings);
    }

    [Fact]
    public void Should_replace_escaped_control_characters_in_json_records_and_refuse_raw_ones_as_invalid_json()
    {
        // Given a JSONL file: an escaped NUL in one record's text, a raw one (invalid JSON) in the next line
        using var tmp = new TempFolder();
        tmp.WriteBytes("feed.jsonl", [.. "{\"id\": \"a\", \"text\": \"one\\u0000two\"}\n{\"id\": \"b\", \"text\": \"three"u8, 0x01, .. "four\"}\n"u8]);
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When
        FileLoad load = source.LoadAll(source.List().Files.Single());
        // Then
        LoadedDocument a = Assert.Single(load.Documents);
        Assert.Equal(("feed.jsonl#a", "one two"), (a.Id, a.Text));
        Assert.Equal(["1 control character replaced by a space"], a.Warnings);
        IngestError b = Assert.Single(load.Errors);
        Assert.StartsWith("line 2: invalid JSON", b.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_files_that_are_not_articles_by_extension_as_ignored_with_the_kind()
    {
        // Given
        using var tmp = new TempFolder();
        tmp.Write("a.txt", "text");
        tmp.Write("b/no-extension", "text");
        tmp.Write("data/figures.csv", "a,b\n1,2");
        tmp.WriteBytes("docs/report.pdf", [.. "%PDF-1.7\n"u8]);
        tmp.WriteBytes("photo.JPG", [0xFF, 0xD8, 0xFF]);
        tmp.Write("notes.xyz", "text");
        tmp.Write("sitemap.xml", "<urlset/>");
        tmp.Write("a.meta.json", "{\"outlet\": \"X\"}");
        // When
        var (files, errors, ignored) = new FolderSource(tmp.Path, new IngestOptions()).List();
        // Then articles are files, the rest is ignored with its reason (sidecars are neither)
        Assert.Equal(["a.txt", "b/no-extension"], files.Select(f => f.Id));
        Assert.Empty(errors);
        Assert.Equal(
            [
                new IgnoredFile("data/figures.csv", "not an article file (.csv: table)"),
                new IgnoredFile("docs/report.pdf", "not an article file (.pdf: document format not read: convert it to text or HTML)"),
                new IgnoredFile("notes.xyz", "not an article file (.xyz; articles are .txt, .text, .md, .markdown, .html, .htm, .xhtml, .shtml, .shtm, .json, .jsonl, .ndjson, .rss, .atom or files without an extension)"),
                new IgnoredFile("photo.JPG", "not an article file (.JPG: image)"),
                new IgnoredFile("sitemap.xml", "not an article file (.xml: XML data, not an article; an RSS or Atom feed is read when named .rss or .atom)"),
            ], ignored);
    }

    const string Page = "<!DOCTYPE html>\n<html><head><title>Bank raises rates</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        + "<article><h1>Bank raises rates</h1><p>The central bank raised its key interest rate by half a point on Thursday, citing inflation in food "
        + "and energy prices, and said it would keep a close eye on wage growth over the coming months.</p></article></body></html>";

    [Theory]
    [InlineData("12345")]
    [InlineData("news/2024/story")]
    [InlineData("page.shtml")]
    public void Should_read_a_web_page_without_an_extension_or_saved_as_shtml_as_HTML(string name)
    {
        // Given a crawled page saved under the last segment of its URL (with a byte order mark and a blank line first)
        using var tmp = new TempFolder();
        tmp.WriteBytes(name, [.. "\uFEFF\n  "u8, .. System.Text.Encoding.UTF8.GetBytes(Page)]);
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When
        var (doc, error) = source.Load(source.List().Files.Single());
        // Then its article text is read, without markup or navigation, and its title from the page
        Assert.Null(error);
        Assert.Equal(InputFormat.Html, doc!.Format);
        Assert.Contains("The central bank raised its key interest rate", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", doc.Text, StringComparison.Ordinal);
        Assert.Equal("Bank raises rates", doc.Metadata.Title);
    }

    [Theory]
    [InlineData("<Reuters> LONDON - The central bank raised its key interest rate by half a point on Thursday.")]
    [InlineData("<b>Note:</b> a text that quotes a tag is still a text, as is one that mentions html by name.")]
    [InlineData("The page said <html> somewhere, but a text that does not open with a tag stays a text.")]
    public void Should_keep_a_text_without_an_extension_that_is_no_web_page_as_text(string text)
    {
        // Given an extension-less text that has angle brackets but no page opening with an html tag
        using var tmp = new TempFolder();
        tmp.Write("note", text);
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When
        var (doc, error) = source.Load(source.List().Files.Single());
        // Then it is read as text, unchanged
        Assert.Null(error);
        Assert.Equal(InputFormat.Text, doc!.Format);
        Assert.Equal(text, doc.Text);
    }

    [Fact]
    public void Should_read_markdown_front_matter_and_keep_offsets_into_the_file()
    {
        // Given
        using var tmp = new TempFolder();
        string md = "---\ntitle: \"Putin on Armenia\"\ndate: 2023-12-14\noutlet: RFE/RL\nurl: https://example.org/a\n---\nBody text here.\n";
        tmp.Write("rferl/a.md", md);
        var source = new FolderSource(tmp.Path, new IngestOptions());
        // When
        var (doc, error) = source.Load(source.List().Files[0]);
        // Then
        Assert.Null(error);
        Assert.NotNull(doc);
        Assert.Equal("Putin on Armenia", doc.Metadata.Title);
        Assert.Equal("RFE/RL", doc.Metadata.Outlet);
        Assert.Equal(new DateTimeOffset(2023, 12, 14, 0, 0, 0, TimeSpan.Zero), doc.Metadata.Published);
        Assert.Equal("https://example.org/a", doc.Metadata.Url);
        Assert.Equal(md.IndexOf("Body", StringComparison.Ordinal), doc.BodyStart);
        Assert.Equal(md, doc.Text);
    }

    [Fact]
    public void Should_take_the_outlet_from_the_folder_only_when_asked()
    {
        using var tmp = new TempFolder();
        tmp.Write("tass/a.txt", "text");
        var plain = new FolderSource(tmp.Path, new IngestOptions());
        var byFolder = new FolderSource(tmp.Path, new IngestOptions { OutletFromFolder = true });
        Assert.Equal("unknown", plain.Load(plain.List().Files[0]).Document!.Metadata.Outlet);
        Assert.Equal("tass", byFolder.Load(byFolder.List().Files[0]).Document!.Metadata.Outlet);
    }

    [Fact]
    public void Should_fail_clearly_on_a_missing_root()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => new FolderSource("/nonexistent/reusedetect", new IngestOptions()).List());
        Assert.Contains("/nonexistent/reusedetect", e.Message, StringComparison.Ordinal);
    }
}
