namespace ReuseDetect.Testbed;

/// <summary>
/// The edits an outlet makes to a story it reposts. <b>Light</b>: 1-3 % of the words replaced by synonyms and one
/// sentence dropped or added. <b>Heavy</b>: 15-30 % of the words substituted, inserted or deleted, sentences reordered
/// within paragraphs, a sentence of commentary added to each paragraph and some sentences dropped: still plainly the
/// same text to a reader. Added sentences come from a <see cref="SentencePool"/>. Paragraph boundaries are kept, so a repost's paragraphs map one to one onto its parent's.
/// </summary>
sealed class TextEdits(SentencePool pool)
{
    static readonly Dictionary<string, string[]> s_synonyms = new(StringComparer.Ordinal)
    {
        ["said"] = ["stated", "noted", "added", "told reporters"],
        ["says"] = ["states", "notes"],
        ["company"] = ["firm", "group"],
        ["increase"] = ["rise", "gain"],
        ["increased"] = ["rose", "climbed"],
        ["rose"] = ["climbed", "increased"],
        ["fell"] = ["dropped", "declined"],
        ["decline"] = ["drop", "fall"],
        ["expected"] = ["forecast", "anticipated"],
        ["major"] = ["leading", "key"],
        ["big"] = ["large", "major"],
        ["large"] = ["big", "sizeable"],
        ["government"] = ["administration", "authorities"],
        ["officials"] = ["authorities", "representatives"],
        ["agreement"] = ["deal", "accord"],
        ["plan"] = ["proposal", "scheme"],
        ["plans"] = ["intends", "aims"],
        ["announced"] = ["disclosed", "unveiled"],
        ["reported"] = ["disclosed", "posted"],
        ["market"] = ["sector", "marketplace"],
        ["prices"] = ["rates", "costs"],
        ["price"] = ["cost", "rate"],
        ["also"] = ["additionally", "further"],
        ["about"] = ["around", "roughly"],
        ["more"] = ["further", "additional"],
        ["help"] = ["assist", "support"],
        ["buy"] = ["purchase", "acquire"],
        ["bought"] = ["purchased", "acquired"],
        ["sell"] = ["offload", "dispose of"],
        ["sold"] = ["offloaded", "disposed of"],
        ["talks"] = ["negotiations", "discussions"],
        ["meeting"] = ["session", "gathering"],
        ["show"] = ["indicate", "suggest"],
        ["showed"] = ["indicated", "suggested"],
        ["added"] = ["continued", "went on"],
        ["because"] = ["since", "as"],
        ["however"] = ["but", "nevertheless"],
        ["since"] = ["from", "after"],
        ["would"] = ["will", "could"],
        ["could"] = ["might", "may"],
        ["may"] = ["might", "could"],
        ["new"] = ["fresh", "latest"],
        ["recent"] = ["latest", "current"],
        ["sharp"] = ["steep", "marked"],
        ["strong"] = ["robust", "solid"],
        ["weak"] = ["soft", "feeble"],
        ["country"] = ["nation", "state"],
        ["countries"] = ["nations", "states"],
        ["firm"] = ["company", "business"],
        ["shares"] = ["stock", "equity"],
        ["profit"] = ["earnings", "income"],
        ["loss"] = ["deficit", "shortfall"],
        ["rate"] = ["level", "pace"],
        ["begin"] = ["start", "commence"],
        ["began"] = ["started", "commenced"],
        ["end"] = ["close", "finish"],
        ["ended"] = ["closed", "finished"],
        ["told"] = ["informed", "advised"],
        ["statement"] = ["release", "announcement"],
        ["sources"] = ["people familiar with the matter", "insiders"],
        ["week"] = ["seven days"],
        ["important"] = ["significant", "crucial"],
        ["likely"] = ["probably", "set"],
        ["total"] = ["overall", "combined"],
    };

    static readonly string[] s_fillers = ["also", "reportedly", "now", "further", "notably", "meanwhile", "still", "indeed", "officially", "currently"];

    /// <summary>A sentence of commentary or an added fact: a real sentence used nowhere else in the ecosystem.</summary>
    string Added() => pool.Next();

    /// <summary>Light edit of a run of paragraphs: a few synonyms, one sentence dropped or one added.</summary>
    public List<string> Light(IReadOnlyList<string> paragraphs, Rng rng)
    {
        var result = paragraphs.Select(TextTools.Sentences).ToList();
        int words = paragraphs.Sum(TextTools.WordCount);
        int substitutions = Math.Max(1, (int)Math.Round(words * rng.Between(0.01, 0.03)));
        for (int i = 0; i < substitutions; i++)
        {
            int p = rng.Next(result.Count), s = rng.Next(result[p].Count);
            result[p][s] = SubstituteOne(result[p][s], rng);
        }
        var multi = Enumerable.Range(0, result.Count).Where(p => result[p].Count >= 2).ToList();
        if (multi.Count > 0 && rng.Chance(0.5))
        {
            int p = rng.Pick(multi);
            result[p].RemoveAt(1 + rng.Next(result[p].Count - 1));
        }
        else
        {
            int p = rng.Next(result.Count);
            result[p].Add(Added());
        }
        return result.ConvertAll(s => string.Join(' ', s));
    }

