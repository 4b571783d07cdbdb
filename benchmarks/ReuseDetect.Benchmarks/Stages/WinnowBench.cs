using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>Winnowing every document's shingles into a reused fingerprint buffer.</summary>
public class WinnowBench
{
    ulong[][] _shingles = [];
    Fingerprint[] _out = [];

    [Params(4, 16)]
    public int Window { get; set; }

    internal static OperationSize Size() => new(0, Workload.ShingleCount);

    [GlobalSetup]
    public void Setup()
    {
        _shingles = Workload.Shingles;
        _out = new Fingerprint[Winnower.MaxCount(_shingles.Max(s => s.Length), 1)];
    }

    [Benchmark]
    public int Winnow()
    {
        int total = 0;
        foreach (ulong[] s in _shingles) total += Winnower.Select(s, Window, _out);
        return total;
    }
}
