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
        foreach (AlignedPassage p in aligner.Align(a.TokenHashes, b.TokenHashes))
        {
            (int s0, int s1) = PassageText.CharRange(a, suspicious, p.AStart, p.AEnd);
            (int r0, int r1) = PassageText.CharRange(b, source, p.BStart, p.BEnd);
            result.Add(new PanPassage(key, new CharRange(s0, s1), new CharRange(r0, r1)));
        }
        return result;
    }

    /// <summary>Evaluates one category (optionally its first <paramref name="limit"/> pairs).</summary>
    public PanCategoryResult Evaluate(string category, int? limit = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PanPair> pairs = _corpus.Pairs(category);
        if (limit is int n && n < pairs.Count) pairs = [.. pairs.Take(n)];
        var cases = new List<PanPassage>[pairs.Count];
        var detections = new List<PanPassage>[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            cases[i] = [.. _corpus.Cases(pairs[i])];
            detections[i] = Detect(pairs[i]);
        });
        var allCases = cases.SelectMany(c => c).ToList();
        var allDetections = detections.SelectMany(d => d).ToList();
        PanScore score = PanMeasures.Score(allCases, allDetections);
        int falseDetections = 0;
        long falseChars = 0;
        foreach (PanPassage r in allDetections)
        {
            if (allCases.Any(s => PanMeasures.Detects(r, s))) continue;
            falseDetections++;
            falseChars += r.Suspicious.Length + r.Source.Length;
        }
        return new PanCategoryResult(category, pairs.Count, score, falseDetections, falseChars);
    }
}
