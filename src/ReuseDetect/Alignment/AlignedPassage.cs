namespace ReuseDetect.Alignment;

/// <summary>
/// One aligned passage pair, as token ranges <c>[start, end)</c> in text A and text B, with the number of
/// tokens on each side covered by shared seeds. <see cref="Anchored"/>: it holds a verbatim run (strong evidence), not
/// only ordinary words in order.
/// </summary>
readonly record struct AlignedPassage(int AStart, int AEnd, int BStart, int BEnd, int MatchedA, int MatchedB, bool Anchored = false)
{
    /// <summary>Tokens in the A span.</summary>
    public int ALength => AEnd - AStart;

    /// <summary>Tokens in the B span.</summary>
    public int BLength => BEnd - BStart;

    /// <summary>Share of tokens covered by shared seeds, the lower of the two sides.</summary>
    public double Identity => Math.Min((double)MatchedA / Math.Max(1, ALength), (double)MatchedB / Math.Max(1, BLength));
}
