using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ReuseDetect.Candidates;

/// <summary>
/// LSH banding of MinHash signatures: <c>b</c> bands of <c>r</c> rows, chosen for a Jaccard threshold t by
/// minimising the (equally weighted) integrated false-positive and false-negative probabilities of the S-curve
/// <c>1 - (1 - s^r)^b</c>, as datasketch does. A band key is XxHash3 of the band's rows, seeded by the band index,
/// so equal rows in different bands never collide.
/// </summary>
public readonly record struct LshBanding(int Bands, int Rows)
{
    /// <summary>Chooses (bands, rows) with bands × rows ≤ <paramref name="permutations"/> for <paramref name="threshold"/>.</summary>
    public static LshBanding ForThreshold(double threshold, int permutations, double falsePositiveWeight = 0.5, double falseNegativeWeight = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        double bestError = double.MaxValue;
        var best = new LshBanding(1, permutations);
        for (int b = 1; b <= permutations; b++)
        {
            for (int r = 1; r <= permutations / b; r++)
            {
                double fp = Integrate(s => 1 - Math.Pow(1 - Math.Pow(s, r), b), 0, threshold);
                double fn = Integrate(s => Math.Pow(1 - Math.Pow(s, r), b), threshold, 1);
                double error = falsePositiveWeight * fp + falseNegativeWeight * fn;
                if (error < bestError - 1e-12)
                {
                    bestError = error;
                    best = new LshBanding(b, r);
                }
            }
        }
        return best;
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
