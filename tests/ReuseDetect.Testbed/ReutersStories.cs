using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ReuseDetect.Testbed;

/// <summary>A prose news story from Reuters-21578: its headline, dateline city, categories and paragraphs.</summary>
sealed record ReutersStory(int NewId, string Title, string City, IReadOnlyList<string> Topics, IReadOnlyList<string> Places, IReadOnlyList<string> Paragraphs)
{
    public int Words => Paragraphs.Sum(p => TextTools.WordCount(p));
}

/// <summary>
/// Reads the prose stories of Reuters-21578 (<c>reut2-*.sgm</c>, Latin-1): each record with a title, a dateline and a
/// body of 120 to 700 words in at least three paragraphs, without the tables and earnings templates that make up much
/// of the collection. The body's "Reuter" sign-off is dropped and its paragraphs are rebuilt: the wire broke lines every
/// ~70 characters and indented the first line of each paragraph.
/// </summary>
static partial class ReutersStories
{
    [GeneratedRegex(@"<(TOPICS|PLACES)>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex CategoryRegex();

    [GeneratedRegex(@"<D>(.*?)</D>")]
    private static partial Regex ItemRegex();

    [GeneratedRegex(@"&#\d+;")]
    private static partial Regex ControlRegex();

    /// <summary>A ticker or company tag, "&lt;AH&gt;" or "&lt;TSBA.T&gt;", dropped from headlines (bodies keep the name without brackets).</summary>
    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex TickerRegex();


    /// <summary>Tokens of the earnings and statistics templates ("Shr 12 cts vs 10 cts", "Qtr", "Revs").</summary>
    static readonly HashSet<string> s_templateTokens = new(StringComparer.Ordinal)
    {
        "Shr", "Shrs", "Qtr", "vs", "Vs", "Cts", "cts", "Revs", "Mths", "mths", "Oper", "Avg", "Blah", "blah", "NOTE",
    };

    public const int MinWords = 120, MaxWords = 700, MinParagraphs = 3;

    /// <summary>Every prose story of the collection in <paramref name="dir"/>, in file and record order.</summary>
    public static List<ReutersStory> Read(string dir)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"Reuters-21578 folder not found: {dir}");
        string[] files = [.. Directory.GetFiles(dir, "reut2-*.sgm").Order(StringComparer.Ordinal)];
        if (files.Length == 0) throw new FileNotFoundException($"no reut2-*.sgm file in {dir}");
        var stories = new List<ReutersStory>();
        foreach (string file in files)
        {
            string sgml = File.ReadAllText(file, Encoding.Latin1);
            for (int at = sgml.IndexOf("<REUTERS ", StringComparison.Ordinal); at >= 0; at = sgml.IndexOf("<REUTERS ", at + 1, StringComparison.Ordinal))
            {
                int end = sgml.IndexOf("</REUTERS>", at, StringComparison.Ordinal);
                if (end < 0) break;
                string record = sgml[at..end];
                if (Element(record, "BODY") is null || Attribute(record, "NEWID") is not { } id) continue;
                if (Parse(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), record) is { } story) stories.Add(story);
            }
        }
        return stories;
    }

    /// <summary>The content of the first <c>&lt;name&gt;…&lt;/name&gt;</c> of a record, or null.</summary>
    static string? Element(string record, string name)
    {
        int open = record.IndexOf("<" + name + ">", StringComparison.Ordinal);
        if (open < 0) return null;
        open += name.Length + 2;
        int close = record.IndexOf("</" + name + ">", open, StringComparison.Ordinal);
        return close < 0 ? null : record[open..close];
    }

    /// <summary>The value of an attribute of the record's opening tag, or null.</summary>
    static string? Attribute(string record, string name)
    {
        int tagEnd = record.IndexOf('>', StringComparison.Ordinal);
        int at = record.IndexOf(" " + name + "=\"", 0, tagEnd, StringComparison.Ordinal);
        if (at < 0) return null;
        at += name.Length + 3;
        int end = record.IndexOf('"', at);
        return end < 0 ? null : record[at..end];
    }

    static ReutersStory? Parse(int newId, string record)
    {
        if (Element(record, "TITLE") is not { } title || Element(record, "DATELINE") is not { } dateline || Element(record, "BODY") is not { } body) return null;
        // 120 to 700 words take 600 to 6,000 characters: most records are ruled out before any text work.
        if (body.Length is < 600 or > 6000) return null;
        string city = Decode(dateline).Split(',')[0].Trim();
        if (city.Length is < 2 or > 24 || !city.All(c => char.IsAsciiLetterUpper(c) || c is ' ' or '.' or '-')) return null;
        List<string>? paragraphs = Paragraphs(body);
        if (paragraphs is null || paragraphs.Count < MinParagraphs) return null;
        string headline = TextTools.CollapseSpaces(TickerRegex().Replace(Decode(title), " ")).Trim();
        if (headline.Length < 10) return null;
        var story = new ReutersStory(newId, TitleCase(headline), city, Items(record, "TOPICS"), Items(record, "PLACES"), paragraphs);
        return story.Words is >= MinWords and <= MaxWords && IsProse(paragraphs) ? story : null;
    }

    static List<string> Items(string record, string category)
    {
        foreach (Match m in CategoryRegex().Matches(record))
            if (m.Groups[1].Value == category) return [.. ItemRegex().Matches(m.Groups[2].Value).Select(i => i.Groups[1].Value)];
        return [];
    }

    static string Decode(string s) => WebUtility.HtmlDecode(ControlRegex().Replace(s, " "));

    /// <summary>The body's paragraphs, or null when a line looks like a table (runs of spaces inside it).</summary>
    static List<string>? Paragraphs(string rawBody)
    {
        string body = Decode(rawBody).Replace("\r", "", StringComparison.Ordinal).Replace("<", "", StringComparison.Ordinal)
            .Replace(">", "", StringComparison.Ordinal).TrimEnd();
        if (body.EndsWith("Reuter", StringComparison.OrdinalIgnoreCase)) body = body[..^"Reuter".Length].TrimEnd();
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (string line in body.Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            if (line.Trim().Contains("   ", StringComparison.Ordinal)) return null;
            if (char.IsWhiteSpace(line[0]) && current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(TextTools.CollapseSpaces(line.Trim()));
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());
        return paragraphs;
    }

    /// <summary>Prose: few number tokens, no template tokens, mostly lower-case letters, sentences that end.</summary>
    static bool IsProse(List<string> paragraphs)
    {
        int tokens = 0, digits = 0, letters = 0, lower = 0;
        foreach (string p in paragraphs)
        {
            if (!p.EndsWith('.') && !p.EndsWith('"') && !p.EndsWith('\'')) return false;
            foreach (string t in p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                tokens++;
                if (t.Any(char.IsAsciiDigit)) digits++;
                if (s_templateTokens.Contains(t.Trim('.', ',', ':', ';'))) return false;
            }
            foreach (char c in p)
            {
                if (!char.IsAsciiLetter(c)) continue;
                letters++;
                if (char.IsAsciiLetterLower(c)) lower++;
            }
        }
        return digits * 100 <= tokens * 6 && lower * 10 >= letters * 7;
    }

    static readonly HashSet<string> s_small = new(StringComparer.Ordinal) { "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "vs" };

    /// <summary>"RED LION INNS FILES PLANS OFFERING" → "Red Lion Inns Files Plans Offering" (short all-capital acronyms kept).</summary>
    internal static string TitleCase(string upper)
    {
        string[] words = TextTools.CollapseSpaces(upper.Trim()).Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            if (w.Contains('.') || (w.Length <= 4 && w.All(char.IsAsciiLetterUpper) && !s_small.Contains(w.ToLowerInvariant()) && !IsWord(w))) continue;
            string lower = w.ToLowerInvariant();
            words[i] = i > 0 && s_small.Contains(lower) ? lower : char.ToUpperInvariant(lower[0]) + lower[1..];
        }
        return string.Join(' ', words);
    }

    // Four-letter capitals that are ordinary words rather than acronyms.
    static bool IsWord(string w) => w.Length >= 3 && w.Any(c => c is 'A' or 'E' or 'I' or 'O' or 'U') && w is not ("OPEC" or "GATT" or "NATO" or "USDA" or "FAO" or "ICO" or "EEC");
}
