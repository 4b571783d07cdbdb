using System.Text.Json;
using ReuseDetect.Cli;
using ReuseDetect.Testbed;

namespace ReuseDetect.Tests.Testbed;

/// <summary>
/// <c>reuse query</c> answers as the scan it was built from: each document of a generated news ecosystem (outlets with
/// headers, footers, teaser boxes and widgets), queried by its path, matches the documents the scan's report links it
/// to, and no others (an outlet's own furniture is no match).
/// </summary>
public sealed class QueryAgreementTests
{
    [Fact]
    [Trait("Category", "Acceptance")]
    public void Should_match_what_the_scan_links_each_document_to()
    {
        // Given a generated ecosystem scanned with the defaults
        if (TestPaths.SharedData("reuters21578") is not { } reuters)
        {
            Assert.Skip("../shared/data/reuters21578 is not present");
            return;
        }
        using var folder = new TempFolder();
        NewsEcosystem.Generate(reuters, folder.Path, new EcosystemOptions { Seed = 1, Stories = 90, Dates = DateMode.All });
        string corpus = NewsEcosystem.CorpusDir(folder.Path);
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Success, CliApp.Run(["scan", corpus, "-q"], new StringWriter(), stderr));
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus + ".reuse", "report.json")));
        var linked = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (JsonElement doc in report.RootElement.GetProperty("documents").EnumerateArray())
            linked[doc.GetProperty("id").GetString()!] = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonElement c in report.RootElement.GetProperty("clusters").EnumerateArray())
        {
            if (c.GetProperty("kind").GetString() != "passage" || c.GetProperty("boilerplate").GetBoolean()) continue;
            var members = c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
            foreach (JsonElement a in c.GetProperty("alignments").EnumerateArray())
            {
                string x = members[a.GetProperty("a").GetInt32()], y = members[a.GetProperty("b").GetInt32()];
                linked[x].Add(y);
                linked[y].Add(x);
            }
        }
        // When each document is queried by its path
        string store = Path.Combine(corpus + ".reuse", "store");
        var disagreements = new List<string>();
        int links = 0;
        foreach (var (id, expected) in linked)
        {
            var stdout = new StringWriter();
            int code = CliApp.Run(["query", Path.Combine(corpus, id), "--store", store, "--json"], stdout, stderr);
            Assert.True(code == ExitCodes.Success, $"query {id} exited {code}: {stderr}");
            using JsonDocument answer = JsonDocument.Parse(stdout.ToString());
            JsonElement result = answer.RootElement.ValueKind == JsonValueKind.Array ? answer.RootElement[0] : answer.RootElement;
            var found = new SortedSet<string>(result.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()!), StringComparer.Ordinal);
            links += expected.Count;
            if (!found.SetEquals(expected))
                disagreements.Add($"{id}: scan [{string.Join(", ", expected)}], query [{string.Join(", ", found)}]");
        }
        // Then the answers are the scan's links
        TestContext.Current.TestOutputHelper?.WriteLine($"{linked.Count} documents, {links} links, {disagreements.Count} disagreements");
        Assert.True(links > 100, $"only {links} links");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
