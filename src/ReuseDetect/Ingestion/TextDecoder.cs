using System.Text;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Decodes file bytes to text. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE); without one, a binary
/// format is refused by evidence (<see cref="BinarySniffer"/>: a known magic number, many NUL bytes, or random-looking
/// bytes that are not UTF-8), UTF-16 without a mark is recognised by its NUL bytes, strict UTF-8 is tried and
/// Windows-1252 is the fallback (the decision and the first bad byte are reported). A few stray control bytes do not
/// make a file binary: the text is decoded with them, and the reader replaces them (<see cref="ControlCharacters"/>).
/// </summary>
static class TextDecoder
{
    static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The outcome of decoding: the text and the encoding's name, or the reason it failed.</summary>
    public readonly record struct Result(string? Text, string Encoding, string? Error);

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    public static Result Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return new Result(null, "", "empty file");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Strict(bytes[3..], s_strictUtf8, "utf-8 (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return Strict(bytes[4..], new UTF32Encoding(false, false, true), "utf-32le (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Strict(bytes[2..], new UnicodeEncoding(false, false, true), "utf-16le (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Strict(bytes[2..], new UnicodeEncoding(true, false, true), "utf-16be (BOM)");
        if (NotText(bytes) is { } failed) return failed;
        try
        {
            return new Result(s_strictUtf8.GetString(bytes), "utf-8", null);
        }
        catch (DecoderFallbackException e)
        {
            string at = e.Index >= 0 ? $" at byte {e.Index}" : "";
            return new Result(System.Text.Encoding.GetEncoding(1252).GetString(bytes), $"windows-1252 (invalid UTF-8{at})", null);
        }
    }

    /// <summary>
    /// Decodes an HTML page: a byte-order mark decides; else a <c>&lt;meta charset&gt;</c> (or <c>http-equiv</c>
    /// content-type) in the first 1024 bytes, as browsers prescan; else as <see cref="Decode(ReadOnlySpan{byte})"/>.
    /// Following the WHATWG Encoding standard, ISO-8859-1/ASCII labels mean Windows-1252 and a UTF-16 label without a
    /// BOM means UTF-8. A declared UTF-8 page with invalid bytes falls back to Windows-1252 (reported).
    /// </summary>
    public static Result DecodeHtml(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || HasBom(bytes)) return Decode(bytes);
        string? label = HtmlCharset.Sniff(bytes);
        if (label is null) return Decode(bytes);
        if (NotText(bytes) is { } failed) return failed;
        string name = HtmlCharset.Canonical(label);
        if (name == "utf-8")
        {
            Result r = Decode(bytes);
            return r.Encoding == "utf-8" ? r with { Encoding = "utf-8 (meta charset)" } : r with { Encoding = r.Encoding.Replace("(invalid UTF-8", "(meta charset utf-8 but invalid UTF-8", StringComparison.Ordinal) };
        }
        Encoding? encoding = null;
        try
        {
            encoding = System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
        }
        if (encoding is null)
        {
            Result r = Decode(bytes);
            return r with { Encoding = $"{r.Encoding} (meta charset '{label}' unknown)" };
        }
        return new Result(encoding.GetString(bytes), $"{name} (meta charset)", null);
    }

    static bool HasBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    static Result Strict(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return new Result(encoding.GetString(bytes), name, null);
        }
        catch (DecoderFallbackException e)
        {
            return new Result(null, name, $"broken {name} text: invalid bytes at {Math.Max(0, e.Index)}");
        }
    }

    /// <summary>
    /// The result for bytes that are not 8-bit text: a binary format (refused with its reason) or UTF-16 without a
    /// byte-order mark (decoded); null for text to decode as UTF-8 or Windows-1252.
    /// </summary>
    static Result? NotText(ReadOnlySpan<byte> bytes)
    {
        if (BinarySniffer.Magic(bytes) is { } format) return new Result(null, "", $"binary file ({format})");
        if (BinarySniffer.Utf16WithoutBom(bytes, out string name) is { } utf16) return Strict(bytes, utf16, name);
        return BinarySniffer.Why(bytes) is { } why ? new Result(null, "", why) : null;
    }
}
