namespace ReuseDetect.Ingestion;

/// <summary>
/// YAML-style front matter at the top of a Markdown file (<c>---</c> lines around <c>key: value</c> pairs).
/// Only flat scalar keys are read, named as <see cref="MetadataFields"/> reads them (title, date, outlet, url and their
/// other names). The body starts after it.
/// </summary>
static class FrontMatter
{
    public static (int BodyStart, DocumentMetadata Metadata) Parse(string text, DocumentMetadata metadata)
    {
        int start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (!text.AsSpan(start).StartsWith("---")) return (0, metadata);
        int firstEol = text.IndexOf('\n', start);
        if (firstEol < 0 || text.AsSpan(start, firstEol - start).Trim().ToString() != "---") return (0, metadata);
        int pos = firstEol + 1;
        var fields = new List<KeyValuePair<string, string>>();
        while (pos < text.Length)
        {
            int eol = text.IndexOf('\n', pos);
            int lineEnd = eol < 0 ? text.Length : eol;
            ReadOnlySpan<char> line = text.AsSpan(pos, lineEnd - pos).Trim();
            int next = eol < 0 ? text.Length : eol + 1;
            if (line is "---" or "...") return (next, MetadataFields.Apply(metadata, fields));
            int colon = line.IndexOf(':');
            if (colon > 0) fields.Add(new(line[..colon].Trim().ToString(), Unquote(line[(colon + 1)..].Trim())));
            pos = next;
        }
        // No closing fence: not front matter after all.
        return (0, metadata);
    }

    /// <summary>
    /// A YAML scalar without its quotes: <c>"…"</c> with <c>\"</c> and <c>\\</c> unescaped, <c>'…'</c> with <c>''</c> as one
    /// quote; anything else as written (a quote inside or at one end only is part of the value).
    /// </summary>
    internal static string Unquote(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[0] != value[^1] || value[0] is not ('"' or '\'')) return value.ToString();
        ReadOnlySpan<char> inner = value[1..^1];
        return value[0] == '\''
            ? inner.ToString().Replace("''", "'", StringComparison.Ordinal)
            : inner.ToString().Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }
}
