using System.Text;
using System.Text.RegularExpressions;

namespace ReuseDetect.Testbed;

/// <summary>A word of a text: its lower-cased letters and digits and where it stands, <c>[Start, End)</c>.</summary>
readonly record struct Word(string Text, int Start, int End);

/// <summary>Small text helpers shared by the generator and the scorer.</summary>
static partial class TextTools
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static string CollapseSpaces(string s) => Spaces().Replace(s, " ");

    public static int WordCount(string s) => Words(s).Count;

    /// <summary>Runs of letters and digits, lower-cased, with their offsets.</summary>
    public static List<Word> Words(string s, int start = 0, int end = -1)
    {
        if (end < 0) end = s.Length;
        var words = new List<Word>();
        int i = start;
        while (i < end)
        {
            while (i < end && !char.IsLetterOrDigit(s[i])) i++;
            int from = i;
            while (i < end && char.IsLetterOrDigit(s[i])) i++;
            if (i > from) words.Add(new Word(s[from..i].ToLowerInvariant(), from, i));
        }
        return words;
    }

    /// <summary>The hashes of every run of <paramref name="n"/> words (word texts joined by a space).</summary>
    public static IEnumerable<string> Grams(IReadOnlyList<Word> words, int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i + n <= words.Count; i++)
        {
            sb.Clear();
            for (int k = 0; k < n; k++) sb.Append(words[i + k].Text).Append(' ');
            yield return sb.ToString();
        }
    }

    static readonly HashSet<string> s_abbreviations = new(StringComparer.Ordinal)
    {
        "U.S.", "U.K.", "U.N.", "Inc.", "Corp.", "Co.", "Ltd.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Jan.", "Feb.", "Aug.",
        "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Bros.", "Jr.", "Sr.", "vs.", "e.g.", "i.e.",
    };

    /// <summary>Splits a paragraph into sentences at ". ", "? ", "! " before a capital or a quote, sparing common abbreviations.</summary>
    public static List<string> Sentences(string paragraph)
    {
        var sentences = new List<string>();
        string[] words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string>();
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            current.Add(w);
            if (i + 1 == words.Length) break;
            string bare = w.Trim('"', '\'', '(', ')');
            bool ends = (bare.EndsWith('.') || bare.EndsWith('?') || bare.EndsWith('!')) && !s_abbreviations.Contains(bare)
                && !(bare.Length == 2 && char.IsAsciiLetterUpper(bare[0])); // an initial: "John F. Kennedy"
            char next = words[i + 1][0];
            if (ends && current.Count >= 3 && (char.IsAsciiLetterUpper(next) || next is '"' or '\''))
            {
                sentences.Add(string.Join(' ', current));
                current.Clear();
            }
        }
        if (current.Count > 0) sentences.Add(string.Join(' ', current));
        return sentences;
    }

    /// <summary>A lower-case, dash-separated slug of the first words of <paramref name="title"/>.</summary>
    public static string Slug(string title, int maxWords = 6) =>
        string.Join('-', Words(title).Take(maxWords).Select(w => w.Text));
}
