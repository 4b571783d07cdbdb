using System.Globalization;

namespace ReuseDetect.Benchmarks.History;

/// <summary>
/// <c>history record --results DIR --commit C --machine M [--date "yyyy-MM-dd HH:mm:ss"] [--dir D]</c> files a run;
/// <c>history compare [--dir D] [--threshold 0.10] [--fail-on-regression]</c> compares the newest run with the earlier
/// ones and writes <c>report.md</c> and <c>trend.svg</c> into the history folder.
/// </summary>
static class HistoryCommand
{
    internal const string DefaultDir = "benchmarks/history";

    internal static int Run(string[] args)
    {
        var opts = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return Usage($"unexpected '{args[i]}'");
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) opts[args[i]] = args[++i];
            else flags.Add(args[i]);
        }
        string dir = opts.GetValueOrDefault("--dir", DefaultDir);
        switch (args.Length > 0 ? args[0] : "")
        {
            case "record":
                if (!opts.TryGetValue("--results", out string? results) || !opts.TryGetValue("--commit", out string? commit))
                    return Usage("record needs --results and --commit");
                var run = HistoryRun.FromBdnExports(results, commit, opts.GetValueOrDefault("--machine", "unknown"), opts.GetValueOrDefault("--date"));
                run.Save(dir);
                Console.WriteLine($"recorded {run.Benchmarks.Count} benchmarks as {Path.Combine(dir, run.FileName)}");
                return 0;
            case "compare":
                var runs = Directory.Exists(dir)
                    ? Directory.GetFiles(dir, "*.json").Select(HistoryRun.Load).OrderBy(r => r.Date, StringComparer.Ordinal).ToList()
                    : [];
                if (runs.Count == 0) return Usage($"no runs in {dir}");
                double threshold = double.Parse(opts.GetValueOrDefault("--threshold", "0.10"), CultureInfo.InvariantCulture);
                var comparisons = HistoryReport.Compare(runs, threshold);
                string md = HistoryReport.Markdown(runs, comparisons, threshold);
                File.WriteAllText(Path.Combine(dir, "report.md"), md);
                File.WriteAllText(Path.Combine(dir, "trend.svg"), HistoryReport.Svg(runs));
                Console.Write(md);
                int regressions = comparisons.Count(c => c.Regression);
                Console.WriteLine($"\n{regressions} regression(s); wrote {Path.Combine(dir, "report.md")} and {Path.Combine(dir, "trend.svg")}");
                return regressions > 0 && flags.Contains("--fail-on-regression") ? 1 : 0;
            default:
                return Usage("expected 'record' or 'compare'");
        }
    }

    static int Usage(string why)
    {
        Console.Error.WriteLine($"history: {why}\n  history record --results DIR --commit C [--machine M] [--date D] [--dir {DefaultDir}]\n  history compare [--dir {DefaultDir}] [--threshold 0.10] [--fail-on-regression]");
        return 2;
    }
}
