namespace ReuseDetect.Testbed;

/// <summary>
/// Generates a syndicated-news corpus from Reuters-21578 stories with its ground truth: <c>outDir/corpus/</c> (the
/// folder to scan) and <c>outDir/truth.json</c> (outside it, since a scan reads every .json in the folder). The same
/// options give byte-identical files. <c>tests/ReuseDetect.Testbed/README.md</c> describes the ecosystem it builds.
/// </summary>
public static class NewsEcosystem
{
    /// <summary>The corpus folder inside an output folder.</summary>
    public static string CorpusDir(string outDir) => Path.Combine(outDir, "corpus");

    /// <summary>The ground truth inside an output folder.</summary>
    public static string TruthPath(string outDir) => Path.Combine(outDir, "truth.json");

    static readonly Lock s_gate = new();
    static readonly Dictionary<string, List<ReutersStory>> s_stories = new(StringComparer.Ordinal);

    /// <summary>
    /// Generates into <paramref name="outDir"/>. A previous ecosystem there (its corpus and truth.json) is replaced; a
    /// folder holding a corpus/ without truth.json is refused, so nothing that the testbed did not write is deleted.
    /// </summary>
    public static EcosystemTruth Generate(string reutersDir, string outDir, EcosystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(reutersDir);
        ArgumentNullException.ThrowIfNull(outDir);
        if (options.Stories is < 2 or > 5000) throw new ArgumentOutOfRangeException(nameof(options), options.Stories, "stories must be between 2 and 5000");
        List<ReutersStory> candidates = Candidates(reutersDir);
        var rng = new Rng(0x7E57BEDUL ^ ((ulong)(uint)options.Seed << 20));
        StorySelection.Selection selection = StorySelection.Select(candidates, options.Stories, rng.Fork(1));
        var stories = selection.Stories.Select((s, i) => new StoryPlan(i, s, [.. s.Paragraphs])).ToList();
        List<TruthNegative> negatives = Negatives.Plant(stories, selection.SameTopic, rng.Fork(2));
        new Planner(rng.Fork(3), new TextEdits(new SentencePool(candidates, selection.Stories, rng.Fork(4)))).Plan(stories);
        List<Page> pages = [.. stories.SelectMany(s => s.Pages)];
        Layout.Assign(pages, options.Dates);
        Dictionary<Page, List<string>> teasers = Layout.Teasers(pages);

        Prepare(outDir);
        var writer = new PageWriter(CorpusDir(outDir));
        var furniture = new Dictionary<Page, List<TruthFurniture>>();
        foreach (Page page in pages.OrderBy(p => p.Id, StringComparer.Ordinal))
            furniture[page] = writer.Write(page, teasers.TryGetValue(page, out var t) ? t : []);
        writer.Flush();
        EcosystemTruth truth = TruthBuilder.Build(options, stories, furniture, negatives);
        File.WriteAllText(TruthPath(outDir), truth.ToJson(), new System.Text.UTF8Encoding(false));
        return truth;
    }

    /// <summary>The prose stories of the collection, read once per process.</summary>
    internal static List<ReutersStory> Candidates(string reutersDir)
    {
        string key = Path.GetFullPath(reutersDir);
        lock (s_gate)
        {
            if (!s_stories.TryGetValue(key, out List<ReutersStory>? stories)) s_stories[key] = stories = ReutersStories.Read(key);
            return stories;
        }
    }

    static void Prepare(string outDir)
    {
        string corpus = CorpusDir(outDir);
        if (Directory.Exists(corpus))
        {
            if (!File.Exists(TruthPath(outDir)))
                throw new IOException($"{corpus} exists but {TruthPath(outDir)} does not: not a testbed folder, so it is left alone");
            Directory.Delete(corpus, recursive: true);
        }
        Directory.CreateDirectory(corpus);
    }
}
