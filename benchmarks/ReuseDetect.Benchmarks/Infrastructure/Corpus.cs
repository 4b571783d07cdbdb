using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark input: English news bodies from Reuters-21578 (<c>../shared/data/reuters21578/*.sgm</c> beside the
/// repository, read as Latin-1, tags stripped) when present, else a deterministic synthetic news generator.
/// The data set is read at run time and never copied into the repository. The same documents come out in every
/// process (host and benchmark child), so the columns can compute bytes and shingles per operation.
/// </summary>
static partial class Corpus
{
    /// <summary>Overrides the Reuters folder.</summary>
    internal const string DataVariable = "REUSEDETECT_BENCH_DATA";

    /// <summary>Total characters taken for the per-document benchmarks (~1 MB).</summary>
    internal const int TargetChars = 1 << 20;

    static readonly Lazy<(string[] Docs, string Source)> s_docs = new(Load);

    /// <summary>Documents (news bodies) in a fixed order, about <see cref="TargetChars"/> characters in all.</summary>
    internal static string[] Documents => s_docs.Value.Docs;

    /// <summary>"reuters21578" or "synthetic".</summary>
    internal static string Source => s_docs.Value.Source;

    /// <summary>UTF-8 size of all documents: the "bytes" of MB/s.</summary>
    internal static long Utf8Bytes => s_bytes.Value;

    static readonly Lazy<long> s_bytes = new(() => Documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d)));

    [GeneratedRegex(@"<BODY>(.*?)</BODY>", RegexOptions.Singleline)]
    private static partial Regex BodyRegex();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagRegex();

    static (string[], string) Load()
    {
        string? dir = FindReuters();
        if (dir is not null)
        {
            var docs = new List<string>();
            long total = 0;
            var latin1 = Encoding.Latin1;
            foreach (string file in Directory.GetFiles(dir, "*.sgm").Order(StringComparer.Ordinal))
            {
                foreach (Match m in BodyRegex().Matches(File.ReadAllText(file, latin1)))
                {
                    string body = WebUtility.HtmlDecode(TagRegex().Replace(m.Groups[1].Value, " ")).Trim();
                    if (body.Length < 200) continue;
                    docs.Add(body);
                    total += body.Length;
                    if (total >= TargetChars) return ([.. docs], "reuters21578");
                }
            }
            if (docs.Count > 0) return ([.. docs], "reuters21578");
        }
        return (Synthetic(TargetChars, 0xBE7C), "synthetic");
    }

    static string? FindReuters() => FindSharedData(DataVariable, "reuters21578");

    /// <summary>
    /// A data folder: the one named by the environment variable <paramref name="variable"/> when set (null if it does
    /// not exist), else <c>../shared/data/<paramref name="relative"/></c> beside the repository, when it exists.
    /// </summary>
    internal static string? FindSharedData(string variable, string relative)
    {
        string? forced = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(forced)) return Directory.Exists(forced) ? forced : null;
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (!File.Exists(Path.Combine(d.FullName, "ReuseDetect.sln"))) continue;
                string candidate = Path.Combine(d.FullName, "..", "shared", "data", relative);
                return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }
        return null;
    }

    static readonly string[] s_words =
    [
        "the", "of", "to", "and", "a", "in", "said", "for", "on", "it", "is", "that", "by", "was", "with", "at", "from",
        "its", "be", "pct", "mln", "company", "year", "will", "has", "billion", "dlrs", "would", "shares", "which", "an",
        "market", "bank", "trade", "prices", "oil", "government", "stock", "sales", "analysts", "export", "tonnes",
        "quarter", "profit", "net", "rate", "week", "officials", "agreement", "production", "exchange", "foreign",
        "interest", "offer", "dollar", "crude", "wheat", "corn", "sugar", "coffee", "debt", "loan", "budget", "deficit",
        "committee", "federal", "reserve", "minister", "economic", "growth", "increase", "decline", "record", "expected",
        "Japan", "Brazil", "Canada", "London", "Tokyo", "Washington", "Chicago", "OPEC", "GATT", "Reuter",
    ];

    /// <summary>Deterministic news-like text: Zipf-ish word choice, sentences, commas, numbers, capitals.</summary>
    internal static string[] Synthetic(int totalChars, ulong seed)
    {
        var docs = new List<string>();
        var sb = new StringBuilder();
        ulong state = seed;
        int total = 0;
        while (total < totalChars)
        {
            sb.Clear();
            int sentences = 4 + (int)(MinHasher.SplitMix64(ref state) % 12);
            for (int s = 0; s < sentences; s++)
            {
                int words = 8 + (int)(MinHasher.SplitMix64(ref state) % 20);
                for (int w = 0; w < words; w++)
                {
                    ulong r = MinHasher.SplitMix64(ref state);
                    // Zipf-ish: the product of two uniforms favours small indices.
                    int idx = (int)((r & 0xFFFF) * ((r >> 16) & 0xFFFF) * (ulong)s_words.Length >> 32);
                    string word = (r >> 40) % 23 == 0 ? ((r >> 48) % 10000).ToString(System.Globalization.CultureInfo.InvariantCulture) : s_words[idx];
                    if (w == 0) sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                    else sb.Append(word);
                    sb.Append(w == words - 1 ? ". " : (r >> 56) % 9 == 0 ? ", " : " ");
                }
            }
            string doc = sb.ToString().TrimEnd();
            docs.Add(doc);
            total += doc.Length;
        }
        return [.. docs];
    }
}
