using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Candidates;
using ReuseDetect.Pipeline;
using ReuseDetect.Signatures;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>
/// LSH over every document's MinHash-128 signature (precomputed from the 5-shingles), with the banding the scan
/// derives from its default near-duplicate threshold: the band keys alone, and the whole candidate step of
/// <c>ReuseDetector.FindNearDuplicates</c> (<see cref="LshIndex.Add"/> of every document, then <see cref="LshIndex.Pairs"/>).
/// </summary>
public class LshBench
{
    const int Permutations = 128;
    readonly LshBanding _banding = LshBanding.ForThreshold(new ReuseDetectOptions().NearDuplicateThreshold, Permutations);
    uint[][] _signatures = [];
    ulong[] _keys = [];

    internal static OperationSize Size() => new(0, 0, Documents: Workload.Shingles.Count(s => s.Length > 0));

    [GlobalSetup]
    public void Setup()
    {
        // As the scan, documents without a shingle are not indexed.
        var hasher = new MinHasher(Permutations);
        _signatures = [.. Workload.Shingles.Where(s => s.Length > 0).Select(s => hasher.Sign(s))];
        _keys = new ulong[_banding.Bands];
    }

    [Benchmark(Baseline = true)]
    public ulong BandKeys()
    {
        ulong acc = 0;
        foreach (uint[] sig in _signatures)
        {
            _banding.Keys(sig, _keys);
            acc ^= _keys[0];
        }
        return acc;
    }

    [Benchmark]
    public int IndexAddPairs()
    {
        var index = new LshIndex(_banding);
        for (int i = 0; i < _signatures.Length; i++) index.Add(i, _signatures[i]);
        return index.Pairs().Count;
    }
}
