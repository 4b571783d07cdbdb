using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Articles of an RSS or Atom feed (<c>.rss</c>, <c>.atom</c>): one document per RSS <c>item</c> (RSS 2.0 and RSS 1.0)
/// or Atom <c>entry</c>, with id <c>file.rss#&lt;guid, id or link&gt;</c> (its 1-based position when it has none) and
/// <c>~&lt;position&gt;</c> appended to a repeated one. The text is the item's full content (<c>content:encoded</c>, Atom
/// <c>content</c>), else its description or summary, as text: an HTML fragment is rendered as a page's text is. The
/// title, link (its host names the outlet unless a sidecar does) and publication date (<c>pubDate</c>,
/// <c>dc:date</c>, Atom <c>published</c>, else <c>updated</c>) become the document's metadata. An item without text
/// is an error for that item only. A feed that declares a DTD is refused (entity expansion is a known attack on XML
/// readers), and so is a file whose root is not a feed.
/// </summary>
static class FeedRecords
{
    static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom", s_content = "http://purl.org/rss/1.0/modules/content/",
        s_dc = "http://purl.org/dc/elements/1.1/", s_rss1 = "http://purl.org/rss/1.0/", s_rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>Deepest nesting of elements read: a feed item's markup is a few levels deep.</summary>
    const int MaxDepth = 1_000;

    static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>The feed's items as records (<see cref="JsonRecords.Record"/>: id, text, fields, raw XML), and the errors.</summary>
    public static (List<JsonRecords.Record> Records, List<IngestError> Errors) Read(string fileId, string xml)
    {
        var records = new List<JsonRecords.Record>();
        var errors = new List<IngestError>();
        XElement root;
        string body = xml.TrimStart('\uFEFF');
        try
        {
            // A first pass measures the nesting: LINQ to XML's walks over a tree are not linear in its depth (a feed
            // nested 200,000 deep took minutes), and no feed comes near the limit.
            using (var probe = XmlReader.Create(new StringReader(body), s_settings))
                while (probe.Read())
                    if (probe.Depth > MaxDepth)
                    {
                        errors.Add(new IngestError(fileId, $"XML nested too deeply (over {MaxDepth:N0} levels); not read"));
                        return (records, errors);
                    }
            using var reader = XmlReader.Create(new StringReader(body), s_settings);
            root = XElement.Load(reader);
        }
        catch (XmlException e)
        {
            string reason = e.Message.Contains("DTD", StringComparison.Ordinal) ? "feed declares a DTD (entities are not expanded); not read" : $"invalid XML ({e.Message})";
            errors.Add(new IngestError(fileId, reason));
            return (records, errors);
        }
        IEnumerable<XElement>? items = root.Name.LocalName switch
        {
            "rss" => root.Element("channel")?.Elements("item"),
            "feed" when root.Name.Namespace == s_atom => root.Elements(s_atom + "entry"),
            "RDF" when root.Name.Namespace == s_rdf => root.Elements(s_rss1 + "item"),
            _ => null,
        };
        if (items is null)
        {
            errors.Add(new IngestError(fileId, $"not an RSS or Atom feed (root element <{root.Name.LocalName}>)"));
            return (records, errors);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int position = 0;
        foreach (XElement item in items)
        {
            string number = (++position).ToString(CultureInfo.InvariantCulture);
            bool atom = item.Name.Namespace == s_atom;
            string? link = atom ? AtomLink(item) : Value(item, item.Name.Namespace + "link");
            string? key = atom ? Value(item, s_atom + "id") : Value(item, "guid") ?? item.Attribute(s_rdf + "about")?.Value;
            string id = JsonRecords.UniqueId(fileId, NonBlank(key) ?? link, number, seen);
            string? text, title;
            try
            {
                text = TextOf(item, atom);
                title = Plain(Value(item, item.Name.Namespace + "title"));
            }
            catch (TooDeepException e)
            {
                errors.Add(new IngestError(id, $"item {number}: {e.Message}"));
                continue;
            }
            if (text is null)
            {
                errors.Add(new IngestError(id, $"item {number}: no text (content, description or summary)"));
                continue;
            }
            var fields = new List<KeyValuePair<string, string>>();
            Add(fields, "title", title);
            Add(fields, "url", link);
            Add(fields, "published", atom ? Value(item, s_atom + "published") ?? Value(item, s_atom + "updated") : Rfc822(Value(item, "pubDate")) ?? Value(item, s_dc + "date"));
            records.Add(new JsonRecords.Record(id, text, fields, item.ToString(SaveOptions.DisableFormatting)));
        }
        if (records.Count == 0 && errors.Count == 0) errors.Add(new IngestError(fileId, "no items in the feed"));
        return (records, errors);
    }

    /// <summary>The item's text: its full content, else its description or summary, rendered from HTML when it is markup.</summary>
    static string? TextOf(XElement item, bool atom)
    {
        XNamespace ns = item.Name.Namespace;
        XElement? best = atom
            ? Filled(item.Element(s_atom + "content")) ?? Filled(item.Element(s_atom + "summary"))
            : Filled(item.Element(s_content + "encoded")) ?? Filled(item.Element(ns + "description"));
        if (best is null) return null;
        // Atom's xhtml content is markup in the feed itself; everything else is a string that may hold escaped HTML.
        string markup = atom && (string?)best.Attribute("type") == "xhtml" ? string.Concat(best.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))) : best.Value;
        string text = Plain(markup) ?? "";
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    static XElement? Filled(XElement? e) => e is not null && !string.IsNullOrWhiteSpace(e.Value) || e?.HasElements == true ? e : null;

