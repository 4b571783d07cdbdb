using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

/// <summary>Stamps taken by the folder walk (statx on Linux) are the ones FileInfo gives, which stores were written with.</summary>
public sealed class FileStampTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("reusedetect-stamp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The stamp as FileInfo reads it (how FileStamp.Of worked before the walk took stamps itself).</summary>
    static FileStamp? ByFileInfo(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        if (info.LinkTarget is not null)
            return info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target
                ? new FileStamp(target.Length, Math.Max(info.LastWriteTimeUtc.Ticks, target.LastWriteTimeUtc.Ticks)) : null;
        return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
    }

    [Fact]
    public void Should_stamp_files_links_and_missing_paths_as_FileInfo_does()
    {
        // Given a file with a sub-second time, a link to it, a dangling link, a folder and a missing path
        string file = Path.Combine(_root, "a.txt");
        File.WriteAllText(file, "Some article text.");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567));
        string link = Path.Combine(_root, "link.txt"), dangling = Path.Combine(_root, "dangling.txt");
        File.CreateSymbolicLink(link, file);
        File.CreateSymbolicLink(dangling, Path.Combine(_root, "gone.txt"));
        string folder = Directory.CreateDirectory(Path.Combine(_root, "sub")).FullName;
        // When each is stamped
        // Then the stamps are FileInfo's, to the tick
        foreach (string path in new[] { file, link, dangling, folder, Path.Combine(_root, "missing.txt") })
            Assert.Equal(ByFileInfo(path), FileStamp.Of(path));
        Assert.Equal(new FileStamp(18, new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567).Ticks), FileStamp.Of(file));
    }

    [Fact]
    public void Should_list_the_stamps_of_articles_and_sidecars_taken_by_the_walk()
    {
        // Given an article with a sidecar, an ignored file and a file in a sub-folder
        File.WriteAllText(Path.Combine(_root, "a.txt"), "Some article text.");
        File.WriteAllText(Path.Combine(_root, "a.txt.meta.json"), "{\"outlet\": \"Example\"}");
        File.WriteAllText(Path.Combine(_root, "table.csv"), "a,b");
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.WriteAllText(Path.Combine(_root, "sub", "b.md"), "Another article.");
        // When the folder is listed
        FolderListing listing = new FolderSource(_root, new IngestOptions()).List();
        // Then the articles and the sidecar are stamped as FileStamp.Of stamps them, and nothing else is
        string[] stamped = [Path.Combine(_root, "a.txt"), Path.Combine(_root, "a.txt.meta.json"), Path.Combine(_root, "sub", "b.md")];
        Assert.Equal(stamped.Order(StringComparer.Ordinal), listing.Stamps.Keys.Order(StringComparer.Ordinal));
        foreach (string path in stamped) Assert.Equal(FileStamp.Of(path), listing.StampOf(path));
        // And a file the walk did not stamp is stamped when asked
        Assert.Equal(FileStamp.Of(Path.Combine(_root, "table.csv")), listing.StampOf(Path.Combine(_root, "table.csv")));
    }
}
