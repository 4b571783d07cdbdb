using ReuseDetect.Internal;
using ReuseDetect.Text;

namespace ReuseDetect.Shingling;

/// <summary>
/// A text's word n-grams as a set: the distinct shingle hashes, ascending, and the exact Jaccard similarity of two such
/// sets (what confirms a near-duplicate candidate that MinHash only estimates).
/// </summary>
static class ShingleSet
{
    /// <summary>The distinct shingle hashes of <paramref name="n"/> words of a text, ascending.</summary>
    public static ulong[] Distinct(TokenizedText tokens, int n) => SortedSets.SortDistinct(Shingler.Hash(tokens.TokenHashes, n));

    /// <summary>Jaccard similarity of the <paramref name="n"/>-word shingle sets of two texts.</summary>
    public static double Jaccard(TokenizedText a, TokenizedText b, int n) => Jaccard(Distinct(a, n), Distinct(b, n));

    /// <summary>Jaccard similarity of two sets given as ascending arrays without duplicates (0 when both are empty).</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.IsEmpty && b.IsEmpty) return 0;
        int shared = SortedSets.SharedCount(a, b);
        return (double)shared / (a.Length + b.Length - shared);
    }
}
