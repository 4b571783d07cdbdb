using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>MinHash signing of every document's shingle set (n = 5), one method per kernel; Scalar is the baseline.</summary>
public class MinHashBench
{
    ulong[][] _shingles = [];
    MinHasher _hasher = new();
    uint[] _sig = [];

    [Params(128)]
    public int K { get; set; }

    internal static OperationSize Size() => new(0, Workload.ShingleCount);

    [GlobalSetup]
    public void Setup()
    {
        _shingles = Workload.Shingles;
        _hasher = new MinHasher(K);
        _sig = new uint[K];
    }

    uint Run(SignatureKernel kernel)
    {
        uint acc = 0;
        foreach (ulong[] s in _shingles)
        {
            _hasher.Sign(s, _sig, kernel);
            acc ^= _sig[0];
        }
        return acc;
    }

    [Benchmark(Baseline = true)]
    public uint Scalar() => Run(SignatureKernel.Scalar);

    [Benchmark]
    public uint Vector128() => Run(SignatureKernel.Vector128);

    [Benchmark]
    public uint Vector256() => Run(SignatureKernel.Vector256);

    [Benchmark]
    public uint Vector512() => Run(SignatureKernel.Vector512);
}
