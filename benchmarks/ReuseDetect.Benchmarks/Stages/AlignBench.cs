using BenchmarkDotNet.Attributes;
using ReuseDetect.Alignment;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>
/// Passage alignment of every pair of <see cref="PairWorkload"/> (PAN 2013 training pairs: no plagiarism, verbatim
/// copies, random obfuscation; else synthetic pairs) from precomputed token hashes, with one reused aligner: the
/// scan's default (news) options, the baseline, and the PAN preset.
/// </summary>
public class AlignBench
{
    ulong[][] _tokens = [];
    (int A, int B)[] _pairs = [];
    readonly PassageAligner _news = new(new ReuseDetectOptions().Alignment);
    readonly PassageAligner _pan = new(AlignmentOptions.Pan);

    internal static OperationSize Size() => new(PairWorkload.Utf8Bytes, 0, Pairs: PairWorkload.Pairs.Length);

    [GlobalSetup]
    public void Setup()
    {
        _tokens = PairWorkload.TokenHashes;
        _pairs = PairWorkload.Pairs;
    }

    int Run(PassageAligner aligner)
    {
        int passages = 0;
        foreach (var (a, b) in _pairs) passages += aligner.Align(_tokens[a], _tokens[b]).Count;
        return passages;
    }

    [Benchmark(Baseline = true)]
    public int News() => Run(_news);

    [Benchmark]
    public int Pan() => Run(_pan);
}
