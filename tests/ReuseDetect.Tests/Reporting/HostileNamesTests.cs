using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

/// <summary>
/// Issue 12: every writer takes any string a folder can hold (control characters, escape sequences, bidi overrides,
/// lone surrogates, formulas, Markdown and HTML) without throwing, and writes nothing that acts on its reader.
/// </summary>
public sealed partial class HostileNamesTests
{
    const string Esc = "\u001b]0;pwned\u0007\u001b[2J";
    const string Formula = "=cmd|' /C calc'!A0";
    const string Image = "<img src=x onerror=alert(1)>";
    const string Link = "[x](javascript:alert(1))";
    const string Rlo = "abc\u202Etxt.exe";

    /// <summary>A report whose ids, outlets, credits and text are all hostile.</summary>
    internal static ReuseReport Report()
    {
        string a = Formula + Esc + ".txt", b = Link + " " + Image + ".txt", c = Rlo + "\u0000\uD800.txt";
        string outletA = "Daily\u001bNews", outletB = "-2+3 " + Image, outletC = "@SUM(1)\u202E\u2066";
        string text = "+1 said: " + Esc + " " + Link + " `code` " + Image + " \uDC00 \u009b31m end";
        return new ReuseReport
        {
            Parameters = new ReportParameters(5, 128, "0", 0.8, 9, 13, 6, 20, 5, 4, 0.5, 100, 5),
            Summary = new ReportSummary(3, 3, 1, 1, 1, 0, 0, 1, 150, 60, 0.4),
            Documents =
            [
                new ReportDocument { Id = a, Path = a, Outlet = outletA, Title = "T" + Esc, Url = "javascript:alert(1)", Length = 50, ReusedChars = 25, ReusedFraction = 0.5,
                    SharedWith = [new ReportShare(b, outletB, 25, 1)], Warnings = ["1 control character replaced by a space " + Esc] },
                new ReportDocument { Id = b, Path = b, Outlet = outletB, Url = "data:text/html,<script>alert(1)</script>", Length = 50, ReusedChars = 25, ReusedFraction = 0.5 },
                new ReportDocument { Id = c, Path = c, Outlet = outletC, Length = 50, Error = "cannot read " + c + ": " + Esc },
            ],
            Ignored = [new ReportIgnoredFile(Link + Esc + ".csv", "not an article file (.csv: table) " + Image)],
            Clusters =
            [
                new ReportCluster
                {
                    Id = "c1", Kind = "passage", Documents = 2, Outlets = [outletA, outletB], Words = 5, MinIdentity = 0.8,
                    Origin = new ReportOrigin(null, outletC, "credit-line", "with permission from " + outletC + Esc),
                    Source = new ReportSource(outletC + Link, "courtesy of " + Image),
                    Members =
                    [
                        new ReportMember(a, outletA, 0, 25, text, true, "courtesy of " + Rlo),
                        new ReportMember(b, outletB, 10, 35, "-" + text + " more", false, null),
                    ],
                },
            ],
            NearDuplicates = [new ReportNearDuplicate([a, b], 0.9, 0.9, 2)],
        };
    }

    /// <summary>No raw control character (but tab and line breaks), C1 control or bidi override/isolate.</summary>
    internal static void AssertNoControls(string written)
    {
        int bad = written.AsSpan().IndexOfAny(Controls());
        Assert.True(bad < 0, $"U+{(bad < 0 ? 0 : written[bad]):X4} at {bad}: …{(bad < 0 ? "" : written[Math.Max(0, bad - 40)..Math.Min(written.Length, bad + 40)])}…");
    }

    static System.Buffers.SearchValues<char> Controls() => s_controls;

