using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Shingling;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>Word n-gram hashing of every document's token hashes into a reused buffer.</summary>
public class ShingleBench
{
    ulong[][] _tokens = [];
    ulong[] _out = [];

    [Params(3, 5, 8)]
    public int N { get; set; }

    internal static OperationSize Size() => new(Corpus.Utf8Bytes, Workload.ShingleCount);

    [GlobalSetup]
    public void Setup()
    {
        _tokens = Workload.TokenHashes;
        _out = new ulong[Workload.MaxTokens + 1];
    }

    [Benchmark]
    public int Shingle()
    {
        int total = 0;
        foreach (ulong[] t in _tokens) total += Shingler.Hash(t, N, _out);
        return total;
    }
}
