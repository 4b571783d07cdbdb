using ReuseDetect.Alignment;
using ReuseDetect.Text;

namespace ReuseDetect.Evaluation;

/// <summary>Result of one category: the score and the counts behind it.</summary>
public sealed record PanCategoryResult(string Category, int Pairs, PanScore Score, int FalseDetections, long FalseDetectionChars);

/// <summary>
/// Runs the passage aligner on PAN pairs (suspicious = A, source = B) and scores the detections per category.
/// </summary>
public sealed class PanEvaluator
{
    readonly PanCorpus _corpus;
    readonly PassageAligner _aligner;

    /// <summary>Creates an evaluator over <paramref name="corpus"/>.</summary>
    public PanEvaluator(PanCorpus corpus, AlignmentOptions options)
    {
        _corpus = corpus;
        _aligner = new PassageAligner(options);
    }

    /// <summary>Detects passages in one pair, as character ranges.</summary>
    public List<PanPassage> Detect(PanPair pair)
    {
        string susp = _corpus.ReadSuspicious(pair), src = _corpus.ReadSource(pair);
        return Detect(pair.Key, susp, src, _aligner);
    }

    /// <summary>Detects passages between two texts with <paramref name="aligner"/>.</summary>
    public static List<PanPassage> Detect(string key, string suspicious, string source, PassageAligner aligner)
    {
        ArgumentNullException.ThrowIfNull(aligner);
        TokenizedText a = Tokenizer.Tokenize(suspicious), b = Tokenizer.Tokenize(source);
        var result = new List<PanPassage>();
        foreach (AlignedPassage p in aligner.Align(aligner.Prepare(a, suspicious), aligner.Prepare(b, source)))
        {
            (int s0, int s1) = PassageText.CharRange(a, suspicious, p.AStart, p.AEnd);
            (int r0, int r1) = PassageText.CharRange(b, source, p.BStart, p.BEnd);
            result.Add(new PanPassage(key, new CharRange(s0, s1), new CharRange(r0, r1)));
        }
        return result;
    }

    /// <summary>Name of the line that scores all pairs together (PAN's "entire corpus").</summary>
    public const string EntireCorpus = "entire corpus";

    /// <summary>Evaluates one category (optionally its first <paramref name="limit"/> pairs).</summary>
    public PanCategoryResult Evaluate(string category, int? limit = null, CancellationToken cancellationToken = default) =>
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
    public static List<PanCategoryResult> ScoreAll(IReadOnlyList<PanPair> pairs, Func<PanPair, IReadOnlyList<PanPassage>> cases,
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
    public static PanCategoryResult ScoreCategory(string name, IReadOnlyList<PanPair> pairs, Func<PanPair, IReadOnlyList<PanPassage>> cases,
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
