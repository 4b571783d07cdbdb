using ReuseDetect.Ingestion;

namespace ReuseDetect.Testbed;

/// <summary>
/// Scores a scan's <c>report.json</c> against a generated ecosystem's ground truth. Each document is read exactly as
/// the scan reads it (the engine's <see cref="FolderSource"/>), so report offsets and located truth index the same
/// text for every format; planted text is found ignoring white space.
/// </summary>
public static partial class TestbedScorer
{
    /// <summary>Scores <paramref name="reportJsonPath"/> against the ecosystem in <paramref name="outDir"/>.</summary>
    public static TestbedScore Score(string outDir, string reportJsonPath)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        EcosystemTruth truth = ReadTruth(outDir);
        IReadOnlyDictionary<string, string> texts = ReadCorpus(NewsEcosystem.CorpusDir(outDir));
        return Score(LocatedTruth.Build(truth, texts), ReportClusters.Read(reportJsonPath));
    }

    /// <summary>The ground truth of <paramref name="outDir"/>, or a <see cref="FileNotFoundException"/> that says what to do.</summary>
    public static EcosystemTruth ReadTruth(string outDir)
    {
        string path = NewsEcosystem.TruthPath(outDir);
        if (!File.Exists(path)) throw new FileNotFoundException($"no ground truth at {path}: generate the ecosystem first", path);
        return EcosystemTruth.Read(path);
    }

    /// <summary>Every document of the corpus by id, its text as the scan reads it.</summary>
    public static IReadOnlyDictionary<string, string> ReadCorpus(string corpusDir)
    {
        var source = new FolderSource(corpusDir, new IngestOptions());
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SourceFile file in source.List().Files)
            foreach (LoadedDocument d in source.LoadAll(file).Documents)
                texts[d.Id] = d.Text;
        return texts;
    }

    internal static TestbedScore Score(LocatedTruth located, IReadOnlyList<ReportedCluster> clusters)
    {
        var passages = clusters.Where(c => c.IsPassage).ToList();
        var examples = new Examples();
        var best = passages.Select(c => BestStory(located, c)).ToList();
        var (plagdet, whole) = PlagDet(located, passages, examples);
        var (origin, byEvidence, source) = Origins(located, passages, examples);
        return new TestbedScore
        {
            Dates = located.Truth.Dates,
            Documents = located.Truth.Documents.Count,
            Stories = located.Truth.Stories.Count,
            Clusters = clusters.Count,
            PassageClusters = passages.Count,
            PlagDet = plagdet,
            PlagDetWholeMembers = whole,
            Origin = origin,
            OriginByEvidence = byEvidence,
            Source = source,
            Credited = Credited(located, passages, best, examples),
            BoilerplateMembers = Boilerplate(located, passages, examples, out long chars),
            BoilerplateChars = chars,
            FalseClusters = FalseClusters(located, passages, examples),
            NestedStories = Nested(located, passages, examples, out int inClusters),
            StoriesInClusters = inClusters,
            MemberPrecision = MemberPrecision(located, passages),
            FurniturePlanted = located.FurniturePlanted,
            FurnitureInText = located.FurnitureFound,
            Missing = located.Missing,
            Examples = examples.All,
        };
    }

    /// <summary>Characters of the cluster's members inside <paramref name="story"/>'s blocks.</summary>
    static long Overlap(LocatedTruth located, ReportedCluster c, string story) =>
        c.Members.Sum(m => located.BlockOf(story, m.Id) is { } b ? (long)b.Intersect(m.Range).Length : 0);

    /// <summary>The story whose planted text the cluster covers most, or null when it covers none.</summary>
    static TruthStory? BestStory(LocatedTruth located, ReportedCluster c)
    {
        TruthStory? best = null;
        long most = 0;
        foreach (TruthStory s in c.Members.SelectMany(m => located.BlocksByDocument.GetValueOrDefault(m.Id) ?? []).Select(b => b.Story).Distinct())
        {
            long overlap = Overlap(located, c, s.Id);
            if (overlap > most) (best, most) = (s, overlap);
        }
        return best;
    }

    /// <summary>Collects up to a few examples of each kind of error.</summary>
    sealed class Examples
    {
        const int PerKind = 6;
        readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public List<string> All { get; } = [];

        public void Add(string kind, string text)
        {
            int n = _counts.GetValueOrDefault(kind);
            _counts[kind] = n + 1;
            if (n < PerKind) All.Add($"{kind}: {text}");
        }
    }
}
