using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ReuseDetect.Reporting;

/// <summary>The report's JSON shapes, generated at compile time (the options are <see cref="JsonReportWriter"/>'s).</summary>
[JsonSerializable(typeof(ReuseReport))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(ReportCluster))]
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

    static readonly JsonTypeInfo<ReportDocument> s_document = (JsonTypeInfo<ReportDocument>)s_options.GetTypeInfo(typeof(ReportDocument));
    static readonly JsonTypeInfo<ReportCluster> s_cluster = (JsonTypeInfo<ReportCluster>)s_options.GetTypeInfo(typeof(ReportCluster));

    /// <summary>Documents or clusters serialized at once (side by side, each into its bytes) before they are written: bounds the memory held.</summary>
    const int Batch = 2048;

    /// <summary>
    /// Writes the same bytes as <see cref="ToJson"/> (UTF-8, no BOM) to <paramref name="stream"/> without building the
    /// text. The documents and clusters, nearly all of it, are serialized a batch at a time on at most
    /// <paramref name="parallelism"/> threads (-1: one per core), each on its own and indented to its place in the
    /// array, then written in order: the bytes do not depend on the number of threads. With <paramref name="fragments"/>,
    /// a cluster written before is copied from its kept bytes, and the bytes of the others are kept.
    /// </summary>
    public static void Write(Stream stream, ReuseReport report, int parallelism = 1, ReportFragments? fragments = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        // The report without its two long arrays gives every other byte; each empty array is where its elements go.
        byte[] frame = JsonSerializer.SerializeToUtf8Bytes(report with { Documents = [], Clusters = [] }, s_report);
        ReadOnlySpan<byte> documents = "\n  \"documents\": []"u8, clusters = "\n  \"clusters\": []"u8;
        int d = frame.AsSpan().IndexOf(documents), c = frame.AsSpan().IndexOf(clusters);
        if (d < 0 || c < d) throw new InvalidOperationException("The report's JSON frame has no place for its documents and clusters.");
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        int dOpen = d + documents.Length - 2, cOpen = c + clusters.Length - 2; // at each "[]"
        stream.Write(frame.AsSpan(0, dOpen));
        WriteElements(stream, report.Documents, s_document, options, fragments, fragments?.JsonDocuments);
        stream.Write(frame.AsSpan(dOpen + 2, cOpen - dOpen - 2));
        WriteElements(stream, report.Clusters, s_cluster, options, fragments, fragments?.Json);
        stream.Write(frame.AsSpan(cOpen + 2));
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// The elements of a top-level array of the report as the serializer indents them there: an opening bracket, each
    /// element four spaces in (its own line breaks, which only indentation makes, shifted as much), commas between, and
    /// the closing bracket's line. Empty: <c>[]</c>. With <paramref name="kept"/> (a table of <paramref name="fragments"/>), an element kept there
    /// is copied, and the others are kept.
    /// </summary>
    static void WriteElements<T>(Stream stream, IReadOnlyList<T> items, JsonTypeInfo<T> type, ParallelOptions options, ReportFragments? fragments,
        ReportFragments.Kept<T, byte[]>? kept) where T : class
    {
        if (items.Count == 0)
        {
            stream.Write("[]"u8);
            return;
        }
        stream.Write("["u8);
        // Each place of a batch keeps its array for the next batch (grown when an element needs more), and each thread its
        // serializer's buffer: a fresh array per element, serialized and then indented, was the report's size in garbage
        // twice over (about 45 MB of the 1.2 GB a Reuters-21578 scan allocated).
        var slots = new byte[]?[Math.Min(Batch, items.Count)];
        var lengths = new int[slots.Length];
        // Kept bytes are an element without its comma: the comma goes before it unless it is first. What this report
        // used replaces what the last kept once it is written.
        byte[]?[]? keep = kept is null ? null : new byte[]?[items.Count];
        var copied = new byte[]?[slots.Length];
        for (int from = 0; from < items.Count; from += Batch)
        {
            int count = Math.Min(Batch, items.Count - from);
            Parallel.For(0, count, options, i =>
            {
                T item = items[from + i];
                bool comma = from + i > 0;
                copied[i] = null;
                if (kept is not null && kept.TryGetValue(item, out byte[]? bytes))
                {
                    copied[i] = keep![from + i] = bytes;
                    fragments!.CountReuse();
                    return;
                }
                lengths[i] = Indented(Serialized(item, type), comma, ref slots[i]);
                if (keep is not null) keep[from + i] = slots[i].AsSpan(comma ? 1 : 0, lengths[i] - (comma ? 1 : 0)).ToArray();
            });
            for (int i = 0; i < count; i++)
            {
                if (copied[i] is { } bytes)
                {
                    if (from + i > 0) stream.WriteByte((byte)',');
                    stream.Write(bytes);
                }
                else stream.Write(slots[i]!, 0, lengths[i]);
            }
        }
        stream.Write("\n  ]"u8);
        if (keep is not null) kept!.Keep(items, keep);
    }

    /// <summary>The thread's buffer and writer for one element's JSON, kept between elements.</summary>
    [ThreadStatic] static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_element;

    /// <summary>
    /// <paramref name="item"/>'s JSON, as <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonTypeInfo{TValue})"/>
    /// writes it, in the thread's buffer (valid until the thread serializes another element).
    /// </summary>
    static ReadOnlySpan<byte> Serialized<T>(T item, JsonTypeInfo<T> type)
    {
        var (buffer, writer) = t_element ??= New();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, item, type);
        writer.Flush();
        return buffer.WrittenSpan;

        static (ArrayBufferWriter<byte>, Utf8JsonWriter) New()
        {
            var buffer = new ArrayBufferWriter<byte>(1 << 16);
            return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Encoder = s_options.Encoder, Indented = s_options.WriteIndented, IndentCharacter = s_options.IndentCharacter,
                IndentSize = s_options.IndentSize, NewLine = s_options.NewLine, MaxDepth = s_options.MaxDepth, SkipValidation = true,
            }));
        }
    }

    /// <summary>
    /// One element's JSON on its line in the array: a comma before it unless first, a line break, four more spaces on every
    /// line; written into <paramref name="into"/> (replaced by a larger array when short). Returns the length written.
    /// </summary>
    static int Indented(ReadOnlySpan<byte> json, bool comma, ref byte[]? into)
    {
        // Strings escape their line breaks, so every raw '\n' is the serializer's own.
        int breaks = json.Count((byte)'\n');
        int length = json.Length + (comma ? 1 : 0) + 1 + 4 * (breaks + 1);
        if (into is null || into.Length < length) into = new byte[Math.Max(length, 2 * (into?.Length ?? 0))];
        byte[] result = into;
        int at = 0;
        if (comma) result[at++] = (byte)',';
        result[at++] = (byte)'\n';
        "    "u8.CopyTo(result.AsSpan(at));
        at += 4;
        foreach (byte b in json)
        {
            result[at++] = b;
            if (b == (byte)'\n')
            {
                "    "u8.CopyTo(result.AsSpan(at));
                at += 4;
            }
        }
        return length;
    }

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    public static ReuseReport? FromJson(string json) => JsonSerializer.Deserialize(json, s_report);
}
