using System.Text;
using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Tests.Fuzz;

namespace ReuseDetect.Tests.Attribution;

/// <summary>
/// Seeded fuzzing of credit detection and resolution on text built from the pieces the patterns look for: no input
/// throws, every candidate lies in the region searched and its evidence is exactly the text it spans.
/// </summary>
public sealed class CreditFuzzTests
{
    static readonly string[] s_pieces =
    [
        "(", ")", " (", ") ", "Reuters", "AP", "AA", "RFE/RL", "Radio Free Europe / Radio Liberty", "TASS", "/TASS/", "ARMENPRESS", "Xinhua",
        "Associated Press", " news agency", " reported", " reports", "report", "As ", "according to ", "the ", "The ", "reported by ",
        "By Jane Doe | ", "Daily Courier", "with permission from ", "Reprinted with permission of ", "by kind permission of ", "courtesy of ",
        "republished from ", "originally published in the Fall 2002 ", "Source: ", "Source:", "Copyright ", "©", "(c) ", "2023 ", "2001-2008 ",
        " — ", " – ", " - ", "--", "-", "—", "/", ".", ",", ":", "’s", "'", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00A0", "MOSCOW", "NEW YORK",
        ", March 3", ", MARCH 3, ", ". ", "Reporting by Jane Doe; Editing by John Roe", "You May Also Like\n", "Leave a Reply\n", "word ", "ı", "İ",
        "\ud800", "reuters.com", "aa.com.tr", "www.", "Inc.", " Media Group", "Sunday", "Journal",
    ];

    static string Text(Random r)
    {
        var sb = new StringBuilder();
        int n = r.Next(120);
        for (int i = 0; i < n; i++) sb.Append(s_pieces[r.Next(s_pieces.Length)]);
        return sb.ToString();
    }

    [Theory]
    [InlineData(1, 400)]
    [InlineData(2, 400)]
    public void Should_find_and_resolve_credits_in_any_text_without_throwing(int seed, int iterations)
    {
        var batch = new List<CreditDocument>();
        int cases = FuzzRun.Cases("credits", seed, iterations, r => Encoding.UTF8.GetBytes(Text(r)), bytes =>
        {
            string text = Encoding.UTF8.GetString(bytes);
            int start = text.Length == 0 ? 0 : bytes[0] % (text.Length + 1), end = start + (text.Length - start) * 3 / 4;
            foreach (var (s, e) in (ReadOnlySpan<(int, int)>)[(0, text.Length), (start, end)])
            {
                var credits = CreditLineDetector.Find(text, s, e);
                Assert.All(credits, c =>
                {
                    Assert.InRange(c.Start, s, c.End);
                    Assert.InRange(c.End, c.Start + 1, e);
                    Assert.Equal(text[c.Start..c.End], c.Evidence);
                    Assert.False(string.IsNullOrWhiteSpace(c.Outlet));
                });
            }
            var doc = new CreditDocument($"f{bytes.Length % 3}/{bytes.Length}.txt", new DocumentMetadata { Outlet = bytes.Length % 2 == 0 ? "Daily Courier" : DocumentMetadata.UnknownOutlet },
                CreditLineDetector.Find(text));
            if (batch.Count == 16) batch.RemoveAt(0); // resolve against the last few cases: a small corpus of mixed groups
            batch.Add(doc);
            var resolved = CreditResolver.ResolveAll(batch);
            Assert.All(resolved[^1], c => Assert.Contains(c, doc.Candidates));
        });
        Assert.True(cases >= iterations);
    }
}
