namespace ReuseDetect.Candidates;

/// <summary>Two documents (indexes, <c>A ≤ B</c>; <c>A == B</c> asks for repeats inside one document) worth aligning.</summary>
readonly record struct CandidatePair(int A, int B) : IComparable<CandidatePair>
{
    /// <summary>Orders by A then B.</summary>
    public int CompareTo(CandidatePair other) => A != other.A ? A.CompareTo(other.A) : B.CompareTo(other.B);
}
