using System.IO.Hashing;

namespace ReuseDetect.Ingestion;

public sealed partial class FolderSource
{
    /// <summary>
    /// Decodes file bytes read as <paramref name="format"/> into documents (public for in-memory sources and tests).
    /// Metadata precedence, weakest first: folder layout (when asked), what the file itself says (front matter,
    /// HTML meta tags), the sidecar, and for JSON records the record's own fields (they are the most specific);
    /// a document still without an outlet takes its URL's host (<c>https://www.rferl.org/a/x</c> → <c>rferl.org</c>).
    /// Control characters in the outlet, title and URL become spaces (<see cref="ControlCharacters.CleanNames"/>).
    /// </summary>
    public FileLoad Decode(string id, byte[] bytes, InputFormat format) => Decode(id, bytes, format, Sidecar.None);

    FileLoad Decode(string id, byte[] bytes, InputFormat format, Sidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(bytes);
        // A file without an extension (a crawl saved under its URL's last segment, standard input) is read by what it
        // holds: a web page as a page, not as markup.
        if (format == InputFormat.Text && !Path.HasExtension(id) && LooksLikeHtml(bytes)) format = InputFormat.Html;
        TextDecoder.Result decoded = format == InputFormat.Html ? TextDecoder.DecodeHtml(bytes) : TextDecoder.Decode(bytes);
        if (decoded.Text is null) return FileLoad.Failed(id, decoded.Error ?? "cannot decode");
        var metadata = new DocumentMetadata();
        if (_options.OutletFromFolder && id.IndexOf('/') is > 0 and int slash) metadata = metadata with { Outlet = id[..slash] };
        if (format is InputFormat.Json or InputFormat.JsonLines or InputFormat.Feed) return DecodeRecords(id, decoded, format, metadata, sidecar);

        // Control characters in the text as read become spaces one for one (offsets unchanged); the document says how
        // many. An HTML page's are counted in the extracted text, not in markup that is dropped.
        int controls = 0;
        string text = format == InputFormat.Html ? decoded.Text : ControlCharacters.Replace(decoded.Text, out controls);
        int bodyStart = 0;
        if (format == InputFormat.Markdown) (bodyStart, metadata) = FrontMatter.Parse(text, metadata);
        else if (format == InputFormat.Html)
        {
            // A page nested too deeply for the parser is refused with the reason instead of stalling the scan.
            if (HtmlExtractor.DepthRefusal(text) is { } refusal) return FileLoad.Failed(id, refusal);
            (text, metadata) = HtmlExtractor.Extract(text, metadata);
            text = ControlCharacters.Replace(text, out controls);
        }
        metadata = OutletNames.FillFromUrl(ControlCharacters.CleanNames(sidecar.Apply(metadata)));
        if (text.AsSpan(bodyStart).IsWhiteSpace())
            return FileLoad.Failed(id, format == InputFormat.Html ? "no article text found in the page" : "empty file (no text)");
        var doc = new LoadedDocument(id, text, bodyStart, text.Length, metadata, decoded.Encoding, Hash(bytes, sidecar.Bytes), bytes.LongLength)
        {
            Format = format,
            Warnings = Warnings(controls),
        };
        return new FileLoad([doc], []);
    }

    /// <summary>Bytes looked at for an HTML document's opening.</summary>
    const int SniffBytes = 2048;

    /// <summary>
    /// Whether the bytes open an HTML document: after a UTF-8 byte order mark and white space, a '&lt;', and within the
    /// first <see cref="SniffBytes"/> bytes a <c>&lt;!doctype html</c> or <c>&lt;html</c> tag (in any case). A text that
    /// starts with a bracketed word ("&lt;Reuters&gt; LONDON …") has no such tag and stays text.
    /// </summary>
    internal static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        int start = 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == bytes.Length || bytes[start] != (byte)'<') return false;
        ReadOnlySpan<byte> head = bytes[start..Math.Min(bytes.Length, start + SniffBytes)];
        Span<byte> lower = stackalloc byte[head.Length];
        for (int i = 0; i < head.Length; i++) lower[i] = head[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(head[i] | 0x20) : head[i];
        return lower.IndexOf("<!doctype html"u8) >= 0 || lower.IndexOf("<html"u8) >= 0;
    }

    static FileLoad DecodeRecords(string fileId, TextDecoder.Result decoded, InputFormat format, DocumentMetadata folder, Sidecar sidecar)
    {
        var (records, errors) = format == InputFormat.Feed ? FeedRecords.Read(fileId, decoded.Text!) : JsonRecords.Read(fileId, decoded.Text!, format == InputFormat.JsonLines);
        var documents = new List<LoadedDocument>(records.Count);
        DocumentMetadata fileLevel = sidecar.Apply(folder);
        foreach (JsonRecords.Record r in records)
        {
            DocumentMetadata metadata = MetadataFields.Apply(fileLevel, r.Fields);
            byte[] raw = System.Text.Encoding.UTF8.GetBytes(r.Raw);
            // A record's hash covers its own JSON (and the sidecar), so editing one line leaves the others unchanged.
            // Raw control bytes make a line invalid JSON (reported as such); escaped ones (\u0001) are replaced here.
            string text = ControlCharacters.Replace(r.Text, out int controls);
            documents.Add(new LoadedDocument(r.Id, text, 0, text.Length, OutletNames.FillFromUrl(ControlCharacters.CleanNames(metadata)), decoded.Encoding,
                Hash(raw, sidecar.Bytes), raw.LongLength) { Path = fileId, Format = format, Warnings = Warnings(controls) });
        }
        if (documents.Count == 0 && errors.Count == 0) errors.Add(new IngestError(fileId, "no records in the file"));
        return new FileLoad(documents, errors);
    }

    static IReadOnlyList<string> Warnings(int controls) => ControlCharacters.Warning(controls) is { } w ? [w] : [];

    static UInt128 Hash(byte[] bytes, byte[]? sidecar)
    {
        if (sidecar is null) return XxHash128.HashToUInt128(bytes);
        var hash = new XxHash128();
        hash.Append(bytes);
        hash.Append(sidecar);
        return hash.GetCurrentHashAsUInt128();
    }
}
