using ReuseDetect.Cli;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Issues;

/// <summary>
/// Issue 12, defect 5: a read error stuck. A file unreadable on one scan kept being skipped, and rescans called the
/// reports current, because its size and time had not changed.
/// </summary>
public sealed partial class IssuesTests
{
    [Theory]
    [InlineData("injected fault")]
    [InlineData("chmod 000")]
    public void Should_read_again_on_the_next_scan_a_file_that_could_not_be_read_on_the_last(string how)
    {
        // Given a folder with a story and its repost, where the repost cannot be read
        bool chmod = how == "chmod 000";
        Assert.SkipWhen(chmod && (!OperatingSystem.IsLinux() || Environment.UserName == "root"), "root reads files whatever their mode; needs a non-root Linux user");
        using var tmp = new TempFolder();
        string input = Path.Combine(tmp.Path, "in");
        string story = Words(10, 200);
        tmp.Write("in/wire/story.txt", story);
        string repost = tmp.Write("in/site/repost.txt", "Reposted: " + story);
        File.SetLastWriteTimeUtc(repost, new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc));
        if (chmod && OperatingSystem.IsLinux()) File.SetUnixFileMode(repost, UnixFileMode.None);
        else FolderSource.ReadFault.Value = path => path == repost ? new IOException("Input/output error") : null;
        string warm = Path.Combine(tmp.Path, "warm");
        int first;
        try
        {
            // When it is scanned with a store
            first = CliApp.Run(["scan", input, "--out", warm], new StringWriter(), new StringWriter());
        }
        finally
        {
            FolderSource.ReadFault.Value = null;
        }
        // Then the repost is skipped as unreadable
        Assert.Equal(ExitCodes.PartialSuccess, first);
        Assert.StartsWith("cannot read", ReadReport(Path.Combine(warm, "report.json")).Errors["site/repost.txt"], StringComparison.Ordinal);

        // When it becomes readable again, with its size and time unchanged, and the folder is scanned again
        if (chmod && OperatingSystem.IsLinux()) File.SetUnixFileMode(repost, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var again = new StringWriter();
        int second = CliApp.Run(["scan", input, "--out", warm], again, new StringWriter());

        // Then the rescan reads it (the reports were not current) and reports as a cold scan does
        Assert.Equal(ExitCodes.Success, second);
        Assert.DoesNotContain("No file changed", again.ToString(), StringComparison.Ordinal);
        var (errors, clusters) = ReadReport(Path.Combine(warm, "report.json"));
        Assert.Null(errors["site/repost.txt"]);
        Assert.Contains(clusters, c => c.SequenceEqual(["site/repost.txt", "wire/story.txt"]));
        string cold = Path.Combine(tmp.Path, "cold");
        Assert.Equal(0, CliApp.Run(["scan", input, "--out", cold, "--no-store"], new StringWriter(), new StringWriter()));
        Assert.Equal(File.ReadAllText(Path.Combine(cold, "report.json")), File.ReadAllText(Path.Combine(warm, "report.json")));

        // And a third scan of the unchanged folder is recognised as current again
        var third = new StringWriter();
        Assert.Equal(ExitCodes.Success, CliApp.Run(["scan", input, "--out", warm], third, new StringWriter()));
        Assert.Contains("No file changed", third.ToString(), StringComparison.Ordinal);
    }
}
