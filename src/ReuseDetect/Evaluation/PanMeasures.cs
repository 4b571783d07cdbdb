namespace ReuseDetect.Evaluation;

/// <summary>A character range <c>[Start, End)</c>.</summary>
readonly record struct CharRange(int Start, int End)
{
    /// <summary>Characters in the range.</summary>
    public int Length => End - Start;

    /// <summary>The intersection (empty when disjoint).</summary>
    public CharRange Intersect(CharRange other) => new(Math.Max(Start, other.Start), Math.Max(Math.Max(Start, other.Start), Math.Min(End, other.End)));
}

/// <summary>A reuse case or detection in PAN's terms: a suspicious-document range and a source-document range of one pair.</summary>
readonly record struct PanPassage(string Pair, CharRange Suspicious, CharRange Source);

/// <summary>Character-level PAN measures of one run.</summary>
public readonly record struct PanScore(int Cases, int Detections, double Precision, double Recall, double Granularity)
{
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>plagdet = F1 / log2(1 + granularity).</summary>
    public double PlagDet => F1 / Math.Log2(1 + Granularity);
}

/// <summary>
/// The character-level measures of Potthast, Stein, Barrón-Cedeño and Rosso, "An Evaluation Framework for
/// Plagiarism Detection" (COLING 2010): macro-averaged precision and recall over detections and cases, where
/// a detection r counts for a case s only when it overlaps s in both documents (s ⊓ r); granularity is the
/// mean number of detections per detected case. A run with no detections has precision 0 when there are cases
/// (nothing right was said) and 1 when there are none (nothing wrong was said).
/// </summary>
static class PanMeasures
{
    /// <summary>Scores <paramref name="detections"/> against <paramref name="cases"/>.</summary>
    public static PanScore Score(IReadOnlyList<PanPassage> cases, IReadOnlyList<PanPassage> detections)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(detections);
        var detByPair = detections.GroupBy(d => d.Pair).ToDictionary(g => g.Key, g => g.ToList());
        var casesByPair = cases.GroupBy(c => c.Pair).ToDictionary(g => g.Key, g => g.ToList());

        double recallSum = 0, granSum = 0;
        int detected = 0;
        foreach (PanPassage s in cases)
        {
            var hits = detByPair.TryGetValue(s.Pair, out var list) ? list.Where(r => Detects(r, s)).ToList() : [];
            if (hits.Count == 0) continue;
            detected++;
            granSum += hits.Count;
            int covered = UnionLength(hits.Select(r => s.Suspicious.Intersect(r.Suspicious)))
                + UnionLength(hits.Select(r => s.Source.Intersect(r.Source)));
            recallSum += (double)covered / (s.Suspicious.Length + s.Source.Length);
        }
        double precisionSum = 0;
        foreach (PanPassage r in detections)
        {
            var hits = casesByPair.TryGetValue(r.Pair, out var list) ? list.Where(s => Detects(r, s)).ToList() : [];
            if (hits.Count == 0) continue;
            int covered = UnionLength(hits.Select(s => s.Suspicious.Intersect(r.Suspicious)))
                + UnionLength(hits.Select(s => s.Source.Intersect(r.Source)));
            precisionSum += (double)covered / Math.Max(1, r.Suspicious.Length + r.Source.Length);
        }
        double recall = cases.Count == 0 ? 1 : recallSum / cases.Count;
        double precision = detections.Count == 0 ? (cases.Count == 0 ? 1 : 0) : precisionSum / detections.Count;
        double granularity = detected == 0 ? 1 : granSum / detected;
        return new PanScore(cases.Count, detections.Count, precision, recall, granularity);
    }

    /// <summary>True when <paramref name="r"/> overlaps <paramref name="s"/> in both documents of the same pair.</summary>
    public static bool Detects(PanPassage r, PanPassage s) =>
        r.Pair == s.Pair && s.Suspicious.Intersect(r.Suspicious).Length > 0 && s.Source.Intersect(r.Source).Length > 0;

    /// <summary>Characters covered by the union of ranges.</summary>
    public static int UnionLength(IEnumerable<CharRange> ranges)
    {
        var sorted = ranges.Where(r => r.Length > 0).OrderBy(r => r.Start).ToList();
        int total = 0, end = int.MinValue;
        foreach (CharRange r in sorted)
        {
            int from = Math.Max(r.Start, end);
            if (r.End > from) total += r.End - from;
            end = Math.Max(end, r.End);
        }
        return total;
    }
}
