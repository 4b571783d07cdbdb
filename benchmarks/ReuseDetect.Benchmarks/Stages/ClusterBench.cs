using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Clustering;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>
/// <see cref="ClusterBuilder.Build"/> of the passage links the scan's default alignment finds in the pairs of
/// <see cref="PairWorkload"/> (precomputed, in character offsets as the scan builds them), over all their documents.
/// </summary>
public class ClusterBench
{
    PassageLink[] _links = [];
    int _documents;

    internal static OperationSize Size() => new(0, 0, Links: PairWorkload.Links.Length);

    [GlobalSetup]
    public void Setup()
    {
        _links = PairWorkload.Links;
        _documents = PairWorkload.Texts.Length;
    }

    [Benchmark]
    public int Build() => ClusterBuilder.Build(_links, _documents).Count;
}
