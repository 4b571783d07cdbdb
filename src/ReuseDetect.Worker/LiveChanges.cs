using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Worker;

/// <summary>
/// The watch worker's quick answer to a change, before its rescan: each changed article is queried against the index
/// of the last scan (read exactly as a scan reads it, as <c>reuse query</c> does) and one JSON line per changed file is
/// appended to <see cref="FileName"/> in the reports folder. The rescan that follows rewrites the full report set.
/// </summary>
static class LiveChanges
{
    /// <summary>The file in the reports folder that the lines are appended to.</summary>
    public const string FileName = "changes.jsonl";

    static readonly JsonWriterOptions s_writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What changed about one file: it is new, it was changed, or it is gone.</summary>
    public enum Change { Added, Changed, Removed }

    /// <summary>
    /// One line for one changed file: when (<paramref name="at"/>), its id under the watched folder, the change, and for
    /// an article each of its documents with the indexed documents that share passages with it (most shared text first),
    /// the passages as character ranges, the likely origin, and the indexed copies with the same content; files or
    /// records that could not be read are listed with the reason. <paramref name="result"/> is null for a removed file,
    /// or with <paramref name="error"/> when the query itself failed.
    /// </summary>
    public static string Line(DateTimeOffset at, string fileId, Change change, QueryFileResult? result, string? error = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, s_writer))
        {
            w.WriteStartObject();
            w.WriteString("at", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WriteString("file", fileId);
            w.WriteString("change", change switch { Change.Added => "added", Change.Changed => "changed", _ => "removed" });
            if (error is not null) w.WriteString("error", error);
            if (result is not null)
            {
                w.WriteStartArray("documents");
                foreach (QueryResult r in result.Results) Document(w, r);
                w.WriteEndArray();
                w.WriteStartArray("errors");
                foreach (IngestError e in result.Errors)
                {
                    w.WriteStartObject();
                    w.WriteString("id", e.Id);
                    w.WriteString("reason", e.Reason);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    static void Document(Utf8JsonWriter w, QueryResult r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Document);
        w.WriteStartObject("origin");
        w.WriteString("id", r.OriginId);
        w.WriteString("outlet", r.OriginOutlet);
        w.WriteString("basis", r.OriginBasis);
        w.WriteEndObject();
        w.WriteStartArray("identical");
        foreach (string id in r.Identical ?? []) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteStartArray("matches");
        foreach (QueryMatch m in r.Matches)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("outlet", m.Outlet);
            if (m.Published is { } published) w.WriteString("published", published.ToString("o", CultureInfo.InvariantCulture));
            else w.WriteNull("published");
            w.WriteBoolean("credited", m.Credited);
            w.WriteStartArray("passages");
            foreach (QueryPassage p in m.Passages)
            {
                w.WriteStartObject();
                w.WriteNumber("start", p.QueryStart);
                w.WriteNumber("end", p.QueryEnd);
                w.WriteNumber("matchStart", p.DocumentStart);
                w.WriteNumber("matchEnd", p.DocumentEnd);
                w.WriteNumber("identity", Math.Round(p.Identity, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Appends <paramref name="lines"/> to the file in <paramref name="outDir"/> in one write (each line ends with '\n').</summary>
    public static void Append(string outDir, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return;
        Directory.CreateDirectory(outDir);
        var text = new StringBuilder();
        foreach (string line in lines) text.Append(line).Append('\n');
        using var stream = new FileStream(Path.Combine(outDir, FileName), FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
