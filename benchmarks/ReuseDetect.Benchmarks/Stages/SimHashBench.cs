using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>SimHash-64 of every document's shingles: scalar bit counting vs the ±1 table in 128-bit (the native build's portable code) and 256-bit vectors.</summary>
public class SimHashBench
{
    ulong[][] _shingles = [];

    internal static OperationSize Size() => new(0, Workload.ShingleCount);

    [GlobalSetup]
    public void Setup() => _shingles = Workload.Shingles;

    ulong Run(SignatureKernel kernel)
    {
        ulong acc = 0;
        foreach (ulong[] s in _shingles) acc ^= SimHasher.Hash(s, kernel);
        return acc;
    }

    [Benchmark(Baseline = true)]
    public ulong Scalar() => Run(SignatureKernel.Scalar);

    [Benchmark]
    public ulong Vector128() => Run(SignatureKernel.Vector128);

    [Benchmark]
    public ulong Vector256() => Run(SignatureKernel.Vector256);
}