    static readonly System.Buffers.SearchValues<char> s_controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    [Fact]
    public void Should_write_GraphML_that_parses_whatever_the_outlet_names_hold()
    {
        // Given outlets with ESC, NUL, a lone surrogate and bidi overrides (U+001B alone used to throw)
        ReuseReport report = Report();
        // When
        string graphMl = GraphMlReportWriter.ToGraphMl(report);
        // Then it is well-formed XML with a node per outlet, and every edge joins two of them
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var ends = new List<string>();
        using (var reader = XmlReader.Create(new StringReader(graphMl)))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "node") nodes.Add(reader.GetAttribute("id")!);
                if (reader.LocalName == "edge") ends.AddRange([reader.GetAttribute("source")!, reader.GetAttribute("target")!]);
            }
        }
        Assert.Contains("Daily\u241BNews", nodes);
        Assert.NotEmpty(ends);
        Assert.All(ends, e => Assert.Contains(e, nodes));
        AssertNoControls(graphMl);
    }

    [Fact]
    public void Should_keep_the_exact_strings_in_JSON()
    {
        // Given
        ReuseReport report = Report();
        // When
        string json = JsonReportWriter.ToJson(report);
        // Then control characters are JSON escapes, and the strings read back as they were (the JSON is the contract)
        Assert.DoesNotContain('\u001b', json);
        Assert.Contains("\\u001B", json, StringComparison.OrdinalIgnoreCase);
        ReuseReport back = JsonReportWriter.FromJson(json)!;
        Assert.Equal(report.Documents[0].Id, back.Documents[0].Id);
        Assert.Equal(report.Documents[0].Outlet, back.Documents[0].Outlet);
        using var _ = JsonDocument.Parse(json);
    }

    [Fact]
    public void Should_write_no_CSV_cell_a_spreadsheet_would_run_and_no_control_character()
    {
        // Given ids, outlets and text starting with = + - @
        ReuseReport report = Report();
        // When
        string csv = CsvReportWriter.ToCsv(report);
        // Then no cell starts with a formula character (a neutralised one starts with an apostrophe), and no ESC is left
        List<List<string>> rows = ParseCsv(csv);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(CsvReportWriter.Columns.Count, r.Count));
        foreach (string cell in rows.SelectMany(r => r))
            Assert.False(cell.TrimStart(' ').Length > 0 && cell.TrimStart(' ')[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n', cell);
        List<string> first = rows[1];
        Assert.Equal("'" + Formula + "\u241B]0;pwned\u2407\u241B[2J.txt", first[7]);
        Assert.Equal("'+1 said: ", first[13][..10]);
        Assert.Equal("'-2+3 " + Image, rows[2][8]);
        Assert.Equal("'@SUM(1)\uFFFD\uFFFD", first[5]);
        Assert.Matches("^[0-9]+$", first[11]);
        Assert.Equal("0", first[9]);
        AssertNoControls(csv);
    }

    [Fact]
    public void Should_write_Markdown_with_no_link_image_or_HTML_from_the_input()
    {
        // Given
        ReuseReport report = Report();
        // When
        string md = MarkdownReportWriter.ToMarkdown(report);
        // Then no raw HTML tag, link or image, and every table row keeps its columns
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", md, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript:", md, StringComparison.Ordinal);
        Assert.DoesNotMatch(LinkOrImage(), md);
        Assert.Contains("\\[x\\]\\(javascript:alert(1))", md, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", md, StringComparison.Ordinal);
        foreach (string row in md.Split('\n').Where(l => l.StartsWith('|')))
        {
            int columns = Regex.Count(row, @"(?<!\\)\|") - 1;
            Assert.True(columns is 4 or 6, row);
        }
        AssertNoControls(md);
    }

    [Fact]
    public void Should_embed_names_in_the_HTML_page_without_controls_or_bidi_overrides()
    {
        // Given
        ReuseReport report = Report();
        // When
        string html = HtmlReportWriter.ToHtml(report);
        // Then the page holds no raw control or bidi override (the data is display-safe), no tag from the input, and its names are isolated
        AssertNoControls(html);
        Assert.DoesNotContain("\\u202E", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u001B", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("unicode-bidi:isolate", html, StringComparison.Ordinal);
        Assert.Contains("abc\uFFFDtxt.exe", html, StringComparison.Ordinal);
    }

    /// <summary>A link or image: a <c>](</c> whose bracket is not escaped.</summary>
    [GeneratedRegex(@"(?<!\\)\]\(")]
    private static partial Regex LinkOrImage();

    /// <summary>RFC 4180 parsing: quoted fields, doubled quotes, CRLF row ends.</summary>
    internal static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(c);
        }
        return rows;
    }
}
