using System.Globalization;
using BenchmarkDotNet.Running;
using ReuseDetect.Benchmarks.Infrastructure;

namespace ReuseDetect.Benchmarks;

static class Program
{
    static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "corpus")
        {
            Console.WriteLine($"source={Corpus.Source} docs={Corpus.Documents.Length} bytes={Corpus.Utf8Bytes} tokens={Workload.TokenCount} shingles={Workload.ShingleCount}");
            Console.WriteLine($"pairs: source={PairWorkload.Source} pairs={PairWorkload.Pairs.Length} docs={PairWorkload.Texts.Length} bytes={PairWorkload.Utf8Bytes} links={PairWorkload.Links.Length}");
            double threshold = new Pipeline.ReuseDetectOptions().NearDuplicateThreshold;
            var banding = Candidates.LshBanding.ForThreshold(threshold, 128);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lsh: threshold={threshold} permutations=128 bands={banding.Bands} rows={banding.Rows}"));
            return 0;
        }
        if (args.Length > 0 && args[0] == "cputime") return CpuTimeProbe.Run();
        if (args.Length > 0 && args[0] == "scancheck") return Scan.ScanCheck.Run(args[1..]);
        if (args.Length > 0 && args[0] == "history") return History.HistoryCommand.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
        return 0;
    }
}
