using System.Globalization;

namespace ReuseDetect.Testbed;

/// <summary>Where each page goes: its document id, URL and serial within its outlet, whether it is dated, and its teasers.</summary>
static class Layout
{
    /// <summary>Assigns ids (by outlet, in publication order) and dates.</summary>
    public static void Assign(IEnumerable<Page> pages, DateMode dates)
    {
        foreach (var group in pages.GroupBy(p => p.Outlet))
        {
            Outlet outlet = group.Key;
            int serial = 0;
            foreach (Page page in group.OrderBy(p => p.Time).ThenBy(p => p.Story.Index))
            {
                page.Serial = ++serial;
                page.Dated = dates switch
                {
                    DateMode.All => outlet.Kind != PageKind.PlainText,
                    DateMode.Mixed => outlet.DatedWhenMixed,
                    _ => false,
                };
                string slug = TextTools.Slug(page.Title) + "-" + serial.ToString("000", CultureInfo.InvariantCulture);
                string n4 = serial.ToString("0000", CultureInfo.InvariantCulture);
                (page.Id, page.Url) = outlet.Kind switch
                {
                    PageKind.Wire or PageKind.PlainText => ($"{outlet.Folder}/{(outlet.NumberedFiles ? n4 : slug)}.txt", null),
                    PageKind.TextSidecar => ($"{outlet.Folder}/{slug}.txt", $"https://{outlet.Host}/article/{slug}"),
                    PageKind.Markdown => ($"{outlet.Folder}/{slug}.md", $"https://{outlet.Host}/news/{slug}"),
                    PageKind.JsonLines => ($"{outlet.Folder}/{MonthFile(page.Time, page.Dated)}.jsonl#cm-{n4}", $"https://{outlet.Host}/{slug}"),
                    _ => ($"{outlet.Folder}/{slug}.html", $"https://{outlet.Host}/news/{slug}/"),
                };
            }
        }
    }

    /// <summary>The JSONL file of a month: <c>2024-03</c>, or <c>part-1</c> when pages carry no dates.</summary>
    static string MonthFile(DateTimeOffset time, bool dated) =>
        dated ? time.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "part-" + (time.Month - 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>The headlines an outlet's teaser list shows on each page: its three or four previous pages (its first pages wrap round to its last).</summary>
    public static Dictionary<Page, List<string>> Teasers(IEnumerable<Page> pages)
    {
        var teasers = new Dictionary<Page, List<string>>();
        foreach (var group in pages.Where(p => p.Outlet.RelatedHeading is not null).GroupBy(p => p.Outlet))
        {
            List<Page> ordered = [.. group.OrderBy(p => p.Serial)];
            int count = group.Key.Kind == PageKind.HtmlFull ? 4 : 3;
            for (int i = 0; i < ordered.Count; i++)
            {
                var others = Enumerable.Range(1, ordered.Count - 1).Select(k => ordered[(i - k + ordered.Count) % ordered.Count])
                    .Where(p => p.Title != ordered[i].Title).Select(p => p.Title).Distinct().Take(count).ToList();
                teasers[ordered[i]] = others;
            }
        }
        return teasers;
    }

    public static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
