namespace ReuseDetect.Clustering;

/// <summary>
/// The clusters <see cref="ClusterBuilder"/> peeled from each candidate (a group of links joined through spans of the
/// same text) in its last build, by the candidate's links, for a detector that rescans one folder (<c>reuse watch</c>):
/// a change touches the candidates of the documents it changed, and every other candidate, whose links are the same
/// values, takes the clusters peeled last time instead of being peeled again. A candidate's clusters are a function of
/// its links alone (their values in content order, the order the builder gives them), so the result is the one a build
/// without the memo gives; a document added or removed before others renumbers their links, and their candidates are
/// then peeled again. Holds one build's candidates: each build replaces them.
/// </summary>
sealed class ClusterMemo
{
    Dictionary<ulong, Entry> _last = [];

    sealed record Entry(PassageLink[] Links, List<SpanCluster> Clusters);

    /// <summary>The clusters last peeled from links equal to those of <paramref name="candidate"/> (indexes into <paramref name="ordered"/>).</summary>
    public bool TryGet(PassageLink[] ordered, int[] candidate, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out List<SpanCluster>? clusters)
    {
        clusters = null;
        if (!_last.TryGetValue(Key(ordered, candidate), out Entry? entry) || entry.Links.Length != candidate.Length) return false;
        for (int i = 0; i < candidate.Length; i++)
            if (entry.Links[i] != ordered[candidate[i]]) return false;
        clusters = entry.Clusters;
        return true;
    }

    /// <summary>Keeps the clusters <paramref name="peeled"/> from each of <paramref name="candidates"/> in place of the last build's.</summary>
    public void Keep(PassageLink[] ordered, List<int[]> candidates, List<SpanCluster>[] peeled)
    {
        var next = new Dictionary<ulong, Entry>(candidates.Count);
        for (int c = 0; c < candidates.Count; c++)
        {
            int[] candidate = candidates[c];
            var links = new PassageLink[candidate.Length];
            for (int i = 0; i < links.Length; i++) links[i] = ordered[candidate[i]];
            // Two candidates with one key (a hash collision) keep the first: the other is peeled again next time.
            next.TryAdd(Key(ordered, candidate), new Entry(links, peeled[c]));
        }
        _last = next;
    }

    static ulong Key(PassageLink[] ordered, int[] candidate)
    {
        var hash = new HashCode();
        foreach (int l in candidate) hash.Add(ordered[l]);
        return (ulong)(uint)hash.ToHashCode() | (ulong)(uint)candidate.Length << 32;
    }
}
