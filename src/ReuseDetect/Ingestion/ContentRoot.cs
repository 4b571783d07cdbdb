using AngleSharp.Dom;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Chooses the element that holds the article by text density, after Readability: every paragraph-like block
/// of at least 25 characters scores 1 + its commas + one point per 100 characters (at most 3); the score goes to
/// its parent, half to its grandparent and a third to the great-grandparent. Candidates are discounted by their
/// link density (text inside links / all text), the best wins (first in document order on ties), and it is widened
/// to each ancestor that adds little text (at most 15% + 200 characters, and under half of it link text unless it is
/// a mere 40 characters): the article's title,
/// byline and dateline.
/// </summary>
static class ContentRoot
{
    const int MinParagraph = 25;

    public static IElement Choose(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        var order = new List<IElement>();
        foreach (IElement e in body.QuerySelectorAll("*"))
        {
            int length = ParagraphLength(e);
            if (length < MinParagraph) continue;
            double score = 1 + e.TextContent.Count(c => c == ',') + Math.Min(length / 100, 3);
            IElement? ancestor = e.ParentElement;
            for (int level = 1; level <= 3 && ancestor is not null; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor)) order.Add(ancestor);
                scores[ancestor] = scores.GetValueOrDefault(ancestor) + score / level;
                if (ancestor == body) break;
            }
        }
        IElement? best = null;
        double bestScore = 0;
        foreach (IElement e in order)
        {
            double s = scores[e] * (1 - LinkDensity(e));
            if (s > bestScore)
            {
                best = e;
                bestScore = s;
            }
        }
        if (best is null) return body;
        int length0 = HtmlText.Length(best), links0 = LinkLength(best);
        while (best != body && best.ParentElement is { } parent)
        {
            int extra = HtmlText.Length(parent) - length0, extraLinks = LinkLength(parent) - links0;
            if (extra > length0 * 0.15 + 200 || (extraLinks * 2 > extra && extra > 40)) break;
            best = parent;
        }
        return best;
    }

    /// <summary>The text length a block contributes: all of it for p/pre/blockquote/li/td/dd, its own text nodes for other blocks.</summary>
    static int ParagraphLength(IElement e) => e.LocalName switch
    {
        "p" or "pre" or "blockquote" or "li" or "td" or "dd" => HtmlText.Length(e),
        "div" or "section" or "article" or "main" or "span" or "font" or "center" =>
            e.ChildNodes.Where(n => n.NodeType == NodeType.Text).Sum(HtmlText.Length),
        _ => 0,
    };

    static double LinkDensity(IElement e)
    {
        int total = HtmlText.Length(e);
        if (total == 0) return 1;
        return Math.Min(1, (double)LinkLength(e) / total);
    }

    static int LinkLength(IElement e) => e.QuerySelectorAll("a").Sum(HtmlText.Length);
}
