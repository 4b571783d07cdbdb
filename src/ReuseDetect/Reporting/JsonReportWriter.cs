using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ReuseDetect.Reporting;

/// <summary>The report's JSON shapes, generated at compile time (the options are <see cref="JsonReportWriter"/>'s).</summary>
[JsonSerializable(typeof(ReuseReport))]
sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>Writes and reads <c>report.json</c> (camelCase, indented, non-ASCII text kept readable, LF line ends).</summary>
public static class JsonReportWriter
{
    static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Metadata made at compile time (ReportJsonContext), not by reflection at run time: a native AOT build has none.
        TypeInfoResolver = ReportJsonContext.Default,
    };

    static readonly JsonTypeInfo<ReuseReport> s_report = (JsonTypeInfo<ReuseReport>)s_options.GetTypeInfo(typeof(ReuseReport));

    /// <summary>The report as JSON text.</summary>
    public static string ToJson(ReuseReport report) => JsonSerializer.Serialize(report, s_report) + "\n";

    /// <summary>Writes the same bytes as <see cref="ToJson"/> (UTF-8, no BOM) to <paramref name="stream"/> without building the text.</summary>
    public static void Write(Stream stream, ReuseReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, report, s_report);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    public static ReuseReport? FromJson(string json) => JsonSerializer.Deserialize(json, s_report);
}
