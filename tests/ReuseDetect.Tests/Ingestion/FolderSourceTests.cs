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
    public void Should_explain_each_unreadable_file()
    {
        // Given
        using var tmp = new TempFolder();
        tmp.Write("empty.txt", "  \n ");
        tmp.WriteBytes("photo.jpg", [0xFF, 0xD8, 0xFF]);
        tmp.WriteBytes("binary.txt", [0x41, 0x00, 0x42]);
        tmp.Write("big.txt", new string('x', 3000));
        var source = new FolderSource(tmp.Path, new IngestOptions { MaxFileBytes = 2000 });
        // When
        var reasons = source.List().Files.ToDictionary(f => f.Id, f => source.Load(f).Error?.Reason);
        // Then
        Assert.Equal("empty file (no text)", reasons["empty.txt"]);
        Assert.Equal("unsupported file type '.jpg'", reasons["photo.jpg"]);
        Assert.StartsWith("binary file (NUL byte", reasons["binary.txt"], StringComparison.Ordinal);
        Assert.StartsWith("file too large: 3,000 bytes", reasons["big.txt"], StringComparison.Ordinal);
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
