using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReuseDetect.Benchmarks.History;

/// <summary>One benchmark's figures in one run (times in nanoseconds per operation).</summary>
sealed record HistoryEntry(string Id, double MeanNs, double StdDevNs, double MedianNs, long? AllocatedBytes);

/// <summary>One recorded run: when (from BenchmarkDotNet's export title, or given), which commit, machine and runtime.</summary>
sealed record HistoryRun(string Date, string Commit, string Machine, string Runtime, List<HistoryEntry> Benchmarks)
{
    static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    internal string FileName => $"{Date.Replace(":", "", StringComparison.Ordinal).Replace(" ", "T", StringComparison.Ordinal)}_{Commit}.json";

    internal void Save(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(this, s_json) + "\n");
    }

    internal static HistoryRun Load(string file) =>
        JsonSerializer.Deserialize<HistoryRun>(File.ReadAllText(file), s_json) ?? throw new InvalidDataException($"{file}: empty run");

    /// <summary>Reads every <c>*-report-full.json</c> BenchmarkDotNet wrote into <paramref name="resultsDir"/>.</summary>
    internal static HistoryRun FromBdnExports(string resultsDir, string commit, string machine, string? date)
    {
        var entries = new List<HistoryEntry>();
        string? runtime = null, exportDate = null;
        foreach (string file in Directory.GetFiles(resultsDir, "*-report-full.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            JsonElement root = doc.RootElement;
            exportDate ??= DateFromTitle(root.GetProperty("Title").GetString() ?? "");
            if (root.TryGetProperty("HostEnvironmentInfo", out var host) && host.TryGetProperty("RuntimeVersion", out var rv))
                runtime ??= rv.GetString();
            foreach (JsonElement b in root.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!b.TryGetProperty("Statistics", out var stats) || stats.ValueKind != JsonValueKind.Object) continue;
                string id = $"{b.GetProperty("Type").GetString()}.{b.GetProperty("Method").GetString()}{Params(b)}";
                long? alloc = b.TryGetProperty("Memory", out var mem) && mem.ValueKind == JsonValueKind.Object
                    ? mem.GetProperty("BytesAllocatedPerOperation").GetInt64() : null;
                entries.Add(new HistoryEntry(id, stats.GetProperty("Mean").GetDouble(), stats.GetProperty("StandardDeviation").GetDouble(),
                    stats.GetProperty("Median").GetDouble(), alloc));
            }
        }
        if (entries.Count == 0) throw new InvalidDataException($"no *-report-full.json with statistics in {resultsDir}");
        string when = date ?? exportDate ?? throw new InvalidDataException("no date: pass --date (the export titles carry none)");
        return new HistoryRun(when, commit, machine, runtime ?? "unknown", entries);
    }

    static string Params(JsonElement b)
    {
        string p = b.TryGetProperty("Parameters", out var v) ? v.GetString() ?? "" : "";
        return p.Length == 0 ? "" : $"({p.Replace("&", ", ", StringComparison.Ordinal)})";
    }

    /// <summary>BenchmarkDotNet titles end in <c>-yyyyMMdd-HHmmss</c>.</summary>
    static string? DateFromTitle(string title)
    {
        Match m = Regex.Match(title, @"-(\d{8})-(\d{6})$");
        return m.Success && DateTime.TryParseExact(m.Groups[1].Value + m.Groups[2].Value, "yyyyMMddHHmmss",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;
    }
}
