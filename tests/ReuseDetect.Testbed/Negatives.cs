namespace ReuseDetect.Testbed;

/// <summary>
/// Plants the hard negatives into the base stories before anyone reposts them: stock sentences that many unrelated
/// stories print (each in four stories), short quotes printed by two stories, and records the same-topic pairs the
/// selection drew. None of them is reuse a detector should report between those stories.
/// </summary>
static class Negatives
{
    static readonly string[] s_commonPhrases =
    [
        "The company declined to comment on the matter when contacted by telephone.",
        "Officials said further details would be released in the coming days.",
        "The announcement was made at a news conference in the capital.",
        "Analysts had widely expected the move, according to market sources.",
        "No other details of the agreement were immediately available.",
    ];

    static readonly string[] s_quotes =
    [
        "\"We will not accept any deal that hurts our farmers,\" the minister said.",
        "\"This is a very difficult time for the whole industry,\" he said.",
        "\"The market has clearly overreacted,\" one trader said.",
    ];

    public static List<TruthNegative> Plant(IReadOnlyList<StoryPlan> stories, IEnumerable<(int A, int B)> sameTopic, Rng rng)
    {
        var negatives = new List<TruthNegative>();
        foreach (string phrase in s_commonPhrases) negatives.Add(Insert("common-phrase", phrase, 4, stories, rng));
        foreach (string quote in s_quotes) negatives.Add(Insert("short-quote", quote, 2, stories, rng));
        foreach (var (a, b) in sameTopic)
            negatives.Add(new TruthNegative("same-topic", $"{stories[a].Source.Topics[0]} / {string.Join(',', stories[a].Source.Places)}", [stories[a].Id, stories[b].Id]));
        return negatives;
    }

    static TruthNegative Insert(string kind, string sentence, int count, IReadOnlyList<StoryPlan> stories, Rng rng)
    {
        var order = Enumerable.Range(0, stories.Count).ToList();
        rng.Shuffle(order);
        var chosen = order.Take(Math.Min(count, stories.Count)).Order().ToList();
        foreach (int i in chosen)
        {
            List<string> paragraphs = stories[i].Paragraphs;
            int p = 1 + rng.Next(paragraphs.Count - 1); // never the lead paragraph
            paragraphs[p] = paragraphs[p] + " " + sentence;
        }
        return new TruthNegative(kind, sentence, [.. chosen.Select(i => stories[i].Id)]);
    }
}
