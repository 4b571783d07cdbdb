using BenchmarkDotNet.Attributes;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Benchmarks.Scan;

/// <summary>
/// End to end: <see cref="ReuseDetector.Scan(string, IProgress{ScanProgress}?, CancellationToken)"/> of a generated
/// folder (the ~1 MB benchmark corpus plus reposted copies, see <see cref="ScanCorpus"/>) and the JSON report written
/// to a null stream, with one and two worker threads. The 1→2 thread ratio is the scan's parallel scaling.
/// </summary>
public class ScanBench
{
    ScanCorpus? _corpus;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _corpus = new ScanCorpus(copies: 2);

    [GlobalCleanup]
    public void Cleanup() => _corpus?.Dispose();

    [Benchmark]
    public int ScanAndWriteJson()
    {
        var detector = new ReuseDetector(new ReuseDetectOptions { Parallelism = Threads });
        ReuseReport report = detector.Scan(_corpus!.Root);
        JsonReportWriter.Write(Stream.Null, report);
        return report.Clusters.Count;
    }
}
