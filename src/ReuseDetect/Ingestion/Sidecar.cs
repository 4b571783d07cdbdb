using System.Text.Json;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Metadata in a sidecar file next to a document: <c>name.meta.json</c> (or <c>name.ext.meta.json</c>), a JSON object
/// with the record fields (<c>outlet</c>, <c>url</c>, <c>published</c>, <c>title</c>). A broken sidecar is reported
/// and ignored; its bytes join the document's content hash, so editing it counts as a change.
/// </summary>
readonly record struct Sidecar(IReadOnlyList<KeyValuePair<string, string>> Fields, byte[]? Bytes, IngestError? Error)
{
    public static Sidecar None { get; } = new([], null, null);

    /// <summary>Applies the sidecar's fields over <paramref name="metadata"/>.</summary>
    public DocumentMetadata Apply(DocumentMetadata metadata) => MetadataFields.Apply(metadata, Fields);

    /// <summary>The sidecar of <paramref name="documentPath"/>, read by <paramref name="read"/> (its bytes, or why it is not read).</summary>
    public static Sidecar Read(string documentPath, Func<string, string> idOf, Func<string, (byte[]? Bytes, string? Refusal)> read)
    {
        string? dir = Path.GetDirectoryName(documentPath);
        if (dir is null) return None;
        foreach (string candidate in (string[])[Path.Combine(dir, Path.GetFileNameWithoutExtension(documentPath) + FolderSource.SidecarSuffix),
                     documentPath + FolderSource.SidecarSuffix])
        {
            if (!File.Exists(candidate)) continue;
            try
            {
                (byte[]? bytes, string? refusal) = read(candidate);
                if (bytes is null) return new Sidecar([], null, new IngestError(idOf(candidate), $"sidecar not read: {refusal}"));
                return Parse(bytes) is { } fields
                    ? new Sidecar(fields, bytes, null)
                    : new Sidecar([], bytes, new IngestError(idOf(candidate), "sidecar is not a JSON object; ignored"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return new Sidecar([], null, new IngestError(idOf(candidate), $"cannot read sidecar: {e.Message}"));
            }
            catch (JsonException e)
            {
                return new Sidecar([], null, new IngestError(idOf(candidate), $"invalid sidecar JSON ({e.Message}); ignored"));
            }
        }
        return None;
    }

    static List<KeyValuePair<string, string>>? Parse(byte[] bytes)
    {
        TextDecoder.Result decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null) return null;
        using JsonDocument json = JsonDocument.Parse(decoded.Text, JsonRecords.Options);
        return json.RootElement.ValueKind == JsonValueKind.Object ? JsonRecords.Fields(json.RootElement) : null;
    }
}
