using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;

namespace ReuseDetect.Benchmarks.Infrastructure;

/// <summary>
/// The shared configuration: allocations, throughput columns (the per-document, per-pair and per-link ones only
/// where a class counts those), GitHub markdown and full JSON (for the history).
/// </summary>
static class BenchConfig
{
    internal static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new MegabytesPerSecondColumn(), new NanosecondsPerShingleColumn(),
            new NanosecondsPerDocumentColumn(), new NanosecondsPerPairColumn(), new NanosecondsPerLinkColumn())
        .AddExporter(MarkdownExporter.GitHub, JsonExporter.Full)
        .WithOptions(ConfigOptions.DisableLogFile);
}
