using System.Text;
using AngleSharp.Dom;

namespace ReuseDetect.Ingestion;

/// <summary>Renders an element's text: blocks as paragraphs (blank line between), <c>&lt;br&gt;</c> as a line break, white space collapsed outside <c>&lt;pre&gt;</c>.</summary>
static class HtmlText
{
    static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    };

    public static bool IsBlock(string tag) => s_blocks.Contains(tag);

    /// <summary>Characters of text inside <paramref name="node"/>, white space runs counted once.</summary>
    public static int Length(INode node)
    {
        int n = 0;
        bool space = true;
        foreach (char c in node.TextContent)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) n++;
                space = true;
            }
            else
            {
                n++;
                space = false;
            }
        }
        return n;
    }

    public static string Render(IElement root)
    {
        var w = new Writer();
        w.Walk(root, pre: false);
        return w.ToString();
    }

    sealed class Writer
    {
        readonly StringBuilder _sb = new();
        int _pendingBreak; // 0 none, 1 line break, 2 paragraph break
        bool _pendingSpace;

        public void Walk(INode node, bool pre)
        {
            if (node.NodeType == NodeType.Text)
            {
                Text(node.TextContent, pre);
                return;
            }
            if (node is not IElement e)
            {
                if (node.NodeType is NodeType.Document or NodeType.DocumentFragment) foreach (INode c in node.ChildNodes) Walk(c, pre);
                return;
            }
            string tag = e.LocalName;
            if (tag == "br")
            {
                Break(1);
                return;
            }
            bool block = IsBlock(tag);
            if (block) Break(2);
            else if (tag is "td" or "th") _pendingSpace = true;
            foreach (INode c in e.ChildNodes) Walk(c, pre || tag == "pre");
            if (block) Break(2);
            else if (tag is "td" or "th") _pendingSpace = true;
        }

        void Break(int kind) => _pendingBreak = Math.Max(_pendingBreak, kind);

        void Text(string text, bool pre)
        {
            foreach (char c in text)
            {
                if (c == '\n' && pre)
                {
                    Break(1);
                    continue;
                }
                if (char.IsWhiteSpace(c) && !(pre && c is ' ' or '\t'))
                {
                    _pendingSpace = true;
                    continue;
                }
                if (_sb.Length > 0)
                {
                    if (_pendingBreak > 0) _sb.Append('\n', _pendingBreak);
                    else if (_pendingSpace) _sb.Append(' ');
                }
                _pendingBreak = 0;
                _pendingSpace = false;
                _sb.Append(c);
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