    /// <summary>Text of a string that may be an HTML fragment, rendered as a page's text (paragraphs kept); null when blank.</summary>
    static string? Plain(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!value.Contains('<', StringComparison.Ordinal) && !value.Contains('&', StringComparison.Ordinal)) return value.Trim();
        // As for a page: a fragment nested too deeply for the parser is refused.
        if (HtmlExtractor.DepthRefusal(value) is { } refusal) throw new TooDeepException(refusal);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var doc = parser.ParseDocument("<body>" + value + "</body>");
        return doc.Body is { } body ? NonBlank(HtmlText.Render(body).Trim()) : null;
    }

    // RFC 822's zone names (RSS 2.0 dates are RFC 822 dates): the runtime reads GMT and UT, not these.
    static readonly Dictionary<string, string> s_zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00", ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    /// <summary>
    /// An RFC 822 date ("Tue, 10 Jun 2003 04:00:00 +0200", "… EST") in ISO 8601, or the value as it is when it is none
    /// (the metadata fields read other forms themselves).
    /// </summary>
    internal static string? Rfc822(string? value)
    {
        if (value is null) return null;
        string v = value.Trim();
        int comma = v.IndexOf(',', StringComparison.Ordinal);
        if (comma is > 0 and <= 9) v = v[(comma + 1)..].Trim();
        int space = v.LastIndexOf(' ');
        if (space > 0)
        {
            string zone = v[(space + 1)..];
            if (s_zones.TryGetValue(zone, out string? offset)) zone = offset;
            else if (zone.Length == 5 && zone[0] is '+' or '-' && zone.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0) zone = zone[..3] + ":" + zone[3..];
            else if (zone is "GMT" or "UT" or "Z") zone = "+00:00";
            v = v[..space] + " " + zone;
        }
        string[] forms = ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz"];
        return DateTimeOffset.TryParseExact(v, forms, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset d)
            ? d.ToString("o", CultureInfo.InvariantCulture) : value;
    }

    sealed class TooDeepException(string message) : Exception(message);

    /// <summary>An Atom entry's link to its article: <c>rel="alternate"</c>, or a link without <c>rel</c>.</summary>
    static string? AtomLink(XElement entry) =>
        entry.Elements(s_atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;

    static string? Value(XElement item, XName name) => NonBlank(item.Element(name)?.Value);

    static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static void Add(List<KeyValuePair<string, string>> fields, string key, string? value)
    {
        if (value is not null) fields.Add(new(key, value));
    }
}
