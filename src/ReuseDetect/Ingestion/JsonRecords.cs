using System.Globalization;
using System.Text.Json;

namespace ReuseDetect.Ingestion;

/// <summary>
/// JSON and JSONL article records. A record is an object with the text in <c>text</c> (or <c>content</c>, <c>body</c>)
/// and optional <c>id</c>, <c>url</c>, <c>outlet</c>, <c>published</c>, <c>title</c> (the aliases of front matter are
/// accepted too). A JSONL file gives one document per non-blank line, with id <c>file.jsonl#&lt;id or line number&gt;</c>;
/// a JSON file holds one record (id = the file's id) or an array of records (<c>file.json#&lt;id or 1-based index&gt;</c>).
/// A repeated record id gets <c>~&lt;line or index&gt;</c> appended, so ids stay unique. A broken line or a record without
/// text is an error for that record only; the rest of the file is read. The document's text is the unescaped text field.
/// </summary>
static class JsonRecords
{
    internal static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    const string NoTextField = "no text field (text, content, body, article, full_text or the like)";

    // The article's text, by the first of these names (compared as MetadataFields.Normalize compares keys) a record
    // gives as a non-blank string.
    static readonly string[] s_textFields = ["text", "content", "body", "articletext", "articlebody", "article", "fulltext", "maintext", "bodytext", "story"];

    public sealed record Record(string Id, string Text, List<KeyValuePair<string, string>> Fields, string Raw);

    public static (List<Record> Records, List<IngestError> Errors) Read(string fileId, string text, bool lines)
    {
        var records = new List<Record>();
        var errors = new List<IngestError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (lines)
        {
            int lineNo = 0, pos = 0;
            while (pos <= text.Length)
            {
                int eol = text.IndexOf('\n', pos);
                int end = eol < 0 ? text.Length : eol;
                lineNo++;
                string line = text[pos..end].Trim();
                pos = end + 1;
                if (line.Length == 0) continue;
                string number = lineNo.ToString(CultureInfo.InvariantCulture);
                try
                {
                    using JsonDocument json = JsonDocument.Parse(line, Options);
                    Add(fileId, json.RootElement, line, number, $"line {number}", records, errors, seen);
                }
                catch (JsonException e)
                {
                    errors.Add(new IngestError($"{fileId}#{number}", $"line {number}: invalid JSON ({e.Message})"));
                }
            }
            return (records, errors);
        }
        try
        {
            using JsonDocument json = JsonDocument.Parse(text.TrimStart('\uFEFF'), Options);
            JsonElement root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (JsonElement item in root.EnumerateArray())
                {
                    string number = (++index).ToString(CultureInfo.InvariantCulture);
                    Add(fileId, item, item.GetRawText(), number, $"record {number}", records, errors, seen);
                }
            }
            else if (root.ValueKind == JsonValueKind.Object)
            {
                try
                {
                    if (TextOf(root) is { } body) records.Add(new Record(fileId, body, Fields(root), root.GetRawText()));
                    else errors.Add(new IngestError(fileId, $"{NoTextField} in the record"));
                }
                catch (InvalidOperationException e)
                {
                    errors.Add(new IngestError(fileId, $"unreadable string ({e.Message})"));
                }
            }
            else
            {
                errors.Add(new IngestError(fileId, "JSON file is neither a record nor an array of records"));
            }
        }
        catch (JsonException e)
        {
            errors.Add(new IngestError(fileId, $"invalid JSON ({e.Message})"));
        }
        return (records, errors);
    }

    static void Add(string fileId, JsonElement element, string raw, string number, string where,
        List<Record> records, List<IngestError> errors, HashSet<string> seen)
    {
        try
        {
            AddRecord(fileId, element, raw, number, where, records, errors, seen);
        }
        catch (InvalidOperationException e)
        {
            // Valid JSON syntax whose strings cannot become .NET text, such as an escaped lone surrogate ("\ud800").
            string id = UniqueId(fileId, null, number, seen);
            errors.Add(new IngestError(id, $"{where}: unreadable string ({e.Message})"));
        }
    }

    static void AddRecord(string fileId, JsonElement element, string raw, string number, string where,
        List<Record> records, List<IngestError> errors, HashSet<string> seen)
    {
        string? key = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out JsonElement idValue) ? Scalar(idValue) : null;
        string id = UniqueId(fileId, key, number, seen);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new IngestError(id, $"{where}: not a JSON object"));
            return;
        }
        if (TextOf(element) is not { } text)
        {
            errors.Add(new IngestError(id, $"{where}: {NoTextField}"));
            return;
        }
        records.Add(new Record(id, text, Fields(element), raw));
    }

    /// <summary>
    /// The id of a record of a file that holds several: <c>file#key</c>, or <c>file#number</c> without a key, with
    /// <c>~number</c> appended when an earlier record of the file took it (<paramref name="seen"/>, which it joins).
    /// </summary>
    internal static string UniqueId(string fileId, string? key, string number, HashSet<string> seen)
    {
        string id = $"{fileId}#{(string.IsNullOrWhiteSpace(key) ? number : key.Trim())}";
        if (!seen.Add(id))
        {
            id = $"{id}~{number}";
            seen.Add(id);
        }
        return id;
    }

    /// <summary>The text field that comes first in <see cref="s_textFields"/> and is a non-blank string, or null.</summary>
    static string? TextOf(JsonElement record)
    {
        string? best = null;
        int rank = s_textFields.Length;
        foreach (JsonProperty p in record.EnumerateObject())
        {
            int r = Array.IndexOf(s_textFields, MetadataFields.Normalize(p.Name));
            if (r < 0 || r >= rank || p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() is not { } s || string.IsNullOrWhiteSpace(s)) continue;
            (best, rank) = (s, r);
        }
        return best;
    }

    /// <summary>
    /// The record's fields other than its text and id, for <see cref="MetadataFields.Apply"/>: scalars, and an object's
    /// <c>name</c> (<c>"publisher": {"name": "Metro Herald"}</c>, as schema.org and news APIs write it).
    /// </summary>
    internal static List<KeyValuePair<string, string>> Fields(JsonElement record)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (JsonProperty p in record.EnumerateObject())
        {
            string key = MetadataFields.Normalize(p.Name);
            if (s_textFields.Contains(key) || key == "id") continue;
            string? value = p.Value.ValueKind == JsonValueKind.Object
                ? p.Value.TryGetProperty("name", out JsonElement name) ? Scalar(name) : null
                : Scalar(p.Value);
            if (value is not null) fields.Add(new(p.Name, value.Trim()));
        }
        return fields;
    }

    static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };
}
