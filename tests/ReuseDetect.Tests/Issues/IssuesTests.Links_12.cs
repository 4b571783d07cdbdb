using System.Text.Json;
using ReuseDetect.Cli;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Issues;

/// <summary>Issue 12, defect 8: symbolic links out of the scanned folder were followed, copying private files into reports.</summary>
public sealed partial class IssuesTests
{
    /// <summary>The error of each document of a <c>report.json</c>, and each cluster's member ids.</summary>
    static (Dictionary<string, string?> Errors, List<string[]> Clusters) ReadReport(string path)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        var errors = json.RootElement.GetProperty("documents").EnumerateArray().ToDictionary(
            d => d.GetProperty("id").GetString()!, d => d.TryGetProperty("error", out JsonElement e) ? e.GetString() : null, StringComparer.Ordinal);
        var clusters = json.RootElement.GetProperty("clusters").EnumerateArray()
            .Select(c => c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToArray()).ToList();
        return (errors, clusters);
    }

    [Fact]
    public void Should_not_read_a_file_or_folder_linked_from_outside_the_scanned_folder()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "symbolic links need no privilege on Linux");
        // Given a private file outside the folder, reached by two file links and a folder link from inside it,
        // and a link inside the folder to one of its own articles
        using var priv = new TempFolder();
        string secret = "Secretphrase " + Words(4, 150);
        string privateFile = priv.Write("diary/private.txt", secret);
        using var tmp = new TempFolder();
        string input = Path.Combine(tmp.Path, "in");
        string story = Words(5, 150);
        tmp.Write("in/wire/story.txt", story);
        File.CreateSymbolicLink(Path.Combine(input, "leak.txt"), privateFile);
        tmp.Write("in/site/readme.txt", Words(6, 80));
        File.CreateSymbolicLink(Path.Combine(input, "site", "leak2.txt"), Path.Combine("..", "..", "..", Path.GetFileName(priv.Path), "diary", "private.txt"));
        Directory.CreateSymbolicLink(Path.Combine(input, "diary"), Path.Combine(priv.Path, "diary"));
        File.CreateSymbolicLink(Path.Combine(input, "site", "mirror.txt"), Path.Combine("..", "wire", "story.txt"));
        string output = Path.Combine(tmp.Path, "out");

        // When it is scanned into every report
        var stdout = new StringWriter();
        int code = CliApp.Run(["scan", input, "--out", output, "--no-store"], stdout, new StringWriter());

        // Then the links out of the folder are skipped with the reason, and no report holds the private text
        Assert.Equal(ExitCodes.PartialSuccess, code);
        var (errors, clusters) = ReadReport(Path.Combine(output, "report.json"));
        foreach (string id in (string[])["leak.txt", "site/leak2.txt", "diary/"])
            Assert.Equal(FolderSource.OutsideRootReason, errors[id]);
        foreach (string report in Directory.GetFiles(output))
            Assert.DoesNotContain("Secretphrase", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.DoesNotContain("Secretphrase", stdout.ToString(), StringComparison.Ordinal);
        // And the link inside the folder is read as before
        Assert.Contains(clusters, c => c.SequenceEqual(["site/mirror.txt", "wire/story.txt"]));
    }

    [Fact]
    public void Should_keep_not_following_a_folder_link_inside_the_scanned_folder()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "symbolic links need no privilege on Linux");
        // Given a folder link back to the root (a loop) and one to a sibling folder
        using var tmp = new TempFolder();
        tmp.Write("a/story.txt", Words(7, 100));
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "a", "loop"), tmp.Path);
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "b"), Path.Combine(tmp.Path, "a"));

        // When it is listed
        FolderListing listing = new FolderSource(tmp.Path, new IngestOptions()).List();

        // Then neither is walked, and each says why
        Assert.Equal(["a/story.txt"], listing.Files.Select(f => f.Id));
        Assert.Equal([("a/loop/", "symbolic link to a folder, not followed"), ("b/", "symbolic link to a folder, not followed")],
            listing.Errors.Select(e => (e.Id, e.Reason)));
    }

    [Fact]
    public void Should_notice_an_edit_to_the_target_of_a_link_inside_the_folder_on_rescan()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "symbolic links need no privilege on Linux");
        // Given a folder scanned once with a store, holding a link to one of its own articles
        using var tmp = new TempFolder();
        string input = Path.Combine(tmp.Path, "in");
        string target = tmp.Write("in/wire/story.txt", Words(8, 150));
        File.SetLastWriteTimeUtc(target, new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc));
        File.CreateSymbolicLink(Path.Combine(input, "mirror.txt"), target);
        tmp.Write("in/other.txt", Words(9, 150));
        string warm = Path.Combine(tmp.Path, "warm");
        Assert.Equal(0, CliApp.Run(["scan", input, "--out", warm], new StringWriter(), new StringWriter()));

        // When the target is rewritten as a copy of the other article
        File.WriteAllText(target, Words(9, 150));
        File.SetLastWriteTimeUtc(target, new DateTime(2026, 1, 1, 13, 0, 0, DateTimeKind.Utc));
        var again = new StringWriter();
        Assert.Equal(0, CliApp.Run(["scan", input, "--out", warm], again, new StringWriter()));

        // Then the rescan reads it again and reports as a cold scan does
        Assert.DoesNotContain("No file changed", again.ToString(), StringComparison.Ordinal);
        string cold = Path.Combine(tmp.Path, "cold");
        Assert.Equal(0, CliApp.Run(["scan", input, "--out", cold, "--no-store"], new StringWriter(), new StringWriter()));
        Assert.Equal(File.ReadAllText(Path.Combine(cold, "report.json")), File.ReadAllText(Path.Combine(warm, "report.json")));
    }
}
