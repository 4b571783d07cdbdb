using System.Globalization;

namespace ReuseDetect.Ingestion;

/// <summary>
/// YAML-style front matter at the top of a Markdown file (<c>---</c> lines around <c>key: value</c> pairs).
/// Only flat scalar keys are read: title, date/published, outlet/source/site, url. The body starts after it.
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
        while (pos < text.Length)
        {
            int eol = text.IndexOf('\n', pos);
            int lineEnd = eol < 0 ? text.Length : eol;
            ReadOnlySpan<char> line = text.AsSpan(pos, lineEnd - pos).Trim();
            int next = eol < 0 ? text.Length : eol + 1;
            if (line is "---" or "...") return (next, metadata);
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                string key = line[..colon].Trim().ToString().ToLowerInvariant();
                string value = line[(colon + 1)..].Trim().Trim('"').Trim('\'').ToString();
                metadata = Apply(metadata, key, value);
            }
            pos = next;
        }
        // No closing fence: not front matter after all.
        return (0, metadata);
    }

    internal static DocumentMetadata Apply(DocumentMetadata m, string key, string value)
    {
        if (value.Length == 0) return m;
        return key switch
        {
            "title" => m with { Title = value },
            "date" or "published" or "published_at" or "publishedat" or "pubdate" or "datepublished" => ParseDate(value) is { } d ? m with { Published = d } : m,
            "outlet" or "source" or "site" or "site_name" or "publisher" => m with { Outlet = value },
            "url" or "canonical" or "link" => m with { Url = value },
            _ => m,
        };
    }

    internal static DateTimeOffset? ParseDate(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
