using System.Globalization;
using System.Text;

namespace ReuseDetect.Benchmarks.History;

/// <summary>One benchmark compared: newest mean against the median of the earlier runs' means on the same machine.</summary>
sealed record Comparison(string Id, double Baseline, double Newest, double Change, bool Regression, bool Improvement);

/// <summary>Compares the newest run with earlier ones and renders a Markdown table and an SVG trend chart.</summary>
static class HistoryReport
{
    static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// A change counts when the newest mean differs from the baseline by more than <paramref name="threshold"/> (relative)
    /// and by more than twice the newest run's standard deviation (so a noisy benchmark does not cry wolf).
    /// </summary>
    internal static List<Comparison> Compare(IReadOnlyList<HistoryRun> runs, double threshold)
    {
        HistoryRun newest = runs[^1];
        var earlier = runs.Take(runs.Count - 1).Where(r => r.Machine == newest.Machine).ToList();
        var result = new List<Comparison>();
        foreach (HistoryEntry e in newest.Benchmarks)
        {
            var past = earlier.SelectMany(r => r.Benchmarks.Where(b => b.Id == e.Id)).Select(b => b.MeanNs).Order().ToList();
            if (past.Count == 0) continue;
            double baseline = past[past.Count / 2];
            double change = e.MeanNs / baseline - 1;
            bool beyondNoise = Math.Abs(e.MeanNs - baseline) > 2 * e.StdDevNs;
            result.Add(new Comparison(e.Id, baseline, e.MeanNs, change, change > threshold && beyondNoise, change < -threshold && beyondNoise));
        }
        return result;
    }

    internal static string Markdown(IReadOnlyList<HistoryRun> runs, IReadOnlyList<Comparison> comparisons, double threshold)
    {
        HistoryRun newest = runs[^1];
        var sb = new StringBuilder();
        sb.Append(s_inv, $"# Benchmark history\n\nNewest run: {newest.Date}, commit `{newest.Commit}`, {newest.Machine}, {newest.Runtime}; ");
        sb.Append(s_inv, $"{runs.Count - 1} earlier run(s). Threshold: {threshold:P0} and beyond 2 σ of the newest run.\n\n");
        sb.Append("| Benchmark | Baseline (median of earlier) | Newest | Change | Verdict |\n|---|---:|---:|---:|---|\n");
        foreach (var c in comparisons.OrderByDescending(c => c.Change))
        {
            string verdict = c.Regression ? "**regression**" : c.Improvement ? "improvement" : "within noise";
            sb.Append(s_inv, $"| {c.Id} | {Time(c.Baseline)} | {Time(c.Newest)} | {c.Change:+0.0%;-0.0%} | {verdict} |\n");
        }
        if (comparisons.Count == 0) sb.Append("| (no earlier run on this machine) | | | | |\n");
        sb.Append("\n## Runs\n\n| Date | Commit | Machine | Runtime | Benchmarks |\n|---|---|---|---|---:|\n");
        foreach (var r in runs) sb.Append(s_inv, $"| {r.Date} | `{r.Commit}` | {r.Machine} | {r.Runtime} | {r.Benchmarks.Count} |\n");
        return sb.ToString();
    }

    static string Time(double ns) => ns >= 1e6 ? (ns / 1e6).ToString("N3", s_inv) + " ms" : ns >= 1e3 ? (ns / 1e3).ToString("N3", s_inv) + " μs" : ns.ToString("N1", s_inv) + " ns";

    /// <summary>A line per benchmark: mean relative to its first recorded run, runs on the x axis.</summary>
    internal static string Svg(IReadOnlyList<HistoryRun> runs)
    {
        const int W = 900, H = 420, L = 60, R = 330, T = 30, B = 50;
        var ids = runs.SelectMany(r => r.Benchmarks.Select(b => b.Id)).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = ids.Select(id => (id, pts: runs.Select((r, x) => (x, m: r.Benchmarks.FirstOrDefault(b => b.Id == id)?.MeanNs)).Where(p => p.m is not null).ToList())).ToList();
        double ratio(double m, double first) => m / first;
        double maxR = Math.Max(1.5, series.SelectMany(s => s.pts.Select(p => ratio(p.m!.Value, s.pts[0].m!.Value))).DefaultIfEmpty(1).Max());
        double X(int x) => L + (runs.Count == 1 ? 0 : x * (double)(W - L - R) / (runs.Count - 1));
        double Y(double r) => T + (H - T - B) * (1 - r / maxR);
        var sb = new StringBuilder();
        sb.Append(s_inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.Append(s_inv, $"<rect width=\"{W}\" height=\"{H}\" fill=\"white\"/>\n<text x=\"{L}\" y=\"18\" font-size=\"14\">Mean time relative to first run (lower is faster)</text>\n");
        foreach (double g in new[] { 0.5, 1.0, 1.5, 2.0, 3.0, 4.0 }.Where(g => g <= maxR))
            sb.Append(s_inv, $"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{Y(g):F1}\" y2=\"{Y(g):F1}\" stroke=\"{(g == 1.0 ? "#888" : "#ddd")}\"/><text x=\"{L - 30}\" y=\"{Y(g) + 4:F1}\">{g:0.0}×</text>\n");
        for (int x = 0; x < runs.Count; x++)
            sb.Append(s_inv, $"<text x=\"{X(x):F1}\" y=\"{H - B + 16}\" text-anchor=\"middle\">{runs[x].Commit}</text>\n");
        string[] colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
        for (int i = 0; i < series.Count; i++)
        {
            var (id, pts) = series[i];
            string color = colors[i % colors.Length];
            string path = string.Join(" ", pts.Select(p => $"{X(p.x).ToString("F1", s_inv)},{Y(ratio(p.m!.Value, pts[0].m!.Value)).ToString("F1", s_inv)}"));
            sb.Append(s_inv, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{path}\"/>\n");
            foreach (var p in pts) sb.Append(s_inv, $"<circle cx=\"{X(p.x):F1}\" cy=\"{Y(ratio(p.m!.Value, pts[0].m!.Value)):F1}\" r=\"2.5\" fill=\"{color}\"/>\n");
            sb.Append(s_inv, $"<text x=\"{W - R + 10}\" y=\"{T + 12 * i + 4}\" fill=\"{color}\">{System.Security.SecurityElement.Escape(id)}</text>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }
}