    /// <summary>Heavy edit of a run of paragraphs.</summary>
    public List<string> Heavy(IReadOnlyList<string> paragraphs, Rng rng)
    {
        double rate = rng.Between(0.15, 0.30);
        var result = new List<string>();
        foreach (string paragraph in paragraphs)
        {
            List<string> sentences = TextTools.Sentences(paragraph);
            // Drop some sentences, never all of them.
            for (int s = sentences.Count - 1; s >= 0 && sentences.Count > 1; s--)
                if (rng.Chance(0.15)) sentences.RemoveAt(s);
            if (sentences.Count >= 2 && rng.Chance(0.6))
            {
                int s = rng.Next(sentences.Count - 1);
                (sentences[s], sentences[s + 1]) = (sentences[s + 1], sentences[s]);
            }
            for (int s = 0; s < sentences.Count; s++) sentences[s] = Obfuscate(sentences[s], rate, rng);
            if (rng.Chance(0.5)) sentences.Add(Added());
            else sentences.Insert(rng.Next(sentences.Count + 1), Added());
            result.Add(string.Join(' ', sentences));
        }
        return result;
    }

    /// <summary>Substitutes, inserts or deletes about <paramref name="rate"/> of the words of a sentence (its first word stays).</summary>
    static string Obfuscate(string sentence, double rate, Rng rng)
    {
        List<string> words = [.. sentence.Split(' ')];
        var output = new List<string> { words[0] };
        for (int i = 1; i < words.Count; i++)
        {
            string w = words[i];
            if (!rng.Chance(rate))
            {
                output.Add(w);
                continue;
            }
            double op = rng.NextDouble();
            if (op < 0.5)
            {
                if (SynonymOf(w, rng) is { } synonym)
                {
                    output.Add(synonym);
                    continue;
                }
                op = rng.Between(0.5, 1.0); // no synonym: insert or delete instead
            }
            if (op < 0.75)
            {
                output.Add(rng.Pick(s_fillers));
                output.Add(w);
            }
            else if (!IsBare(w) || i == words.Count - 1) output.Add(w); // else deleted
        }
        return string.Join(' ', output);
    }

    /// <summary>A word without punctuation or digits, safe to delete.</summary>
    static bool IsBare(string w) => w.All(char.IsAsciiLetter);

    /// <summary>Replaces one synonym-bearing word of the sentence (not its first).</summary>
    static string SubstituteOne(string sentence, Rng rng)
    {
        string[] words = sentence.Split(' ');
        var eligible = Enumerable.Range(1, Math.Max(0, words.Length - 1)).Where(i => Core(words[i]) is { } c && s_synonyms.ContainsKey(c.ToLowerInvariant())).ToList();
        if (eligible.Count == 0) return sentence;
        int at = rng.Pick(eligible);
        words[at] = SynonymOf(words[at], rng)!;
        return string.Join(' ', words);
    }

    /// <summary>The word without leading and trailing punctuation; null when nothing is left.</summary>
    static string? Core(string word)
    {
        int start = 0, end = word.Length;
        while (start < end && !char.IsLetter(word[start])) start++;
        while (end > start && !char.IsLetter(word[end - 1])) end--;
        return end > start ? word[start..end] : null;
    }

    /// <summary>A synonym of the word, keeping its punctuation and capital; null when the table has none.</summary>
    static string? SynonymOf(string word, Rng rng)
    {
        int start = 0, end = word.Length;
        while (start < end && !char.IsLetter(word[start])) start++;
        while (end > start && !char.IsLetter(word[end - 1])) end--;
        if (end <= start) return null;
        string core = word[start..end];
        if (!s_synonyms.TryGetValue(core.ToLowerInvariant(), out string[]? options)) return null;
        string pick = rng.Pick(options);
        if (char.IsUpper(core[0])) pick = char.ToUpperInvariant(pick[0]) + pick[1..];
        return word[..start] + pick + word[end..];
    }

    /// <summary>A new headline for a repost: the same story, other words.</summary>
    public static string Headline(string title, Rng rng)
    {
        string sentence = title.Length == 0 ? title : title[0] + title[1..].ToLowerInvariant();
        return rng.Next(5) switch
        {
            0 => "Report: " + sentence,
            1 => sentence + ", sources say",
            2 => "What we know: " + sentence,
            3 => sentence + " (update)",
            _ => "In brief: " + title,
        };
    }
}
