using System.Text;
using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Reporting;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>
/// report.html's word diff (<see cref="WordDiff"/>): each passage the scan's default alignment finds in the pairs of
/// <see cref="PairWorkload"/> (PAN verbatim and randomly edited copies), one side diffed against the other, as a
/// cluster's member is diffed against its origin.
/// </summary>
public class WordDiffBench
{
    (string Origin, string Member)[] _passages = [];

    internal static OperationSize Size()
    {
        var passages = Passages();
        return new(passages.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Origin) + Encoding.UTF8.GetByteCount(p.Member)), 0, Links: passages.Length);
    }

    static (string Origin, string Member)[] Passages() =>
        [.. PairWorkload.Links.Select(l => (PairWorkload.Texts[l.DocB][l.BStart..l.BEnd], PairWorkload.Texts[l.DocA][l.AStart..l.AEnd]))];

    [GlobalSetup]
    public void Setup() => _passages = Passages();

    [Benchmark]
    public int Diff()
    {
        int ops = 0;
        foreach (var (origin, member) in _passages) ops += new WordDiff.Origin(origin).DiffTo(member).Count;
        return ops;
    }
}
