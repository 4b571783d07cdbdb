namespace ReuseDetect.Testbed;

/// <summary>
/// Samples base stories with the seed. No two chosen stories share a run of <see cref="RunWords"/> words (checked on
/// their word sequences), so no reuse exists between base stories except what the generator plants. About a third
/// of the picks bring a partner on the same topic and place (an unrelated story about the same market or company),
/// the hard negatives that a detector must not link.
/// </summary>
static class StorySelection
{
    public const int RunWords = 8;

    public sealed record Selection(List<ReutersStory> Stories, List<(int A, int B)> SameTopic);

    public static Selection Select(IReadOnlyList<ReutersStory> candidates, int count, Rng rng)
    {
        if (candidates.Count < count)
            throw new InvalidOperationException($"only {candidates.Count} prose stories are available; {count} were asked for");
        var order = Enumerable.Range(0, candidates.Count).ToList();
        rng.Shuffle(order);
        var byTopic = candidates.Select((s, i) => (s, i)).Where(x => x.s.Topics.Count > 0)
            .GroupBy(x => (x.s.Topics[0], x.s.Places.Count > 0 ? x.s.Places[0] : ""))
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToList());
        var taken = new HashSet<int>();
        var runs = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<ReutersStory>();
        var pairs = new List<(int, int)>();
        foreach (int i in order)
        {
            if (chosen.Count >= count) break;
            if (!TryTake(candidates, i, taken, runs, chosen)) continue;
            ReutersStory story = candidates[i];
            if (chosen.Count >= count || story.Topics.Count == 0 || !rng.Chance(0.35)) continue;
            var key = (story.Topics[0], story.Places.Count > 0 ? story.Places[0] : "");
            List<int> mates = [.. byTopic[key].Where(j => !taken.Contains(j))];
            rng.Shuffle(mates);
            foreach (int j in mates.Take(20))
            {
                if (!TryTake(candidates, j, taken, runs, chosen)) continue;
                pairs.Add((chosen.Count - 2, chosen.Count - 1));
                break;
            }
        }
        if (chosen.Count < count)
            throw new InvalidOperationException($"only {chosen.Count} stories without shared {RunWords}-word runs were found; {count} were asked for");
        return new Selection(chosen, pairs);
    }

    static bool TryTake(IReadOnlyList<ReutersStory> candidates, int i, HashSet<int> taken, HashSet<string> runs, List<ReutersStory> chosen)
    {
        if (taken.Contains(i)) return false;
        List<string> grams = [.. TextTools.Grams(TextTools.Words(string.Join(' ', candidates[i].Paragraphs)), RunWords)];
        taken.Add(i);
        if (grams.Any(runs.Contains)) return false;
        runs.UnionWith(grams);
        chosen.Add(candidates[i]);
        return true;
    }
}
