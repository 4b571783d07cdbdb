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
        ArgumentNullException.ThrowIfNull(report);
        string data = EmbeddableJson(HtmlReportModel.Build(report));
        var sb = new StringBuilder(data.Length + HtmlReportAssets.Css.Length + HtmlReportAssets.Script.Length + 4096);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No request may leave the page: everything is inline, and the policy forbids fetching anything else.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<title>ReuseDetect duplication report</title>\n<style>\n").Append(HtmlReportAssets.Css).Append("</style>\n</head>\n");
        sb.Append(HtmlReportAssets.Body);
        sb.Append("<script type=\"application/json\" id=\"report-data\">").Append(data).Append("</script>\n");
        sb.Append("<script>\n").Append(HtmlReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
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
