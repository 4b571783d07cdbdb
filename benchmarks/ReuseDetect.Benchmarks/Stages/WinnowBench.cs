using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>Winnowing every document's shingles into a reused fingerprint list.</summary>
public class WinnowBench
{
    ulong[][] _shingles = [];
    readonly List<Fingerprint> _out = new(4096);

    [Params(4, 16)]
    public int Window { get; set; }

    internal static OperationSize Size() => new(0, Workload.ShingleCount);

    [GlobalSetup]
    public void Setup() => _shingles = Workload.Shingles;

    [Benchmark]
    public int Winnow()
    {
        int total = 0;
        foreach (ulong[] s in _shingles)
        {
            _out.Clear();
            Winnower.Select(s, Window, _out);
            total += _out.Count;
        }
        return total;
    }
}
