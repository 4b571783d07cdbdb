using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReuseDetect.Reporting;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS, JavaScript and SVG; no external request) that opens
/// from disk. The report data is embedded as JSON in a <c>&lt;script type="application/json"&gt;</c> block and rendered
/// by vanilla JavaScript: overview, reposted passages side by side with word edits highlighted, per-document reuse bars,
/// the outlet reuse graph and a timeline, with search and filters that render lazily.
/// </summary>
public static class HtmlReportWriter
{
    static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>The report as a self-contained HTML page.</summary>
    public static string ToHtml(ReuseReport report)
    {
        using var stream = new MemoryStream();
        Write(stream, report);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Writes the page in UTF-8 to <paramref name="stream"/>: the data is serialized once to UTF-8 and escaped on its way
    /// to the stream (<see cref="EmbeddedJson"/>), so neither the page nor its data is held whole. The word diffs are
    /// built on at most <paramref name="parallelism"/> threads (-1: one per core); the bytes are the same for any value.
    /// With <paramref name="fragments"/>, a cluster written before is copied from its kept bytes (no word diff made again)
    /// while its members' documents keep their places, and the bytes of the others are kept.
    /// </summary>
    public static void Write(Stream stream, ReuseReport report, int parallelism = -1, ReportFragments? fragments = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        void Put(string text) => stream.Write(Encoding.UTF8.GetBytes(text));
        Put("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        Put("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        Put("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        Put("<title>ReuseDetect duplication report</title>\n<style>\n");
        Put(HtmlReportAssets.Css);
        Put("</style>\n</head>\n");
        Put(HtmlReportAssets.Body);
        Put("<script type=\"application/json\" id=\"report-data\">");
        var data = new EmbeddedJson(stream);
        using (var json = new Utf8JsonWriter(data, new JsonWriterOptions { Encoder = s_json.Encoder, Indented = false }))
            HtmlReportModel.Write(json, report, s_json, parallelism, fragments);
        data.Drain(final: true);
        Put("</script>\n");
        Put("<script>\n");
        Put(HtmlReportAssets.Script);
        Put("</script>\n</body>\n</html>\n");
    }

    /// <summary>
    /// The page's JSON on its way to the stream: the writer fills a buffer, and what it has written goes to the stream with
    /// the escapes of <see cref="EmbeddableJson"/> whenever the buffer is full, and at the end (<see cref="Drain"/>). Before,
    /// the whole data was built in memory first (Reuters-21578: 16 MB, about 32 MB allocated as its buffer doubled). A
    /// line or paragraph separator is three bytes: one cut by the buffer's end is held back until the rest has come.
    /// </summary>
    internal sealed class EmbeddedJson(Stream stream, int size = 1 << 16) : IBufferWriter<byte>
    {
        byte[] _buffer = new byte[Math.Max(4, size)];
        int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            int start = Room(sizeHint); // first: it may replace the buffer
            return _buffer.AsMemory(start);
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes (one at least) and returns where it starts.</summary>
        int Room(int sizeHint)
        {
            int need = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written < need) Drain(final: false);
            if (_buffer.Length - _written < need) Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, _written + need));
            return _written;
        }

        /// <summary>Writes what the buffer holds, escaped; unless <paramref name="final"/>, keeps the start of a separator cut at its end.</summary>
        public void Drain(bool final)
        {
            ReadOnlySpan<byte> held = _buffer.AsSpan(0, _written);
            int keep = final ? 0 : held.EndsWith((ReadOnlySpan<byte>)[0xE2, 0x80]) ? 2 : held.EndsWith((byte)0xE2) ? 1 : 0;
            WriteEmbeddable(stream, held[..^keep]);
            held[^keep..].CopyTo(_buffer);
            _written = keep;
        }
    }

    /// <summary>The bytes that may need an escape: '&lt;', '&gt;' and the first byte of U+2028 and U+2029.</summary>
    static readonly SearchValues<byte> s_escapable = SearchValues.Create([(byte)'<', (byte)'>', (byte)0xE2]);

    /// <summary>
    /// UTF-8 JSON with the escapes of <see cref="EmbeddableJson"/> applied byte-wise: the bytes between two that may need
    /// one are found with a vectorized search (the page's data is most of it, 16 MB on Reuters-21578, and almost none of
    /// it needs escaping).
    /// </summary>
    static void WriteEmbeddable(Stream stream, ReadOnlySpan<byte> json)
    {
        ReadOnlySpan<byte> lt = "\\u003c"u8, gt = "\\u003e"u8, ls = "\\u2028"u8, ps = "\\u2029"u8;
        int from = 0;
        for (int i = 0; i < json.Length; i++)
        {
            int next = json[i..].IndexOfAny(s_escapable);
            if (next < 0) break;
            i += next;
            byte b = json[i];
            ReadOnlySpan<byte> escape;
            int skip = 1;
            if (b == (byte)'<') escape = lt;
            else if (b == (byte)'>') escape = gt;
            else if (b == 0xE2 && i + 2 < json.Length && json[i + 1] == 0x80 && (json[i + 2] == 0xA8 || json[i + 2] == 0xA9)) { escape = json[i + 2] == 0xA8 ? ls : ps; skip = 3; }
            else continue;
            stream.Write(json[from..i]);
            stream.Write(escape);
            i += skip - 1;
            from = i + 1;
        }
        stream.Write(json[from..]);
    }

    /// <summary>
    /// JSON safe inside a script element: every <c>&lt;</c> and <c>&gt;</c> (only ever inside JSON strings) becomes a
    /// <c>\u</c> escape, so no text can close the element (<c>&lt;/script&gt;</c>) or open a comment (<c>&lt;!--</c>).
    /// </summary>
    internal static string EmbeddableJson(JsonNode node) =>
        node.ToJsonString(s_json)
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
