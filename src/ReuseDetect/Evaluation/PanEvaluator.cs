using System.Collections.Concurrent;
using ReuseDetect.Alignment;
using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Evaluation;

/// <summary>Result of one category: the score and the counts behind it.</summary>
public sealed record PanCategoryResult(string Category, int Pairs, PanScore Score, int FalseDetections, long FalseDetectionChars);

/// <summary>
/// Runs the passage aligner on PAN pairs (suspicious = A, source = B) and scores the detections per category. As in a
/// scan, the aligner knows what the corpus knows: the stock phrases and common words of all the corpus's documents
/// (<see cref="BoilerplateModel"/>), learned once over <c>src/</c> and <c>susp/</c> when the evaluator is made.
/// </summary>
public sealed class PanEvaluator
{
    const int Shingle = 5, Window = 6;

    readonly PanCorpus _corpus;
    readonly PassageAligner _aligner;
    readonly Lazy<BoilerplateModel> _model;
    readonly ConcurrentDictionary<string, SeedGrams> _prepared = new(StringComparer.Ordinal);

    /// <summary>Creates an evaluator over <paramref name="corpus"/>.</summary>
    public PanEvaluator(PanCorpus corpus, AlignmentOptions options)
    {
        _corpus = corpus;
        _aligner = new PassageAligner(options);
        _model = new(() => Learn(corpus));
    }

