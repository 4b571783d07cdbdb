using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReuseDetect.Testbed;

/// <summary>
/// Writes pages in their outlet's format and reports the furniture each carries. Text formats print, apart by blank
/// lines: the outlet's header, the title (where no metadata holds it), a caption, lead credits, the carried block, a
/// line copied from the parent's page, trailing credits, a video line, the teaser headlines, the sign-off and the
/// copyright. HTML pages are written by <see cref="HtmlPages"/>. Files are UTF-8 without BOM with LF line ends.
/// </summary>
sealed class PageWriter(string corpusDir)
{
    static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    static readonly JsonWriterOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    static readonly JsonWriterOptions s_jsonIndented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    readonly SortedDictionary<string, List<(int Serial, string Line)>> _jsonl = new(StringComparer.Ordinal);

    /// <summary>Writes one page (JSONL records are held until <see cref="Flush"/>) and returns its furniture.</summary>
    public List<TruthFurniture> Write(Page page, IReadOnlyList<string> teasers)
    {
        Outlet outlet = page.Outlet;
        var furniture = new List<TruthFurniture>();
        switch (outlet.Kind)
        {
            case PageKind.HtmlFull:
            case PageKind.HtmlNoMeta:
                WriteFile(page.Id, HtmlPages.Render(page, teasers, furniture));
                break;
            case PageKind.Markdown:
                {
                    var front = new StringBuilder("---\n");
                    front.Append("title: ").Append(page.Title).Append('\n');
                    if (page.Dated) front.Append("date: ").Append(Layout.Iso(page.Time)).Append('\n');
                    front.Append("outlet: ").Append(outlet.SiteName).Append('\n');
                    front.Append("url: ").Append(page.Url).Append('\n');
                    front.Append("---\n\n# ").Append(page.Title).Append("\n\n");
                    WriteFile(page.Id, front + Article(page, teasers, furniture, titleLine: false) + "\n");
                    break;
                }
            case PageKind.JsonLines:
                {
                    string text = Article(page, teasers, furniture, titleLine: false);
                    int hash = page.Id.IndexOf('#', StringComparison.Ordinal);
                    string file = page.Id[..hash];
                    using var buffer = new MemoryStream();
                    using (var w = new Utf8JsonWriter(buffer, s_json))
                    {
                        w.WriteStartObject();
                        w.WriteString("id", page.Id[(hash + 1)..]);
                        w.WriteString("title", page.Title);
                        w.WriteString("url", page.Url);
                        w.WriteString("outlet", outlet.SiteName);
                        if (page.Dated) w.WriteString("published", Layout.Iso(page.Time));
                        w.WriteString("text", text);
                        w.WriteEndObject();
                    }
                    if (!_jsonl.TryGetValue(file, out var lines)) _jsonl[file] = lines = [];
                    lines.Add((page.Serial, s_utf8.GetString(buffer.ToArray())));
                    break;
                }
            case PageKind.TextSidecar:
                WriteFile(page.Id, Article(page, teasers, furniture, titleLine: false) + "\n");
                WriteSidecar(page, [("outlet", outlet.SiteName), ("url", page.Url), ("published", page.Dated ? Layout.Iso(page.Time) : null), ("title", page.Title)]);
                break;
            case PageKind.Wire:
                WriteFile(page.Id, Article(page, teasers, furniture, titleLine: true) + "\n");
                // A wire folder has no outlet metadata; when dated, a sidecar says when only.
                if (page.Dated) WriteSidecar(page, [("published", Layout.Iso(page.Time))]);
                break;
            default:
                WriteFile(page.Id, Article(page, teasers, furniture, titleLine: true) + "\n");
                break;
        }
        return furniture;
    }

    /// <summary>Writes the JSONL files, records in publication order.</summary>
    public void Flush()
    {
        foreach (var (file, lines) in _jsonl)
            WriteFile(file, string.Concat(lines.OrderBy(l => l.Serial).Select(l => l.Line + "\n")));
        _jsonl.Clear();
    }

    /// <summary>The article text of a text-format page, collecting its furniture.</summary>
    static string Article(Page page, IReadOnlyList<string> teasers, List<TruthFurniture> furniture, bool titleLine)
    {
        Outlet outlet = page.Outlet;
        var parts = new List<string>();
        void Furniture(string kind, string? text)
        {
            if (text is null) return;
            parts.Add(text);
            furniture.Add(new TruthFurniture(kind, text, "text"));
        }
        Furniture("header", outlet.Header);
        if (titleLine) parts.Add(page.Title);
        Furniture("caption", page.Caption);
        parts.AddRange(page.LeadCredits);
        parts.Add(page.Block);
        Furniture("copied", page.CopiedFurniture);
        parts.AddRange(page.TrailCredits);
        Furniture("video", page.Video);
        if (outlet.RelatedHeading is not null && teasers.Count > 0)
        {
            parts.Add(outlet.RelatedHeading + "\n" + string.Join('\n', teasers));
            furniture.Add(new TruthFurniture("related-heading", outlet.RelatedHeading, "text"));
            foreach (string t in teasers) furniture.Add(new TruthFurniture("related", t, "text"));
        }
        Furniture("signoff", outlet.SignOff);
        if (outlet.Copyright.Length > 0) Furniture("copyright", outlet.Copyright);
        return string.Join("\n\n", parts);
    }

    void WriteSidecar(Page page, (string Key, string? Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, s_jsonIndented))
        {
            w.WriteStartObject();
            foreach (var (key, value) in fields)
                if (value is not null) w.WriteString(key, value);
            w.WriteEndObject();
        }
        string path = page.Id[..^Path.GetExtension(page.Id).Length] + ".meta.json";
        WriteFile(path, s_utf8.GetString(buffer.ToArray()) + "\n");
    }

    void WriteFile(string id, string content)
    {
        string full = Path.Combine(corpusDir, id.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, s_utf8);
    }
}
