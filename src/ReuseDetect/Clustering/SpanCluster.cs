namespace ReuseDetect.Clustering;

/// <summary>A member of a reuse cluster: a span <c>[Start, End)</c> of one document (by index).</summary>
readonly record struct ClusterMember(int Document, int Start, int End)
{
    /// <summary>Characters in the span.</summary>
    public int Length => End - Start;
}

/// <summary>A reuse cluster: spans of one or more documents that carry the same passage, ordered by (document, start).</summary>
sealed record SpanCluster(IReadOnlyList<ClusterMember> Members, double MinIdentity)
{
    /// <summary>The aligned passage pairs that make the cluster: the evidence that each member shares text with the others.</summary>
    public IReadOnlyList<PassageLink> Links { get; init; } = [];

    /// <summary>Distinct documents among the members.</summary>
    public int DocumentCount => Members.Select(m => m.Document).Distinct().Count();
}
