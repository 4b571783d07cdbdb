using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Metadata an HTML page declares, each taken from the first source that has it:
/// title from <c>og:title</c>, JSON-LD <c>headline</c>, <c>&lt;title&gt;</c>, the first <c>&lt;h1&gt;</c>;
/// publication date from <c>article:published_time</c>, JSON-LD <c>datePublished</c>, other date meta tags
/// (<c>og:published_time</c>, <c>date</c>, <c>pubdate</c>, <c>dc.date.issued</c>, itemprop <c>datePublished</c>), <c>&lt;time datetime&gt;</c>;
/// URL from <c>&lt;link rel="canonical"&gt;</c>, <c>og:url</c>, JSON-LD <c>url</c>;
/// outlet from <c>og:site_name</c>, JSON-LD <c>publisher.name</c>. What the page declares overrides the folder layout.
/// </summary>
static class HtmlMetadata
{
    static readonly string[] s_dateKeys = ["og:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date"];

    public static DocumentMetadata Read(IHtmlDocument doc, DocumentMetadata metadata)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (IElement m in doc.QuerySelectorAll("meta"))
        {
            string? key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            string? content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content)) continue;
            meta.TryAdd(key.Trim(), content.Trim());
        }
        JsonLd ld = JsonLd.Read(doc);

        string? title = Get(meta, "og:title") ?? ld.Headline ?? NonEmpty(doc.Title) ?? NonEmpty(doc.QuerySelector("h1")?.TextContent);
        if (title is not null) metadata = metadata with { Title = Collapse(title) };

        DateTimeOffset? published = Date(Get(meta, "article:published_time")) ?? Date(ld.DatePublished);
        foreach (string key in s_dateKeys) published ??= Date(Get(meta, key));
        if (published is null)
        {
            IElement? time = doc.QuerySelector("time[pubdate][datetime], time[itemprop=datePublished][datetime]") ?? doc.QuerySelector("time[datetime]");
            published = Date(time?.GetAttribute("datetime"));
        }
        if (published is not null) metadata = metadata with { Published = published };

        string? url = NonEmpty(doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Get(meta, "og:url") ?? ld.Url;
        if (url is not null) metadata = metadata with { Url = url.Trim() };

        string? site = Get(meta, "og:site_name") ?? ld.Publisher;
        if (site is not null) metadata = metadata with { Outlet = Collapse(site) };
        return metadata;
    }

    static string? Get(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out string? v) ? v : null;

    static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static DateTimeOffset? Date(string? s) => s is null ? null : MetadataFields.ParseDate(s.Trim());

    /// <summary>The first <c>datePublished</c>, <c>headline</c>, <c>url</c> and <c>publisher.name</c> in the page's JSON-LD (objects, arrays, <c>@graph</c>).</summary>
    readonly record struct JsonLd(string? DatePublished, string? Headline, string? Url, string? Publisher)
    {
        public static JsonLd Read(IHtmlDocument doc)
        {
            var found = new JsonLd();
            foreach (IElement script in doc.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using JsonDocument json = JsonDocument.Parse(script.TextContent, JsonRecords.Options);
                    found = Visit(json.RootElement, found, 0);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common in the wild; the page is still read.
                }
            }
            return found;
        }

        static JsonLd Visit(JsonElement e, JsonLd found, int depth)
        {
            if (depth > 8) return found;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in e.EnumerateArray()) found = Visit(item, found, depth + 1);
                return found;
            }
            if (e.ValueKind != JsonValueKind.Object) return found;
            found = found with
            {
                DatePublished = found.DatePublished ?? Str(e, "datePublished"),
                Headline = found.Headline ?? Str(e, "headline"),
                Url = found.Url ?? (found.DatePublished is null && e.TryGetProperty("datePublished", out _) ? Str(e, "url") : null),
                Publisher = found.Publisher ?? (e.TryGetProperty("publisher", out JsonElement p) ? Str(p, "name") : null),
            };
            if (e.TryGetProperty("@graph", out JsonElement graph)) found = Visit(graph, found, depth + 1);
            return found;
        }

        static string? Str(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
                ? NonEmpty(v.GetString()) : null;
    }
}
