using System.Text;
using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Reporting;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>
/// report.html's word diff (<see cref="WordDiff"/>), as a cluster's member is diffed against its origin. <see cref="Diff"/>:
/// each passage the scan's default alignment finds in the pairs of <see cref="PairWorkload"/> (PAN verbatim and randomly
/// edited copies), one side against the other; most differ little, or only at their ends. <see cref="LongEdited"/>: the
/// first 1,200 words of each of the 20 longest documents against a copy with every 25th word changed, a lightly edited
/// repost whose differing middle is the whole text (the case that made the LCS table most of report.html's cost).
/// </summary>
public class WordDiffBench
{
    (string Origin, string Member)[] _passages = [], _edited = [];

    internal static OperationSize Size()
    {
        var passages = Passages();
        return new(passages.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Origin) + Encoding.UTF8.GetByteCount(p.Member)), 0, Links: passages.Length);
    }

    static (string Origin, string Member)[] Passages() =>
        [.. PairWorkload.Links.Select(l => (PairWorkload.Texts[l.DocB][l.BStart..l.BEnd], PairWorkload.Texts[l.DocA][l.AStart..l.AEnd]))];

    static (string Origin, string Member)[] Edited() =>
        [.. PairWorkload.Texts.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Take(20).Select(t =>
        {
            string[] words = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[..1200];
            return (string.Join(' ', words), string.Join(' ', words.Select((w, i) => i % 25 == 12 ? "edited" : w)));
        })];

    [GlobalSetup]
    public void Setup()
    {
        _passages = Passages();
        _edited = Edited();
    }

    [Benchmark(Baseline = true)]
    public int Diff() => DiffAll(_passages);

    [Benchmark]
    public int LongEdited() => DiffAll(_edited);

    static int DiffAll((string Origin, string Member)[] pairs)
    {
        int ops = 0;
        foreach (var (origin, member) in pairs) ops += new WordDiff.Origin(origin).DiffTo(member).Count;
        return ops;
    }
}
