using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Extracts the main article text of an HTML page. The page is parsed with AngleSharp's HTML5 parser (which
/// repairs broken markup the way browsers do, so nothing here can be thrown off by unclosed or stray tags), then:
/// <list type="number">
/// <item>metadata is read from meta tags, the canonical link, JSON-LD and <c>&lt;time datetime&gt;</c> (<see cref="HtmlMetadata"/>);</item>
/// <item>noise is dropped: script, style, nav, aside, form, footer, site headers (an article header with the
/// <c>&lt;h1&gt;</c> is kept), hidden elements, ARIA navigation/banner/complementary regions, elements whose class
/// or id names a comment section, share bar, newsletter or sign-up widget, related-article teasers or ads, and the
/// trailing section that a heading such as "You may also like", "Related" or "Leave a Reply" opens;</item>
/// <item>the main content is chosen by text density (Readability's scoring: paragraph text and commas, given to the
/// parent and, halved, to the grandparent, discounted by link density), then widened to an ancestor that adds
/// little text (so the article's own title and dateline come along);</item>
/// <item>its text is rendered with block elements as blank-line-separated paragraphs, <c>&lt;br&gt;</c> as a line
/// break, and runs of white space collapsed (kept inside <c>&lt;pre&gt;</c>).</item>
/// </list>
/// The rendered text is the document's "text as read": report offsets index it, and reports quote it.
/// </summary>
static partial class HtmlExtractor
{
    static readonly HashSet<string> s_dropTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "nav", "aside", "form",
        "footer", "button", "select", "textarea", "input", "dialog", "menu", "head",
    };

    static readonly HashSet<string> s_dropRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    };

    // A class or id token naming a widget, as a whole word between '-' or '_' ("comment-list", "post_share").
    [GeneratedRegex(@"^(?:.*[-_])?(?:comments?|commentlist|disqus|respond|replies|share|shares|sharing|sharebar|social|newsletters?|subscribe|subscription|signup|sign-up|related|recommended|recommendations|promo|promotion|advert|advertisement|ads?|adslot|sponsored|cookies?|consent|breadcrumbs?|popup|modal|teasers?|also-like|more-stories|readmore|read-more|sidebar|widgets?|navbar|nav|navigation|menu|footer|outbrain|taboola|paywall|author-bio)(?:[-_].*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiseName();

    /// <summary>Headings that open a trailing section (teasers, comments, sign-up) rather than article text.</summary>
    [GeneratedRegex(@"^\s*(?:you\s+may\s+also\s+like|you\s+might\s+also\s+like|related(?:\s+(?:articles?|stories|posts|news|content))?|read\s+(?:also|more)|more\s+(?:stories|news|from\b.*)|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|leave\s+a\s+(?:reply|comment)|\d*\s*(?:comments?|responses?|replies)|sign\s+up\b.*|subscribe\b.*|popular\s+(?:posts|stories)|latest\s+news|also\s+read)\s*[:.!]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex TrailerHeading();

    /// <summary>Deepest element nesting accepted before parsing (real pages stay far below a hundred).</summary>
    public const int MaxDepth = 5_000;

    /// <summary>
    /// Why <paramref name="html"/> is not parsed, or null: the parser's time grows much faster than the depth of nesting
    /// (50,000 levels: minutes), and no real page or fragment nests anywhere near <see cref="MaxDepth"/>.
    /// </summary>
    public static string? DepthRefusal(string html) => EstimateDepth(html) is int depth and > MaxDepth
        ? string.Create(CultureInfo.InvariantCulture, $"HTML nested too deeply (about {depth:N0} open elements, limit {MaxDepth:N0}); not parsed")
        : null;

    /// <summary>
    /// An upper estimate of the element nesting depth, in one pass without parsing: start tags open, end tags close,
    /// self-closing tags and comments/declarations count nothing. Unclosed tags a browser would close make it high,
    /// never low, so it can only refuse pages that are (nearly) that deep.
    /// </summary>
    public static int EstimateDepth(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        int depth = 0, max = 0;
        for (int i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            char c = html[i + 1];
            if (c == '/') { if (depth > 0) depth--; continue; }
            if (!char.IsAsciiLetter(c)) continue;
            int close = html.IndexOf('>', i + 1);
            if (close < 0) break;
            if (html[close - 1] == '/') continue;
            max = Math.Max(max, ++depth);
        }
        return max;
    }

    /// <summary>Extracts the article text and metadata from <paramref name="html"/>; never throws on malformed markup.</summary>
    public static (string Text, DocumentMetadata Metadata) Extract(string html, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(metadata);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using IHtmlDocument doc = parser.ParseDocument(html);
        metadata = HtmlMetadata.Read(doc, metadata);
        IElement? body = doc.Body ?? doc.DocumentElement;
        if (body is null) return ("", metadata);
        RemoveNoise(body);
        IElement root = ContentRoot.Choose(body);
        return (HtmlText.Render(root), metadata);
    }

    static void RemoveNoise(IElement body)
    {
        int bodyText = HtmlText.Length(body);
        var drop = new List<IElement>();
        foreach (IElement e in body.QuerySelectorAll("*"))
            if (IsNoise(e, bodyText)) drop.Add(e);
        foreach (IElement e in drop) e.Remove();
        // A heading that opens a trailing section ("You May Also Like", "Leave a Reply") drops itself and what follows it.
        foreach (IElement h in body.QuerySelectorAll("h2, h3, h4, h5, h6").ToList())
        {
            if (h.Parent is null || !TrailerHeading().IsMatch(h.TextContent)) continue;
            INode? next = h;
            while (next is not null)
            {
                INode? after = next.NextSibling;
                next.Parent?.RemoveChild(next);
                next = after;
            }
        }
    }

    static bool IsNoise(IElement e, int bodyText)
    {
        string tag = e.LocalName;
        if (tag is "article" or "main" or "body" or "html") return false;
        if (s_dropTags.Contains(tag)) return true;
        if (tag == "header") return e.QuerySelector("h1") is null;
        if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true") return true;
        if (e.GetAttribute("style") is { } style && Regex.IsMatch(style, @"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return true;
        if (e.GetAttribute("role") is { } role && (s_dropRoles.Contains(role) || (role == "banner" && e.QuerySelector("h1") is null))) return true;
        bool named = (e.Id is { Length: > 0 } id && NoiseName().IsMatch(id)) || e.ClassList.Any(c => NoiseName().IsMatch(c));
        // A misnamed wrapper that holds most of the page's text is not a widget.
        return named && e.QuerySelector("h1") is null && HtmlText.Length(e) * 2 < bodyText;
    }
}
