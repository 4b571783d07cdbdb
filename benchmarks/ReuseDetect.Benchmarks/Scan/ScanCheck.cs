using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Benchmarks.Scan;

/// <summary>
/// <c>scancheck [--copies N] [--max-heap-mb M]</c>: a short regression check CI can run (seconds, no timing gate).
/// Generates the scan corpus, scans it with one and with two threads, and fails (exit 1) when the two JSON reports
/// differ or, with <c>--max-heap-mb</c>, when the managed heap after the scan exceeds M MiB. Prints the figures
/// (files, clusters, report hash, wall and CPU time, heap) as one line for the log.
/// </summary>
static class ScanCheck
{
    public static int Run(string[] args)
    {
        int copies = 2;
        long? maxHeapMb = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--copies") copies = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--max-heap-mb") maxHeapMb = long.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"scancheck: unknown argument {args[i]}"); return 2; }
        }
        using var corpus = new ScanCorpus(copies);
        var hashes = new List<ulong>();
        int status = 0;
        foreach (int threads in new[] { 1, 2 })
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            ReuseReport report = new ReuseDetector(new ReuseDetectOptions { Parallelism = threads }).Scan(corpus.Root);
            using var json = new MemoryStream();
            JsonReportWriter.Write(json, report);
            clock.Stop();
            long heapMb = GC.GetTotalMemory(false) >> 20;
            ulong hash = XxHash3.HashToUInt64(json.GetBuffer().AsSpan(0, (int)json.Length));
            hashes.Add(hash);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scancheck threads={threads} files={corpus.Files} bytes={corpus.Bytes} clusters={report.Clusters.Count} nearDuplicates={report.NearDuplicates.Count} report={hash:x16} wall={clock.Elapsed.TotalSeconds:F2}s cpu={(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2}s heap={heapMb}MiB"));
            if (maxHeapMb is long max && heapMb > max)
            {
                Console.Error.WriteLine($"scancheck: heap {heapMb} MiB above --max-heap-mb {max}");
                status = 1;
            }
            if (report.Clusters.Count == 0)
            {
                Console.Error.WriteLine("scancheck: the corpus gave no clusters");
                status = 1;
            }
        }
        if (hashes[0] != hashes[1])
        {
            Console.Error.WriteLine("scancheck: the report differs between 1 and 2 threads");
            status = 1;
        }
        Console.WriteLine(status == 0 ? "scancheck: ok" : "scancheck: FAILED");
        return status;
    }
}
