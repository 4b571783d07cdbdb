using System.Text.RegularExpressions;
using ReuseDetect.Cli;

namespace ReuseDetect.Tests;

/// <summary>The README's examples are the program's output: a change of behaviour that drifts from them fails here.</summary>
public sealed partial class ReadMeTests
{
    static string ReadMe => File.ReadAllText(Path.Combine(TestPaths.Repo, "README.md")).ReplaceLineEndings("\n");

    /// <summary>The first <c>```text</c> block after <paramref name="marker"/>.</summary>
    static string BlockAfter(string marker)
    {
        string readMe = ReadMe;
        int at = readMe.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"README has no '{marker}'");
        int open = readMe.IndexOf("```text\n", at, StringComparison.Ordinal) + "```text\n".Length;
        int close = readMe.IndexOf("\n```", open, StringComparison.Ordinal);
        return readMe[open..close];
    }

    [GeneratedRegex(@"in \d+(\.\d+)? s\.")]
    private static partial Regex Seconds();

    [Fact]
    public void Should_print_what_the_readme_shows_for_the_first_command()
    {
        // Given a copy of seeds/ in a fresh folder (the README runs "reuse scan seeds" from the repository root and shows
        // paths as given)
        using var tmp = new TempFolder();
        string seeds = Path.Combine(tmp.Path, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (string file in Directory.GetFiles(TestPaths.Seeds)) File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        var stdout = new StringWriter();
        // When
        Assert.Equal(ExitCodes.Success, CliApp.Run(["scan", seeds], stdout, TextWriter.Null));
        // Then the output is the README's, but for the time taken and where the folder lies
        string actual = Seconds().Replace(stdout.ToString().ReplaceLineEndings("\n").Replace(tmp.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), "in N s.");
        string documented = Seconds().Replace(BlockAfter("The first command prints"), "in N s.");
        Assert.Equal(documented.TrimEnd(), actual.TrimEnd());
    }

    [Fact]
    public void Should_answer_the_readme_query_example_as_documented()
    {
        // Given the seeds scanned into their store, as the README's query example assumes
        using var tmp = new TempFolder();
        string seeds = Path.Combine(tmp.Path, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (string file in Directory.GetFiles(TestPaths.Seeds)) File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        Assert.Equal(ExitCodes.Success, CliApp.Run(["scan", seeds, "-q"], TextWriter.Null, TextWriter.Null));
        string store = Path.Combine(tmp.Path, "seeds.reuse", "store");
        var stdout = new StringWriter();
        // When the first seed is queried
        Assert.Equal(ExitCodes.Success, CliApp.Run(["query", Path.Combine(seeds, "000_f10bc7b7f9047a21.txt"), "--store", store], stdout, TextWriter.Null));
        // Then the answer is the README's, but for the timing line and where the folder lies
        static string[] Body(string text) => text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("Index of ", StringComparison.Ordinal) && !l.StartsWith("$ ", StringComparison.Ordinal) && l.Length > 0).ToArray();
        string[] actual = Body(stdout.ToString().Replace(tmp.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        Assert.Equal(Body(BlockAfter("Exit codes: `0` answered")), actual);
    }

    [Fact]
    public void Should_give_exactly_two_set_up_commands_that_exist()
    {
        string quickStart = ReadMe[ReadMe.IndexOf("## Quick start", StringComparison.Ordinal)..ReadMe.IndexOf("## What it finds", StringComparison.Ordinal)];
        int open = quickStart.IndexOf("```sh\n", StringComparison.Ordinal) + "```sh\n".Length;
        string[] commands = quickStart[open..quickStart.IndexOf("\n```", open, StringComparison.Ordinal)].Split('\n');
        Assert.Equal(["dotnet run --project src/ReuseDetect.Cli -c Release -- scan seeds", "dotnet test"], commands);
        Assert.True(File.Exists(Path.Combine(TestPaths.Repo, "src", "ReuseDetect.Cli", "ReuseDetect.Cli.csproj")));
    }
}
