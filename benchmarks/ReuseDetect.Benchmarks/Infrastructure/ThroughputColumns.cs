using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>
/// What one benchmark operation processes; a benchmark class declares it with a static <c>Size</c> method.
/// <see cref="Documents"/>, <see cref="Pairs"/> and <see cref="Links"/> are for the stages past signing, whose work
/// is counted in those units; their columns only appear in a summary where some class declares them.
/// </summary>
readonly record struct OperationSize(long Bytes, long Shingles, long Documents = 0, long Pairs = 0, long Links = 0);

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
    public virtual bool IsAvailable(Summary summary) => true;
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

    private protected static OperationSize? SizeOf(BenchmarkCase benchmarkCase)
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

/// <summary>Mean time per counted item; shown only in a summary where some class declares a count of that item.</summary>
abstract class NanosecondsPerItemColumn : ThroughputColumn
{
    protected abstract long Count(OperationSize size);

    public override bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => SizeOf(c) is { } s && Count(s) > 0);

    protected override double? Compute(OperationSize size, double meanNs) => Count(size) > 0 ? meanNs / Count(size) : null;
}

/// <summary>Mean nanoseconds per document (LSH banding and indexing, which see a signature per document).</summary>
sealed class NanosecondsPerDocumentColumn : NanosecondsPerItemColumn
{
    public override string Id => "NsPerDocument";
    public override string ColumnName => "ns/doc";
    public override string Legend => "Mean time divided by the documents one operation processes";
    protected override long Count(OperationSize size) => size.Documents;
}

/// <summary>Mean nanoseconds per document pair (alignment).</summary>
sealed class NanosecondsPerPairColumn : NanosecondsPerItemColumn
{
    public override string Id => "NsPerPair";
    public override string ColumnName => "ns/pair";
    public override string Legend => "Mean time divided by the document pairs one operation processes";
    protected override long Count(OperationSize size) => size.Pairs;
}

/// <summary>Mean nanoseconds per passage link (clustering).</summary>
sealed class NanosecondsPerLinkColumn : NanosecondsPerItemColumn
{
    public override string Id => "NsPerLink";
    public override string ColumnName => "ns/link";
    public override string Legend => "Mean time divided by the passage links one operation processes";
    protected override long Count(OperationSize size) => size.Links;
}
