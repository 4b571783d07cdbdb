using ReuseDetect.Evaluation;

namespace ReuseDetect.Testbed;

/// <summary>A story's carried block found in one document.</summary>
sealed record LocatedBlock(TruthStory Story, TruthCarrier Carrier, CharRange Range);

/// <summary>
/// A reuse case in PAN's terms: the block a repost R carries against the same block in its parent P (the paragraphs R
/// took, with P's dateline or sign-off only when R kept its own).
/// </summary>
sealed record ReuseCase(string Level, TruthStory Story, string Repost, string Parent, CharRange RepostRange, CharRange ParentRange)
{
    public string Pair => Repost + "\u0001" + Parent;
}

/// <summary>A planted furniture string found in a document.</summary>
sealed record LocatedFurniture(TruthFurniture Furniture, CharRange Range);

/// <summary>The ground truth placed on the texts as read: every block, case and furniture string with its exact range.</summary>
sealed class LocatedTruth
{
    public required EcosystemTruth Truth { get; init; }
    public required IReadOnlyDictionary<string, string> Texts { get; init; }
    public Dictionary<string, List<LocatedBlock>> BlocksByDocument { get; } = new(StringComparer.Ordinal);
    public List<ReuseCase> Cases { get; } = [];
    public Dictionary<string, List<LocatedFurniture>> Furniture { get; } = new(StringComparer.Ordinal);
    /// <summary>Where each document prints its own headline (title line, h1, front matter).</summary>
    public Dictionary<string, List<CharRange>> Titles { get; } = new(StringComparer.Ordinal);
    /// <summary>What could not be found, each as "document: what".</summary>
    public List<string> Missing { get; } = [];
    public int FurniturePlanted { get; private set; }
    public int FurnitureFound { get; private set; }

    public CharRange? BlockOf(string story, string document) =>
        BlocksByDocument.TryGetValue(document, out var blocks) && blocks.FirstOrDefault(b => b.Story.Id == story) is { } b ? b.Range : null;

    /// <summary>
    /// <paramref name="range"/> without a leading headline of its document. A copied headline is reused text, but the
    /// truth's blocks start at the article body, so a passage that begins with the headline has those characters
    /// counted neither for nor against it.
    /// </summary>
    public CharRange WithoutLeadingTitle(string document, CharRange range)
    {
        foreach (CharRange t in Titles.GetValueOrDefault(document) ?? [])
        {
            if (range.Start < t.Start || range.Start >= t.End || t.End >= range.End) continue;
            int start = t.End;
            string text = Texts[document];
            while (start < range.End && char.IsWhiteSpace(text[start])) start++;
            return new CharRange(start, range.End);
        }
        return range;
    }

    public static LocatedTruth Build(EcosystemTruth truth, IReadOnlyDictionary<string, string> texts)
    {
        var located = new LocatedTruth { Truth = truth, Texts = texts };
        var locators = texts.ToDictionary(t => t.Key, t => new TextLocator(t.Value), StringComparer.Ordinal);
        foreach (TruthDocument d in truth.Documents)
        {
            if (!locators.TryGetValue(d.Id, out TextLocator? locator))
            {
                located.Missing.Add($"{d.Id}: document not read from the corpus");
                continue;
            }
            located.Titles[d.Id] = locator.FindAll(d.Title);
            var found = new List<LocatedFurniture>();
            foreach (TruthFurniture f in d.Furniture)
            {
                located.FurniturePlanted++;
                List<CharRange> at = locator.FindAll(f.Text);
                if (at.Count > 0) located.FurnitureFound++;
                // Text formats are read as written; an HTML reader may drop even furniture inside the article (its business).
                else if (f.Where == "text" && d.Format != "html") located.Missing.Add($"{d.Id}: {f.Kind} furniture \"{f.Text}\"");
                found.AddRange(at.Select(r => new LocatedFurniture(f, r)));
            }
            located.Furniture[d.Id] = found;
        }
        foreach (TruthStory s in truth.Stories)
        {
            foreach (TruthCarrier c in s.Carriers)
            {
                if (!locators.TryGetValue(c.Document, out TextLocator? locator)) continue;
                if (locator.Find(c.Block) is { } range)
                {
                    if (!located.BlocksByDocument.TryGetValue(c.Document, out var list)) located.BlocksByDocument[c.Document] = list = [];
                    list.Add(new LocatedBlock(s, c, range));
                }
                else located.Missing.Add($"{c.Document}: block of story {s.Id}");
            }
            foreach (TruthCarrier r in s.Carriers.Where(c => c.Parent is not null))
                located.AddCase(s, r, s.Carriers.First(c => c.Document == r.Parent), locators);
        }
        return located;
    }

    void AddCase(TruthStory story, TruthCarrier repost, TruthCarrier parent, Dictionary<string, TextLocator> locators)
    {
        if (BlockOf(story.Id, repost.Document) is not { } repostRange || BlockOf(story.Id, parent.Document) is not { } parentBlock) return;
        string? dateline = repost.From == 0 && repost.Dateline is not null ? parent.Dateline : null;
        string? signOff = repost.To == parent.Paragraphs.Count && repost.SignOff is not null ? parent.SignOff : null;
        string taken = Blocks.Join(dateline, [.. parent.Paragraphs.Skip(repost.From).Take(repost.To - repost.From)], signOff);
        if (locators[parent.Document].Find(taken, parentBlock) is { } parentRange)
            Cases.Add(new ReuseCase(repost.Edit, story, repost.Document, parent.Document, repostRange, parentRange));
        else Missing.Add($"{parent.Document}: paragraphs {repost.From}..{repost.To} of story {story.Id} taken by {repost.Document}");
    }
}
