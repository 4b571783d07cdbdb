using System.Globalization;
using System.Text;
using ReuseDetect.Reporting;

namespace ReuseDetect.Browser.Tests;

/// <summary>
/// A synthetic report of many clusters for the HTML page's speed check: seeded (deterministic), with outlets,
/// dates, 2-5 members per cluster, about 60 words each, and a few edited words in most reposts.
/// </summary>
static class SyntheticReport
{
    static readonly string[] s_words =
    [
        "Armenia", "Azerbaijan", "border", "talks", "peace", "minister", "said", "on", "Monday", "the", "of", "and", "agreement",
        "Yerevan", "Baku", "officials", "government", "parliament", "Russia", "Turkey", "transport", "links", "treaty", "signed",
        "according", "to", "sources", "statement", "foreign", "president", "meeting", "regional", "security", "economic",
    ];

    public static ReuseReport Create(int clusters, int documents = 2000, int outlets = 25, int seed = 5000)
    {
        var random = new Random(seed);
        var docs = Enumerable.Range(0, documents).Select(i => new ReportDocument
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"outlet{i % outlets:00}/article-{i:00000}.txt"),
            Path = string.Create(CultureInfo.InvariantCulture, $"outlet{i % outlets:00}/article-{i:00000}.txt"),
            Outlet = string.Create(CultureInfo.InvariantCulture, $"outlet{i % outlets:00}"),
            Published = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Length = 20_000,
        }).ToList();
        var list = new List<ReportCluster>(clusters);
        for (int c = 0; c < clusters; c++)
        {
            string text = string.Join(" ", Enumerable.Range(0, 40 + random.Next(40)).Select(_ => s_words[random.Next(s_words.Length)])) + ".";
            int n = 2 + random.Next(4);
            var members = new List<ReportMember>(n);
            var used = new HashSet<int>();
            for (int m = 0; m < n; m++)
            {
                int d;
                do d = random.Next(documents); while (!used.Add(d));
                string memberText = m == 0 ? text : Edit(text, random);
                int start = random.Next(15_000);
                members.Add(new ReportMember(docs[d].Id, docs[d].Outlet!, start, start + memberText.Length, memberText, m == 0 ? null : random.Next(3) != 0, null));
            }
            members.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            list.Add(new ReportCluster
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"c{c:x10}"), Kind = "passage", Documents = n,
                Outlets = [.. members.Select(m => m.Outlet).Distinct().Order(StringComparer.Ordinal)], Words = text.Split(' ').Length, MinIdentity = 0.9,
                Origin = new ReportOrigin(members[0].Id, members[0].Outlet, "earliest-date", null), Members = members,
            });
        }
        long total = documents * 20_000L;
        return new ReuseReport
        {
            Parameters = new ReportParameters(5, 128, "0", 0.8, 9, 13, 6, 20, 5, 4, 0.5, 100, 5),
            Summary = new ReportSummary(documents, documents, 0, clusters, clusters, 0, 0, 0, total, total / 10, 0.1),
            Documents = docs, Clusters = list, NearDuplicates = [],
        };
    }

    static string Edit(string text, Random random)
    {
        string[] words = text.Split(' ');
        var sb = new StringBuilder();
        for (int i = 0; i < words.Length; i++)
        {
            int r = random.Next(40);
            if (r == 0) continue; // dropped
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(r == 1 ? s_words[random.Next(s_words.Length)] : words[i]); // changed
            if (r == 2) sb.Append(" reportedly"); // added
        }
        return sb.ToString();
    }
}
