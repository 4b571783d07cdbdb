using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>What one benchmark operation processes; a benchmark class declares it with a static <c>Size</c> method.</summary>
readonly record struct OperationSize(long Bytes, long Shingles);

/// <summary>Base of the throughput columns: finds the class's static <c>OperationSize Size()</c> and the mean time per op.</summary>
abstract class ThroughputColumn : IColumn
{
    public abstract string Id { get; }
    public abstract string ColumnName { get; }
    public abstract string Legend { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        OperationSize? size = SizeOf(benchmarkCase);
        if (stats is null || size is null) return "-";
        double? v = Compute(size.Value, stats.Mean);
        return v is null ? "-" : v.Value.ToString(v.Value >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);
    }

    protected abstract double? Compute(OperationSize size, double meanNs);

    static OperationSize? SizeOf(BenchmarkCase benchmarkCase)
    {
        MethodInfo? m = benchmarkCase.Descriptor.Type.GetMethod("Size", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        return m?.Invoke(null, null) is OperationSize s ? s : null;
    }

    public override string ToString() => ColumnName;
}

/// <summary>Input text throughput: UTF-8 megabytes (10^6) per second.</summary>
sealed class MegabytesPerSecondColumn : ThroughputColumn
{
    public override string Id => "MBps";
    public override string ColumnName => "MB/s";
    public override string Legend => "Input text throughput: UTF-8 megabytes (10^6 bytes) per second, from the mean";
    protected override double? Compute(OperationSize size, double meanNs) => size.Bytes > 0 ? size.Bytes / meanNs * 1e3 : null;
}

/// <summary>Mean nanoseconds per shingle processed.</summary>
sealed class NanosecondsPerShingleColumn : ThroughputColumn
{
    public override string Id => "NsPerShingle";
    public override string ColumnName => "ns/shingle";
    public override string Legend => "Mean time divided by the shingles one operation processes";
    protected override double? Compute(OperationSize size, double meanNs) => size.Shingles > 0 ? meanNs / size.Shingles : null;
}
