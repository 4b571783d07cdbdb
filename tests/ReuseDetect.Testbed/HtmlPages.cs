using System.Globalization;
using System.Net;
using System.Text;

namespace ReuseDetect.Testbed;

/// <summary>
/// HTML pages. A full page (<see cref="PageKind.HtmlFull"/>) declares its site (og:site_name, canonical URL, published
/// time) and wraps the article in chrome: site header with tagline, navigation, a teaser aside ("You may also like"),
/// a newsletter box and a footer; inside the article it shows a photo caption and a video line. A page without site
/// metadata (<see cref="PageKind.HtmlNoMeta"/>) names only its canonical URL and keeps its furniture inside the content
/// block, as many CMS themes do: masthead line, sign-off, a "Further reading" list and the copyright.
/// </summary>
static class HtmlPages
{
    static string E(string s) => WebUtility.HtmlEncode(s);

    public static string Render(Page page, IReadOnlyList<string> teasers, List<TruthFurniture> furniture) =>
        page.Outlet.Kind == PageKind.HtmlFull ? Full(page, teasers, furniture) : NoMeta(page, teasers, furniture);

    static string Display(DateTimeOffset t) => t.ToString("MMMM d, yyyy h:mm tt 'UTC'", CultureInfo.InvariantCulture);

    static string Full(Page page, IReadOnlyList<string> teasers, List<TruthFurniture> furniture)
    {
        Outlet o = page.Outlet;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<title>").Append(E(page.Title)).Append(" | ").Append(E(o.SiteName!)).Append("</title>\n");
        h.Append("<meta property=\"og:site_name\" content=\"").Append(E(o.SiteName!)).Append("\">\n");
        h.Append("<meta property=\"og:title\" content=\"").Append(E(page.Title)).Append("\">\n");
        h.Append("<meta property=\"og:type\" content=\"article\">\n");
        h.Append("<link rel=\"canonical\" href=\"").Append(E(page.Url!)).Append("\">\n");
        if (page.Dated) h.Append("<meta property=\"article:published_time\" content=\"").Append(Layout.Iso(page.Time)).Append("\">\n");
        h.Append("</head>\n<body>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">").Append(E(o.SiteName!)).Append("</a>");
        if (o.PageTagline is not null)
        {
            h.Append("<p class=\"tagline\">").Append(E(o.PageTagline)).Append("</p>");
            furniture.Add(new TruthFurniture("header", o.PageTagline, "page"));
        }
        h.Append("</header>\n");
        Nav(h, o, furniture);
        h.Append("<main>\n<article>\n<h1>").Append(E(page.Title)).Append("</h1>\n<p class=\"byline\">By ").Append(E(page.Author));
        if (page.Dated) h.Append(" | <time datetime=\"").Append(Layout.Iso(page.Time)).Append("\">").Append(Display(page.Time)).Append("</time>");
        h.Append("</p>\n");
        if (page.Caption is not null)
        {
            h.Append("<figure><img src=\"/img/").Append(page.Serial).Append(".jpg\" alt=\"\"><figcaption>").Append(E(page.Caption)).Append("</figcaption></figure>\n");
            furniture.Add(new TruthFurniture("caption", page.Caption, "text"));
        }
        Body(h, page, furniture);
        if (page.Video is not null)
        {
            h.Append("<div class=\"video-embed\"><p>").Append(E(page.Video)).Append("</p></div>\n");
            furniture.Add(new TruthFurniture("video", page.Video, "text"));
        }
        if (o.SignOff is not null)
        {
            h.Append("<p class=\"standards\">").Append(E(o.SignOff)).Append("</p>\n");
            furniture.Add(new TruthFurniture("signoff", o.SignOff, "text"));
        }
        h.Append("</article>\n");
        if (o.RelatedHeading is not null && teasers.Count > 0)
        {
            h.Append("<aside class=\"related\"><h2>").Append(E(o.RelatedHeading)).Append("</h2>\n");
            Teasers(h, o.RelatedHeading, teasers, "page", furniture);
            h.Append("</aside>\n");
        }
        if (o.Newsletter is not null)
        {
            h.Append("<div class=\"newsletter-signup\"><p>").Append(E(o.Newsletter))
                .Append("</p><form action=\"/subscribe\"><input type=\"email\" name=\"email\"><button>Sign up</button></form></div>\n");
            furniture.Add(new TruthFurniture("newsletter", o.Newsletter, "page"));
        }
        h.Append("</main>\n<footer class=\"site-footer\"><p>").Append(E(o.Copyright)).Append("</p></footer>\n</body>\n</html>\n");
        furniture.Add(new TruthFurniture("copyright", o.Copyright, "page"));
        return h.ToString();
    }

    static string NoMeta(Page page, IReadOnlyList<string> teasers, List<TruthFurniture> furniture)
    {
        Outlet o = page.Outlet;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(page.Title)).Append("</title>\n");
        h.Append("<link rel=\"canonical\" href=\"").Append(E(page.Url!)).Append("\">\n</head>\n<body>\n<div id=\"wrapper\">\n");
        Nav(h, o, furniture);
        h.Append("<div class=\"entry\">\n");
        if (o.Header is not null)
        {
            h.Append("<p class=\"masthead\">").Append(E(o.Header)).Append("</p>\n");
            furniture.Add(new TruthFurniture("header", o.Header, "text"));
        }
        h.Append("<h1 class=\"entry-title\">").Append(E(page.Title)).Append("</h1>\n");
        if (page.Dated) h.Append("<p class=\"posted\">Posted <time datetime=\"").Append(Layout.Iso(page.Time)).Append("\">").Append(Display(page.Time)).Append("</time></p>\n");
        h.Append("<div class=\"entry-content\">\n");
        Body(h, page, furniture);
        if (o.SignOff is not null)
        {
            h.Append("<p>").Append(E(o.SignOff)).Append("</p>\n");
            furniture.Add(new TruthFurniture("signoff", o.SignOff, "text"));
        }
        if (o.RelatedHeading is not null && teasers.Count > 0)
        {
            h.Append("<p><strong>").Append(E(o.RelatedHeading)).Append("</strong></p>\n");
            Teasers(h, o.RelatedHeading, teasers, "text", furniture);
        }
        h.Append("<p class=\"legal\">").Append(E(o.Copyright)).Append("</p>\n");
        furniture.Add(new TruthFurniture("copyright", o.Copyright, "text"));
        h.Append("</div>\n</div>\n</div>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The teaser headlines as a list of links; the heading (written by the caller) and each headline are furniture.</summary>
    static void Teasers(StringBuilder h, string heading, IReadOnlyList<string> teasers, string where, List<TruthFurniture> furniture)
    {
        furniture.Add(new TruthFurniture("related-heading", heading, where));
        h.Append("<ul>\n");
        foreach (string t in teasers)
        {
            h.Append("<li><a href=\"/news/").Append(TextTools.Slug(t)).Append("\">").Append(E(t)).Append("</a></li>\n");
            furniture.Add(new TruthFurniture("related", t, where));
        }
        h.Append("</ul>\n");
    }

    static void Nav(StringBuilder h, Outlet o, List<TruthFurniture> furniture)
    {
        if (o.Nav is null) return;
        h.Append("<nav class=\"main-nav\"><ul>");
        foreach (string item in o.Nav.Split(' ')) h.Append("<li><a href=\"/").Append(item.ToLowerInvariant()).Append("\">").Append(item).Append("</a></li>");
        h.Append("</ul></nav>\n");
        furniture.Add(new TruthFurniture("nav", o.Nav, "page"));
    }

    /// <summary>Lead credits, the carried block (one paragraph element each, the dateline inside the first), copied furniture, trailing credits.</summary>
    static void Body(StringBuilder h, Page page, List<TruthFurniture> furniture)
    {
        foreach (string c in page.LeadCredits) h.Append("<p><em>").Append(E(c)).Append("</em></p>\n");
        for (int i = 0; i < page.Paragraphs.Count; i++)
        {
            h.Append("<p>");
            if (i == 0 && page.Dateline is not null) h.Append(E(page.Dateline));
            h.Append(E(page.Paragraphs[i])).Append("</p>\n");
        }
        if (page.SignOff is not null) h.Append("<p>").Append(E(page.SignOff)).Append("</p>\n");
        if (page.CopiedFurniture is not null)
        {
            h.Append("<p>").Append(E(page.CopiedFurniture)).Append("</p>\n");
            furniture.Add(new TruthFurniture("copied", page.CopiedFurniture, "text"));
        }
        foreach (string c in page.TrailCredits) h.Append("<p><em>").Append(E(c)).Append("</em></p>\n");
    }
}
