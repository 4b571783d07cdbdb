using System.Text;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>
/// Files that vanish, cannot be read, loop, are too large or are one enormous line: each is reported in
/// <c>documents[].error</c> and counted as skipped, and the rest of the folder is scanned.
/// </summary>
public sealed class HostileInputTests
{
    static string Words(Random r, int count, int vocabulary)
    {
        var sb = new StringBuilder(count * 7);
        for (int i = 0; i < count; i++) sb.Append('w').Append(r.Next(vocabulary)).Append(' ');
        return sb.ToString();
    }

    [Fact]
    public void A_file_deleted_between_listing_and_reading_is_reported_not_thrown()
    {
        using var tmp = new TempFolder();
        tmp.Write("a.txt", "A short article about the weather in the mountains this week.");
        var source = new FolderSource(tmp.Path, new IngestOptions());
        SourceFile listed = Assert.Single(source.List().Files);
        File.Delete(listed.FullPath);
        FileLoad load = source.LoadAll(listed);
        Assert.Empty(load.Documents);
        Assert.StartsWith("cannot read", Assert.Single(load.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Vanished_looping_oversized_and_unreadable_files_are_skipped_with_reasons()
    {
        using var tmp = new TempFolder();
        string story = Words(new Random(1), 200, 5000);
        tmp.Write("wire/story.txt", story);
        tmp.Write("site/copy.txt", "Reposted: " + story);
        // A link whose target is gone: listed like a file, gone when read (a file deleted mid-scan).
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "site", "gone.txt"), Path.Combine(tmp.Path, "nowhere.txt"));
        // A folder link back to the root: a loop, never followed.
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "site", "loop"), tmp.Path);
        tmp.Write("big/huge.txt", new string('x', 5000));
        var options = new ReuseDetectOptions { Ingest = new IngestOptions { MaxFileBytes = 4096 } };

        ReuseReport r = new ReuseDetector(options).Scan(tmp.Path);

        string Error(string id) => r.Documents.Single(d => d.Id == id).Error ?? "";
        Assert.StartsWith("cannot read", Error("site/gone.txt"), StringComparison.Ordinal);
        Assert.StartsWith("file too large", Error("big/huge.txt"), StringComparison.Ordinal);
        Assert.Contains("not followed", Error("site/loop/"), StringComparison.Ordinal);
        Assert.Equal(3, r.Summary.Skipped);
        Assert.Contains(r.Clusters, c => c.Kind == "passage" && c.Members.Select(m => m.Id).SequenceEqual(["site/copy.txt", "wire/story.txt"]));
    }

    [Fact]
    public void An_unreadable_file_is_reported()
    {
        Assert.SkipWhen(Environment.UserName == "root" || !OperatingSystem.IsLinux(), "root reads files whatever their mode; needs a non-root Linux user");
        using var tmp = new TempFolder();
        string path = tmp.Write("secret.txt", "text nobody may read");
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(path, UnixFileMode.None);
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions()).Scan(tmp.Path);
        Assert.StartsWith("cannot read", r.Documents.Single().Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_million_word_single_line_document_is_scanned_without_exhausting_the_stack()
    {
        using var tmp = new TempFolder();
        string huge = Words(new Random(2), 1_000_000, 50_000);
        tmp.Write("huge.txt", huge.Replace(' ', '\t'));
        string passage = string.Join(' ', huge.Split(' ').Skip(500_000).Take(60));
        tmp.Write("short.txt", "Quoted from the long one: " + passage + " end of quote.");
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions { Parallelism = 2 }).Scan(tmp.Path);
        Assert.Equal(0, r.Summary.Skipped);
        ReportCluster c = Assert.Single(r.Clusters, c => c.Kind == "passage");
        Assert.Equal(["huge.txt", "short.txt"], c.Members.Select(m => m.Id));
    }
}
