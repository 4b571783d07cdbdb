using System.Text.RegularExpressions;

namespace ReuseDetect.Ingestion;

/// <summary>The character set an HTML page declares in its first 1024 bytes (<c>&lt;meta charset&gt;</c> or http-equiv).</summary>
static partial class HtmlCharset
{
    [GeneratedRegex(@"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*(?<c>[A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        // Latin-1 maps bytes one to one, so an ASCII-compatible declaration is found whatever the real encoding.
        string head = System.Text.Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        Match m = MetaCharset().Match(head);
        return m.Success ? m.Groups["c"].Value : null;
    }

    /// <summary>The encoding name to use for a label (WHATWG: Latin-1 and ASCII labels are Windows-1252; UTF-16 without BOM is UTF-8).</summary>
    public static string Canonical(string label) => label.Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" or "unicode-1-1-utf-8" or "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
        "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "windows-1252" or "cp1252" or "x-cp1252" => "windows-1252",
        string other => other,
    };
}
