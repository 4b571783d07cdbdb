namespace ReuseDetect.Testbed;

/// <summary>
/// Sentences an editor adds (a line of commentary, an extra fact): short real news sentences (8 to 18 words) from Reuters stories that the
/// ecosystem does not use, each handed out once. A made-up grammar of commentary would repeat its phrases across
/// unrelated documents and plant reuse nobody meant; these share no run of <see cref="StorySelection.RunWords"/>
/// words with the base stories or with one another.
/// </summary>
sealed class SentencePool
{
    readonly IReadOnlyList<ReutersStory> _candidates;
    readonly List<int> _order;
    readonly HashSet<string> _runs;
    readonly Queue<string> _ready = new();
    int _next;

    public SentencePool(IReadOnlyList<ReutersStory> candidates, IReadOnlyCollection<ReutersStory> used, Rng rng)
    {
        _candidates = candidates;
        var usedIds = used.Select(s => s.NewId).ToHashSet();
        _order = [.. Enumerable.Range(0, candidates.Count).Where(i => !usedIds.Contains(candidates[i].NewId))];
        rng.Shuffle(_order);
        _runs = new HashSet<string>(used.SelectMany(s => TextTools.Grams(TextTools.Words(string.Join(' ', s.Paragraphs)), StorySelection.RunWords)), StringComparer.Ordinal);
    }

    /// <summary>The next unused sentence.</summary>
    public string Next()
    {
        while (_ready.Count == 0)
        {
            if (_next >= _order.Count) throw new InvalidOperationException("the Reuters collection has no more unused sentences for edits");
            foreach (string paragraph in _candidates[_order[_next++]].Paragraphs.Skip(1))
                foreach (string sentence in TextTools.Sentences(paragraph))
                    if (Fits(sentence)) _ready.Enqueue(sentence);
        }
        return _ready.Dequeue();
    }

    bool Fits(string sentence)
    {
        List<Word> words = TextTools.Words(sentence);
        if (words.Count is < 8 or > 18 || !sentence.EndsWith('.') || !char.IsAsciiLetterUpper(sentence[0])) return false;
        if (words.Count(w => w.Text.Any(char.IsAsciiDigit)) > 2) return false;
        List<string> grams = [.. TextTools.Grams(words, StorySelection.RunWords)];
        if (grams.Any(_runs.Contains)) return false;
        _runs.UnionWith(grams);
        return true;
    }
}
