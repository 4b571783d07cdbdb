using System.Text.Json;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

/// <summary>
/// <c>documents[].sharedWith</c> is bounded (the ten sharing most) and <c>sharedWithCount</c> counts them all: both
/// checked against the pairs read back from the clusters' members, where a full list would grow with the square of a
/// cluster's size.
/// </summary>
public sealed class SharedWithTests
{
    static string Words(Random random, int count)
    {
        string[] vocabulary = ["harbour", "minister", "council", "wheat", "pipeline", "tariff", "border", "election", "court", "river",
            "factory", "budget", "railway", "drought", "vaccine", "treaty", "garrison", "senate", "cargo", "refinery", "province",
            "protest", "auditor", "reservoir", "satellite", "customs", "bridge", "mayor", "strike", "export", "lender", "tribunal"];
        var words = new string[count];
        for (int i = 0; i < count; i++) words[i] = vocabulary[random.Next(vocabulary.Length)] + random.Next(1000);
        return string.Join(' ', words) + ".";
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_list_the_ten_documents_sharing_most_and_count_them_all(int seed)
    {
        // Given a story copied whole or in part into 16 documents, a second story into 4 (two of them carrying both)
        var random = new Random(seed);
        string[] story = [Words(random, 150), Words(random, 90)];
        using var tmp = new TempFolder();
        for (int i = 0; i < 16; i++)
        {
            string[] sentences = story[0].Split(' ');
            // Copies keep the whole story or its first 60 to 100 %: the characters shared differ from pair to pair.
            string part = i % 3 == 0 ? story[0] : string.Join(' ', sentences.Take(sentences.Length * random.Next(60, 100) / 100));
            string second = i < 4 ? "\n\n" + story[1] : "";
            tmp.Write($"in/copy{i:D2}.txt", Words(random, 40) + "\n\n" + part + "\n\n" + Words(random, 40) + second);
        }
        for (int i = 0; i < 2; i++) tmp.Write($"in/other{i}.txt", Words(random, 50) + "\n\n" + story[1]);
        // When
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions { Parallelism = 2 }).Scan(Path.Combine(tmp.Path, "in"));
        // Then each document's shares are those the clusters give, bounded, most characters first
        var expected = ExpectedShares(r);
        Assert.Contains(expected.Values, list => list.Count > ReportShare.Listed);
        foreach (ReportDocument d in r.Documents)
        {
            List<ReportShare> all = expected.GetValueOrDefault(d.Id) ?? [];
            Assert.Equal(all.Count, d.SharedWithCount);
            Assert.Equal(all.Take(ReportShare.Listed), d.SharedWith);
        }
        // And report.json carries the count beside the bounded list
        using JsonDocument json = JsonDocument.Parse(JsonReportWriter.ToJson(r));
        JsonElement first = json.RootElement.GetProperty("documents")[0];
        Assert.Equal(2, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(r.Documents[0].SharedWithCount, first.GetProperty("sharedWithCount").GetInt32());
        Assert.Equal(Math.Min(ReportShare.Listed, r.Documents[0].SharedWithCount), first.GetProperty("sharedWith").GetArrayLength());
        // And report.md says how many it does not name
        ReportDocument crowded = r.Documents.First(d => d.SharedWithCount > 5);
        Assert.Contains($" and {crowded.SharedWithCount - 5} more", MarkdownReportWriter.ToMarkdown(r), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every document's shares the slow way, from the report's clusters: for each other document in a cluster with it
    /// (boilerplate clusters left out), the union of its own members' spans in those clusters less its boilerplate.
    /// </summary>
    static Dictionary<string, List<ReportShare>> ExpectedShares(ReuseReport r)
    {
        var spans = new Dictionary<(string Doc, string Other), List<(int Start, int End)>>();
        var clusters = new Dictionary<(string Doc, string Other), HashSet<string>>();
        var boilerplate = new Dictionary<string, List<(int Start, int End)>>();
        foreach (ReportCluster c in r.Clusters)
        {
            if (c.Boilerplate)
            {
                foreach (ReportMember m in c.Members) (boilerplate.TryGetValue(m.Id, out var b) ? b : boilerplate[m.Id] = []).Add((m.Start, m.End));
                continue;
            }
            if (c.Kind == "internal") continue;
            var docs = c.Members.Select(m => m.Id).Distinct().ToList();
            foreach (ReportMember m in c.Members)
                foreach (string other in docs.Where(o => o != m.Id))
                {
                    (spans.TryGetValue((m.Id, other), out var s) ? s : spans[(m.Id, other)] = []).Add((m.Start, m.End));
                    (clusters.TryGetValue((m.Id, other), out var set) ? set : clusters[(m.Id, other)] = []).Add(c.Id);
                }
        }
        var outlets = r.Documents.ToDictionary(d => d.Id, d => d.Outlet);
        return spans.GroupBy(kv => kv.Key.Doc).ToDictionary(g => g.Key, g => g
            .Select(kv => new ReportShare(kv.Key.Other, outlets[kv.Key.Other]!, Covered(kv.Value, boilerplate.GetValueOrDefault(g.Key)), clusters[kv.Key].Count))
            .OrderByDescending(s => s.Chars).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>Characters covered by <paramref name="spans"/> and not by <paramref name="minus"/>, counted one by one.</summary>
    static long Covered(List<(int Start, int End)> spans, List<(int Start, int End)>? minus)
    {
        var set = new HashSet<int>();
        foreach (var (start, end) in spans) for (int i = start; i < end; i++) set.Add(i);
        foreach (var (start, end) in minus ?? []) for (int i = start; i < end; i++) set.Remove(i);
        return set.Count;
    }
}

/// <summary>The characters of spans outside excluded spans, against a character-by-character count.</summary>
public sealed class LengthOutsideTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Should_count_the_characters_of_the_spans_that_no_excluded_span_covers(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 500; round++)
        {
            // Given random spans and random excluded spans (overlapping, nested, empty, touching)
            List<(int Start, int End)> Random(int most)
            {
                var list = new List<(int, int)>();
                for (int i = random.Next(most); i > 0; i--)
                {
                    int s = random.Next(200);
                    list.Add((s, s + random.Next(-2, 40)));
                }
                return list;
            }
            List<(int Start, int End)> spans = Random(12), excluded = Random(6);
            // When counted
            spans.Sort();
            long counted = ReportBuilder.LengthOutside(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans), ReportBuilder.Disjoint(excluded));
            // Then it is the number of characters in a span and in no excluded span
            var inSpan = new bool[300];
            var inExcluded = new bool[300];
            foreach (var (s, e) in spans) for (int c = s; c < e; c++) inSpan[c] = true;
            foreach (var (s, e) in excluded) for (int c = s; c < e; c++) inExcluded[c] = true;
            Assert.Equal(Enumerable.Range(0, 300).Count(c => inSpan[c] && !inExcluded[c]), counted);
        }
    }
}