    /// <summary>The corpus's stock phrases and common words, learned from every document of <c>src/</c> and <c>susp/</c>.</summary>
    static BoilerplateModel Learn(PanCorpus corpus)
    {
        string[] paths = corpus.Documents();
        var features = new (string Group, Fingerprint[] Fingerprints, ulong[] Lines, ulong[] Words)[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            string text = File.ReadAllText(paths[i], System.Text.Encoding.UTF8);
            TokenizedText tokens = Tokenizer.Tokenize(text);
            ulong[] stems = WordStems.Of(tokens, text);
            Fingerprint[] fingerprints = tokens.Count >= Shingle ? Winnower.Select(Shingler.Hash(tokens.TokenHashes, Shingle), Window) : [];
            features[i] = (SourceGroups.Key(Path.GetFileName(Path.GetDirectoryName(paths[i]))! + "/" + Path.GetFileName(paths[i]), new DocumentMetadata()),
                fingerprints, LineHashes.Distinct(tokens, text), ContentShingles.Words(tokens, stems));
        });
        return new BoilerplateLearner(3).Learn([.. features.Select(f => f.Group)], [.. features.Select(f => f.Fingerprints)],
            [.. features.Select(f => f.Lines)], [.. features.Select(f => f.Words)]);
    }

    /// <summary>Detects passages in one pair, as character ranges.</summary>
    internal List<PanPassage> Detect(PanPair pair)
    {
        string susp = _corpus.ReadSuspicious(pair), src = _corpus.ReadSource(pair);
        TokenizedText a = Tokenizer.Tokenize(susp), b = Tokenizer.Tokenize(src);
        return Detect(pair.Key, susp, a, Prepare("susp/" + pair.Suspicious, a, susp), src, b, Prepare("src/" + pair.Source, b, src));
    }

    SeedGrams Prepare(string id, TokenizedText tokens, string text) => _prepared.GetOrAdd(id, _ =>
    {
        Fingerprint[] fingerprints = tokens.Count >= Shingle ? Winnower.Select(Shingler.Hash(tokens.TokenHashes, Shingle), Window) : [];
        byte[]? marks = PageFurniture.Marks(tokens, text, fingerprints, SourceGroups.Key(id, new DocumentMetadata()), _model.Value, Shingle);
        return _aligner.Prepare(tokens, text, marks);
    });

    /// <summary>Detects passages between two texts with <paramref name="aligner"/> (no corpus around them).</summary>
    internal static List<PanPassage> Detect(string key, string suspicious, string source, PassageAligner aligner)
    {
        ArgumentNullException.ThrowIfNull(aligner);
        TokenizedText a = Tokenizer.Tokenize(suspicious), b = Tokenizer.Tokenize(source);
        return Detect(key, suspicious, a, aligner.Prepare(a, suspicious), source, b, aligner.Prepare(b, source), aligner);
    }

    List<PanPassage> Detect(string key, string suspicious, TokenizedText a, SeedGrams ga, string source, TokenizedText b, SeedGrams gb) =>
        Detect(key, suspicious, a, ga, source, b, gb, _aligner);

    static List<PanPassage> Detect(string key, string suspicious, TokenizedText a, SeedGrams ga, string source, TokenizedText b, SeedGrams gb, PassageAligner aligner)
    {
        var result = new List<PanPassage>();
        foreach (AlignedPassage p in aligner.Align(ga, gb))
        {
            (int s0, int s1) = PassageText.CharRange(a, suspicious, p.AStart, p.AEnd);
            (int r0, int r1) = PassageText.CharRange(b, source, p.BStart, p.BEnd);
            result.Add(new PanPassage(key, new CharRange(s0, s1), new CharRange(r0, r1)));
        }
        return result;
    }

    /// <summary>Name of the line that scores all pairs together (PAN's "entire corpus").</summary>
    internal const string EntireCorpus = "entire corpus";

    /// <summary>Evaluates one category (optionally its first <paramref name="limit"/> pairs).</summary>
    internal PanCategoryResult Evaluate(string category, int? limit = null, CancellationToken cancellationToken = default) =>
        EvaluateAll(PanScanEvaluation.SelectPairs(_corpus, limit, category), cancellationToken)[0];

    /// <summary>
    /// Detects every pair once and scores each category, then all pairs together (<see cref="EntireCorpus"/>, last;
    /// left out when there is only one category).
    /// </summary>
    public List<PanCategoryResult> EvaluateAll(IReadOnlyList<PanPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var detections = new List<PanPassage>[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => detections[i] = Detect(pairs[i]));
        var byPair = new Dictionary<PanPair, List<PanPassage>>();
        for (int i = 0; i < pairs.Count; i++) byPair[pairs[i]] = detections[i];
        return ScoreAll(pairs, _corpus.Cases, p => byPair[p]);
    }

    /// <summary>Scores each category of <paramref name="pairs"/>, then all of them together when they span several categories.</summary>
    internal static List<PanCategoryResult> ScoreAll(IReadOnlyList<PanPair> pairs, Func<PanPair, IReadOnlyList<PanPassage>> cases,
        Func<PanPair, IReadOnlyList<PanPassage>> detections)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var results = new List<PanCategoryResult>();
        var categories = pairs.GroupBy(p => p.Category).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var category in categories)
            results.Add(ScoreCategory(category.Key, [.. category], cases, detections));
        if (categories.Count > 1) results.Add(ScoreCategory(EntireCorpus, pairs, cases, detections));
        return results;
    }

    /// <summary>Scores the detections of <paramref name="pairs"/> against their cases, with the count of false detections.</summary>
    internal static PanCategoryResult ScoreCategory(string name, IReadOnlyList<PanPair> pairs, Func<PanPair, IReadOnlyList<PanPassage>> cases,
        Func<PanPair, IReadOnlyList<PanPassage>> detections)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(detections);
        var allCases = pairs.SelectMany(cases).ToList();
        var allDetections = pairs.SelectMany(detections).ToList();
        PanScore score = PanMeasures.Score(allCases, allDetections);
        var casesByPair = allCases.GroupBy(c => c.Pair).ToDictionary(g => g.Key, g => g.ToList());
        int falseDetections = 0;
        long falseChars = 0;
        foreach (PanPassage r in allDetections)
        {
            if (casesByPair.TryGetValue(r.Pair, out var list) && list.Exists(s => PanMeasures.Detects(r, s))) continue;
            falseDetections++;
            falseChars += r.Suspicious.Length + r.Source.Length;
        }
        return new PanCategoryResult(name, pairs.Count, score, falseDetections, falseChars);
    }
}
