using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Text;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>Tokenize + fold + hash every document: the public API (allocates a token list per document) and the buffer-reusing scan.</summary>
public class TokenizeBench
{
    string[] _docs = [];
    int[] _starts = new int[16], _ends = new int[16];
    ulong[] _hashes = new ulong[16];

    internal static OperationSize Size() => new(Corpus.Utf8Bytes, 0);

    [GlobalSetup]
    public void Setup() => _docs = Corpus.Documents;

    [Benchmark(Baseline = true)]
    public int TokenizeApi()
    {
        int total = 0;
        foreach (string d in _docs) total += Tokenizer.Tokenize(d).Count;
        return total;
    }

    [Benchmark]
    public int ScanReusedBuffers()
    {
        int total = 0;
        foreach (string d in _docs) total += Tokenizer.Scan(d, 0, d.Length, ref _starts, ref _ends, ref _hashes);
        return total;
    }
}
