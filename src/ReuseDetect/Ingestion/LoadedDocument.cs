namespace ReuseDetect.Ingestion;

/// <summary>
/// A document as read: its text, the region of it that is article body (front matter excluded),
/// metadata, and how it was decoded. Offsets everywhere refer to <see cref="Text"/>, the document's "text as read":
/// for plain text and Markdown the decoded file (BOM dropped); for HTML the extracted main-article plain text
/// (see <see cref="HtmlExtractor"/>); for a JSON or JSONL record the unescaped value of its text field.
/// Reports quote <see cref="Text"/>, so a quoted span is always exactly what the offsets index.
/// </summary>
public sealed record LoadedDocument(
    string Id,
    string Text,
    int BodyStart,
    int BodyEnd,
    DocumentMetadata Metadata,
    string Encoding,
    UInt128 ContentHash,
    long SizeBytes)
{
    /// <summary>
    /// The file the document came from (its id under the root). Equal to <see cref="Id"/> except for records of
    /// JSON/JSONL files, whose ids are <c>file.jsonl#&lt;record id or line&gt;</c>.
    /// </summary>
    public string Path { get; init; } = Id;

    /// <summary>The input format: text, markdown, html, json or jsonl.</summary>
    public InputFormat Format { get; init; } = InputFormat.Text;

    /// <summary>What the reader had to mend to read the document (control characters replaced), for the report.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>A file, or a record in a file, that could not be read as a document, and why.</summary>
public sealed record IngestError(string Id, string Reason);

/// <summary>The documents a file yields (several for JSON arrays and JSONL) and the errors met reading it.</summary>
public sealed record FileLoad(IReadOnlyList<LoadedDocument> Documents, IReadOnlyList<IngestError> Errors)
{
    /// <summary>A file that gave no document.</summary>
    internal static FileLoad Failed(string id, string reason) => new([], [new IngestError(id, reason)]);
}

/// <summary>How a file is read, chosen by its extension.</summary>
public enum InputFormat
{
    /// <summary>Plain text (<c>.txt</c>, <c>.text</c>, no extension).</summary>
    Text,
    /// <summary>Markdown with optional front matter (<c>.md</c>, <c>.markdown</c>).</summary>
    Markdown,
    /// <summary>HTML page: main article text extracted (<c>.html</c>, <c>.htm</c>, <c>.xhtml</c>, <c>.shtml</c>, <c>.shtm</c>, and a file without an extension that holds a page).</summary>
    Html,
    /// <summary>One JSON record or an array of records (<c>.json</c>).</summary>
    Json,
    /// <summary>One JSON record per line (<c>.jsonl</c>, <c>.ndjson</c>).</summary>
    JsonLines,
    /// <summary>An RSS (2.0 or 1.0) or Atom feed, one document per item (<c>.rss</c>, <c>.atom</c>).</summary>
    Feed,
}

/// <summary>
/// Reasons that may not hold next time: a file unreadable for a moment, a folder that could not be listed, a file
/// changed during the scan. Neither the store nor the unchanged-folder digest may keep them as the file's state, so
/// the next scan tries those files again.
/// </summary>
public static class TransientErrors
{
    /// <summary>A file (or its sidecar) could not be opened or read.</summary>
    public const string CannotRead = "cannot read";
    /// <summary>A folder could not be listed.</summary>
    public const string CannotList = "cannot list folder";
    /// <summary>A file's content changed between signing and alignment.</summary>
    public const string ChangedDuringScan = "document changed during the scan";

    /// <summary>True when <paramref name="reason"/> is one of the transient failures.</summary>
    public static bool Is(string reason) =>
        reason.StartsWith(CannotRead, StringComparison.Ordinal) || reason.StartsWith(CannotList, StringComparison.Ordinal)
        || reason.StartsWith(ChangedDuringScan, StringComparison.Ordinal);
}
