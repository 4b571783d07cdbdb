using System.Text;
using ReuseDetect.Alignment;
using ReuseDetect.Clustering;
using ReuseDetect.Evaluation;
using ReuseDetect.Pipeline;
using ReuseDetect.Text;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>
/// Document pairs for the alignment and clustering benchmarks: the first <see cref="PairsPerCategory"/> pairs of
/// each of <see cref="PanCategories"/> of the PAN 2013 text-alignment training corpus
/// (<c>../shared/data/pan13-text-alignment/train</c> beside the repository; override with <see cref="PanVariable"/>),
/// read at run time and never copied into the repository; else as many deterministic synthetic pairs built from
/// <see cref="Corpus.Documents"/>. The same pairs come out in every process, so the columns can count them.
/// </summary>
static class PairWorkload
{
    /// <summary>Overrides the PAN 2013 training folder (the one holding <c>src/</c>, <c>susp/</c> and the categories).</summary>
    internal const string PanVariable = "REUSEDETECT_BENCH_PAN";

    /// <summary>Pairs taken from the head of each category's <c>pairs</c> file.</summary>
    internal const int PairsPerCategory = 100;

    /// <summary>Negative pairs, verbatim copies, random word operations.</summary>
    internal static readonly string[] PanCategories = ["01-no-plagiarism", "02-no-obfuscation", "03-random-obfuscation"];

    sealed record Inputs(string Source, string[] Texts, (int A, int B)[] Pairs);

    static readonly Lazy<Inputs> s_inputs = new(Load);
    static readonly Lazy<TokenizedText[]> s_tokens = new(() => [.. Texts.Select(Tokenizer.Tokenize)]);
    static readonly Lazy<ulong[][]> s_hashes = new(() => [.. Tokens.Select(t => t.TokenHashes.ToArray())]);
    static readonly Lazy<long> s_bytes = new(() =>
    {
        long[] sizes = [.. Texts.Select(t => (long)Encoding.UTF8.GetByteCount(t))];
        return Pairs.Sum(p => sizes[p.A] + sizes[p.B]);
    });
    static readonly Lazy<PassageLink[]> s_links = new(() => LinksOf(new ReuseDetectOptions().Alignment));

    /// <summary>"pan13" or "synthetic".</summary>
    internal static string Source => s_inputs.Value.Source;

    /// <summary>The distinct documents of the pairs (a PAN suspicious document is in several pairs).</summary>
    internal static string[] Texts => s_inputs.Value.Texts;

    /// <summary>The pairs, as indexes into <see cref="Texts"/>: A the suspicious document, B the source.</summary>
    internal static (int A, int B)[] Pairs => s_inputs.Value.Pairs;

    /// <summary>Tokens of each of <see cref="Texts"/>.</summary>
    internal static TokenizedText[] Tokens => s_tokens.Value;

    /// <summary>Token hashes of each of <see cref="Texts"/>, as the aligner takes them.</summary>
    internal static ulong[][] TokenHashes => s_hashes.Value;

    /// <summary>UTF-8 size of both sides of every pair (a document counted once per pair it is in): the "bytes" of MB/s.</summary>
    internal static long Utf8Bytes => s_bytes.Value;

    /// <summary>Passage links of every pair aligned with the scan's default (news) options, built as the scan builds them.</summary>
    internal static PassageLink[] Links => s_links.Value;

    /// <summary>
    /// Aligns every pair and turns each passage into a link in character offsets, widened to the passage as printed,
    /// as <c>ReuseDetector.AlignPair</c> does.
    /// </summary>
    internal static PassageLink[] LinksOf(AlignmentOptions options)
    {
        var aligner = new PassageAligner(options);
        var links = new List<PassageLink>();
        foreach (var (a, b) in Pairs)
        {
            TokenizedText ta = Tokens[a], tb = Tokens[b];
            foreach (AlignedPassage p in aligner.Align(ta.TokenHashes, tb.TokenHashes))
            {
                var (aStart, aEnd) = PassageText.Widen(Texts[a], ta.StartOf(p.AStart), ta.EndOf(p.AEnd - 1));
                var (bStart, bEnd) = PassageText.Widen(Texts[b], tb.StartOf(p.BStart), tb.EndOf(p.BEnd - 1));
                links.Add(new PassageLink(a, aStart, aEnd, b, bStart, bEnd, p.Identity));
            }
        }
        return [.. links];
    }

    static Inputs Load()
    {
        string? root = Corpus.FindSharedData(PanVariable, Path.Combine("pan13-text-alignment", "train"));
        if (root is not null && Directory.Exists(Path.Combine(root, "src")) && Directory.Exists(Path.Combine(root, "susp"))
            && PanCategories.All(c => File.Exists(Path.Combine(root, c, "pairs"))))
        {
            var corpus = new PanCorpus(root);
            var texts = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var pairs = new List<(int, int)>();
            foreach (string category in PanCategories)
            {
                foreach (PanPair pair in corpus.Pairs(category).Take(PairsPerCategory))
                {
                    int a = IndexOf("susp/" + pair.Suspicious, () => corpus.ReadSuspicious(pair));
                    int b = IndexOf("src/" + pair.Source, () => corpus.ReadSource(pair));
                    pairs.Add((a, b));
                }
            }
            if (pairs.Count > 0) return new Inputs("pan13", [.. texts], [.. pairs]);

            int IndexOf(string key, Func<string> read)
            {
                if (!index.TryGetValue(key, out int i))
                {
                    i = texts.Count;
                    texts.Add(read());
                    index.Add(key, i);
                }
                return i;
            }
        }
        return Synthetic();
    }

    /// <summary>
    /// PAN-like pairs from the benchmark corpus, a third of each kind: the source is four consecutive documents, the
    /// suspicious document two unrelated documents around a third unrelated one (no reuse), around a verbatim copy
    /// of two of the source's documents, or around an edited copy of them (about every tenth word dropped or
    /// replaced by another word of the text, from a seeded generator).
    /// </summary>
    static Inputs Synthetic()
    {
        string[] docs = Corpus.Documents;
        int n = docs.Length;
        var rng = new Random(0x5EED);
        var texts = new List<string>();
        var pairs = new List<(int, int)>();
        for (int k = 0; k < PanCategories.Length * PairsPerCategory; k++)
        {
            string source = string.Join("\n\n", Enumerable.Range(4 * k, 4).Select(i => docs[i % n]));
            string copied = docs[(4 * k + 1) % n] + "\n\n" + docs[(4 * k + 2) % n];
            string inserted = (k % 3) switch
            {
                0 => docs[(n / 2 + 3 * k + 2) % n],
                1 => copied,
                _ => Edit(copied, rng),
            };
            string suspicious = docs[(n / 2 + 3 * k) % n] + "\n\n" + inserted + "\n\n" + docs[(n / 2 + 3 * k + 1) % n];
            pairs.Add((texts.Count, texts.Count + 1));
            texts.Add(suspicious);
            texts.Add(source);
        }
        return new Inputs("synthetic", [.. texts], [.. pairs]);
    }

    static string Edit(string text, Random rng)
    {
        string[] words = text.Split(' ');
        var sb = new StringBuilder(text.Length);
        foreach (string w in words)
        {
            int roll = rng.Next(20);
            if (roll == 0) continue; // dropped
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(roll == 1 ? words[rng.Next(words.Length)] : w); // replaced by another word of the text
        }
        return sb.ToString();
    }
}
