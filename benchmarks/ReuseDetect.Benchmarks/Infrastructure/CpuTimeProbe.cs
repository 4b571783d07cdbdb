using System.Globalization;
using ReuseDetect.Benchmarks.Stages;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>
/// <c>cputime</c>: each stage timed by the process's CPU time (not wall time) over repeated passes, best of a few
/// rounds. On a host shared with other work, wall-clock means mostly measure the queue for the CPU; CPU time
/// does not (it still feels a busy SMT sibling). A cross-check for the BenchmarkDotNet figures, not a replacement.
/// </summary>
static class CpuTimeProbe
{
    internal static int Run()
    {
        string[] docs = Corpus.Documents;
        ulong[][] tokens = Workload.TokenHashes, shingles = Workload.Shingles;
        long bytes = Corpus.Utf8Bytes, shingleCount = Workload.ShingleCount;
        int[] st = new int[16], en = new int[16];
        ulong[] hs = new ulong[16], buf = new ulong[Workload.MaxTokens + 1];
        var mh = new MinHasher(128);
        var sig = new uint[128];
        var fps = new Fingerprint[Workload.MaxTokens + 1];
        Console.WriteLine($"corpus: {Corpus.Source}, {docs.Length} docs, {bytes} bytes, {shingleCount} shingles; CPU ms per pass, best of 5 rounds");
        Report("tokenize (Scan)", bytes, 0, 20, () => { foreach (string d in docs) Tokenizer.Scan(d, 0, d.Length, ref st, ref en, ref hs); });
        Report("shingle n=5", bytes, shingleCount, 20, () => { foreach (ulong[] t in tokens) Shingler.Hash(t, 5, buf); });
        foreach (SignatureKernel k in SignatureKernels.All)
            Report($"minhash-128 {k}", 0, shingleCount, k == SignatureKernel.Scalar ? 2 : 10, () => { foreach (ulong[] s in shingles) mh.Sign(s, sig, k); });
        Report("simhash Vector256", 0, shingleCount, 20, () => { foreach (ulong[] s in shingles) SimHasher.Hash(s, SignatureKernel.Vector256); });
        Report("winnow w=8", 0, shingleCount, 20, () => { foreach (ulong[] s in shingles) Winnower.Select(s, 8, fps); });
        Report("pipeline tok+sh5+mh128", bytes, shingleCount, 10, () =>
        {
            foreach (string d in docs)
            {
                int c = Tokenizer.Scan(d, 0, d.Length, ref st, ref en, ref hs);
                int s = Shingler.Hash(hs.AsSpan(0, c), 5, buf);
                mh.Sign(buf.AsSpan(0, s), sig);
            }
        });
        // SignPipelineBench.WithBandKeys itself: the issue 13 target's pipeline, in CPU time.
        var bench = new SignPipelineBench();
        bench.Setup();
        Report("pipeline +band keys", bytes, shingleCount, 10, () => bench.WithBandKeys());
        return 0;
    }

    static void Report(string name, long bytes, long shingles, int passes, Action pass)
    {
        // Warm up for 300 ms, so that tiered compilation has replaced the first code before anything is timed.
        long start = Environment.TickCount64;
        do pass(); while (Environment.TickCount64 - start < 300);
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            TimeSpan c0 = Environment.CpuUsage.TotalTime;
            for (int p = 0; p < passes; p++) pass();
            best = Math.Min(best, (Environment.CpuUsage.TotalTime - c0).TotalMilliseconds / passes);
        }
        string mbps = bytes > 0 ? (bytes / best / 1e3).ToString("N0", CultureInfo.InvariantCulture) + " MB/s" : "";
        string nsps = shingles > 0 ? (best * 1e6 / shingles).ToString("N2", CultureInfo.InvariantCulture) + " ns/shingle" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {best,9:F3} ms  {mbps,12}  {nsps}"));
    }
}
