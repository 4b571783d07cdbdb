using System.Text;

namespace ReuseDetect.Store.Tests;

/// <summary>
/// A deterministic generator of news-like articles from a synthetic vocabulary, with planted reposts: passages copied
/// from one article into others with light edits, and the ground truth of each plant.
/// </summary>
static class GeneratedCorpus
{
    static readonly string[] s_syllables = ["ka", "lo", "mi", "ran", "te", "vos", "du", "pel", "sir", "ma", "no", "gat", "be", "fu", "zor", "li"];

    static readonly string[] s_words = BuildVocabulary();

    static string[] BuildVocabulary()
    {
        var r = new Random(7);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        while (words.Count < 3000) words.Add(string.Concat(Enumerable.Range(0, r.Next(1, 4)).Select(_ => s_syllables[r.Next(s_syllables.Length)])));
        return [.. words];
    }

    /// <summary>A paragraph shared verbatim by the small fault-test corpora.</summary>
    public static readonly string Shared = Article(new Random(99), 60);

    /// <summary>An article of <paramref name="words"/> words in sentences of 8 to 20 words.</summary>
    public static string Article(Random r, int words)
    {
        var sb = new StringBuilder();
        int sentence = 0;
        for (int i = 0; i < words; i++)
        {
            string w = s_words[r.Next(s_words.Length)];
            if (sentence == 0) w = char.ToUpperInvariant(w[0]) + w[1..];
            sb.Append(w);
            if (++sentence >= 8 + r.Next(13) || i == words - 1)
            {
                sb.Append(". ");
                sentence = 0;
            }
            else sb.Append(' ');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>One planted repost: a passage of <see cref="Source"/> reposted, lightly edited, in <see cref="Target"/>.</summary>
    public sealed record Plant(string Source, string Target);

    /// <summary>Writes <paramref name="count"/> articles under <paramref name="root"/> (outlet folders) with <paramref name="plants"/> reposts.</summary>
    public static List<Plant> Write(string root, int count, int plants, int seed)
    {
        var r = new Random(seed);
        var texts = new string[count];
        for (int i = 0; i < count; i++) texts[i] = Article(r, 150 + r.Next(250));
        var truth = new List<Plant>();
        for (int p = 0; p < plants; p++)
        {
            int s = r.Next(count), t = r.Next(count);
            if (s == t) continue;
            string original = Article(r, 50 + r.Next(40));
            string[] words = original.Split(' ');
            // Light edits: up to two words changed in the copy.
            for (int e = r.Next(3); e > 0; e--) words[5 + r.Next(words.Length - 10)] = s_words[r.Next(s_words.Length)];
            texts[s] += "\n\n" + original;
            texts[t] += "\n\n" + string.Join(' ', words);
            truth.Add(new Plant(Id(s), Id(t)));
        }
        for (int i = 0; i < count; i++)
        {
            string path = Path.Combine(root, Id(i));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, texts[i]);
            File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
        return truth;
    }

    static string Id(int i) => $"outlet{i % 7}/a{i:D5}.txt";
}
