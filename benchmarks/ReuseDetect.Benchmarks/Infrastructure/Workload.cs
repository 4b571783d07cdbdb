using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>Pre-computed stage inputs over <see cref="Corpus.Documents"/>, shared by the benchmarks and the columns.</summary>
static class Workload
{
    /// <summary>Shingle size used by every stage.</summary>
    internal const int N = 5;

    static readonly Lazy<ulong[][]> s_tokens = new(() =>
        [.. Corpus.Documents.Select(d => Tokenizer.Tokenize(d).TokenHashes.ToArray())]);

    static readonly Lazy<ulong[][]> s_shingles = new(() => [.. TokenHashes.Select(t => Shingler.Hash(t, N))]);

    /// <summary>Token hashes per document.</summary>
    internal static ulong[][] TokenHashes => s_tokens.Value;

    /// <summary>Shingle hashes (n = <see cref="N"/>) per document.</summary>
    internal static ulong[][] Shingles => s_shingles.Value;

    internal static long TokenCount => TokenHashes.Sum(t => (long)t.Length);

    internal static long ShingleCount => Shingles.Sum(s => (long)s.Length);

    internal static int MaxTokens => TokenHashes.Max(t => t.Length);
}
