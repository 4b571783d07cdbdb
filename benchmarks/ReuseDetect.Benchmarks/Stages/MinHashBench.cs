using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>
/// MinHash signing of every document's shingle set (n = 5): the engine's one-permutation MinHash with densification,
/// one method per kernel, against the baseline of classic K-permutation MinHash (Vector256, K multiplies per
/// shingle; <see cref="PermutationMinHash"/>). K must be a multiple of 32 for the baseline.
/// </summary>
public class MinHashBench
{
    ulong[][] _shingles = [];
    MinHasher _hasher = new();
    uint[] _sig = [];
    PermutationMinHash _classic = new(128);
    uint[] _folded = [];

    [Params(128)]
    public int K { get; set; }

    /// <summary>
    /// 0: one set per document as loaded (the Reuters sample is mostly short items, median ~100 shingles, so the
    /// per-document densification weighs in); N: consecutive documents' shingles joined into sets of at least N
    /// (a long article), which shows the per-shingle cost of the kernel itself.
    /// </summary>
    [Params(0, 1000)]
    public int MinSet { get; set; }

    internal static OperationSize Size() => new(0, Workload.ShingleCount);

    [GlobalSetup]
    public void Setup()
    {
        _shingles = MinSet <= 0 ? Workload.Shingles : Join(Workload.Shingles, MinSet);
        _hasher = new MinHasher(K);
        _sig = new uint[K];
        _classic = new PermutationMinHash(K);
        _folded = new uint[_shingles.Max(s => s.Length)];
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

    static ulong[][] Join(ulong[][] sets, int min)
    {
        var joined = new List<ulong[]>();
        var current = new List<ulong>();
        foreach (ulong[] s in sets)
        {
            current.AddRange(s);
            if (current.Count < min) continue;
            joined.Add([.. current]);
            current.Clear();
        }
        if (current.Count > 0) joined.Add([.. current]);
        return [.. joined];
    }

    [Benchmark(Baseline = true)]
    public uint PermutationsVector256()
    {
        uint acc = 0;
        foreach (ulong[] s in _shingles)
        {
            _classic.Sign(s, _sig, _folded);
            acc ^= _sig[0];
        }
        return acc;
    }

    [Benchmark]
    public uint Scalar() => Run(SignatureKernel.Scalar);

    [Benchmark]
    public uint Vector128() => Run(SignatureKernel.Vector128);

    [Benchmark]
    public uint Vector256() => Run(SignatureKernel.Vector256);

    [Benchmark]
    public uint Vector512() => Run(SignatureKernel.Vector512);
}
