using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ReuseDetect.Candidates;

/// <summary>
/// LSH banding of MinHash signatures: <c>b</c> bands of <c>r</c> rows. A pair with Jaccard s shares at least one
/// band with probability <c>P(s) = 1 - (1 - s^r)^b</c> (the S-curve). <see cref="ForThreshold"/> chooses (b, r) for
/// recall at the threshold t first: among the shapes with <c>P(t) ≥ minRecall</c> (0.995 by default), the one with
/// the least integrated false-positive probability <c>∫₀ᵗ P(s) ds</c> (datasketch's false-positive weight). Pairs at
/// or above t are then nearly all candidates, and the candidates below t are removed by the estimate and the exact
/// Jaccard check. A band key is XxHash3 of the band's rows, seeded by the band index, so equal rows in different
/// bands never collide.
/// </summary>
readonly record struct LshBanding(int Bands, int Rows)
{
    /// <summary>The default least probability that a pair at the threshold becomes a candidate.</summary>
    public const double DefaultMinRecall = 0.995;

    /// <summary>
    /// Chooses (bands, rows) with bands × rows ≤ <paramref name="permutations"/> such that a pair at
    /// <paramref name="threshold"/> becomes a candidate with probability at least <paramref name="minRecall"/>, with
    /// the fewest false positives below the threshold (ties: fewer bands). When no shape reaches
    /// <paramref name="minRecall"/> (few permutations, low threshold), the shape with the highest recall.
    /// </summary>
    public static LshBanding ForThreshold(double threshold, int permutations, double minRecall = DefaultMinRecall)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minRecall, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minRecall, 1.0);
        LshBanding? best = null;
        double bestFalsePositives = double.MaxValue;
        var mostRecall = new LshBanding(permutations, 1);
        for (int b = 1; b <= permutations; b++)
        {
            for (int r = 1; r <= permutations / b; r++)
            {
                var shape = new LshBanding(b, r);
                double recall = shape.CandidateProbability(threshold);
                if (recall > mostRecall.CandidateProbability(threshold)) mostRecall = shape;
                if (recall < minRecall) continue;
                double falsePositives = Integrate(shape.CandidateProbability, 0, threshold);
                if (falsePositives < bestFalsePositives - 1e-12)
                {
                    bestFalsePositives = falsePositives;
                    best = shape;
                }
            }
        }
        return best ?? mostRecall;
    }

    /// <summary>Probability that a pair with Jaccard <paramref name="s"/> shares at least one band.</summary>
    public double CandidateProbability(double s) => 1 - Math.Pow(1 - Math.Pow(s, Rows), Bands);

    /// <summary>Writes the <see cref="Bands"/> band keys of a signature.</summary>
    public void Keys(ReadOnlySpan<uint> signature, Span<ulong> keys)
    {
        if (signature.Length < Bands * Rows) throw new ArgumentException("Signature shorter than bands × rows.", nameof(signature));
        for (int band = 0; band < Bands; band++)
        {
            ReadOnlySpan<uint> rows = signature.Slice(band * Rows, Rows);
            keys[band] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(rows), band);
        }
    }

    // Composite Simpson's rule; the integrands are smooth polynomials in s.
    static double Integrate(Func<double, double> f, double a, double b, int intervals = 128)
    {
        if (b <= a) return 0;
        double h = (b - a) / intervals, sum = f(a) + f(b);
        for (int i = 1; i < intervals; i++) sum += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }
}
