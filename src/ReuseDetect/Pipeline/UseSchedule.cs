using ReuseDetect.Candidates;

namespace ReuseDetect.Pipeline;

/// <summary>
/// When each document will next be asked for, along a known order of pairs (the alignment schedule, the near-duplicate
/// checks): the text cache then evicts the document needed furthest ahead (Belady's rule, the fewest reloads any budget
/// allows) instead of the one least recently read. A document's uses are counted off as the pairs holding it are taken,
/// so with several threads its next use is the first of its pairs not yet taken; eviction only decides what is read
/// again, never a result.
/// </summary>
sealed class UseSchedule
{
    readonly Dictionary<string, int> _documents;
    readonly int[] _first;
    readonly int[] _uses;
    readonly int[] _taken;

    /// <summary>
    /// The uses of <paramref name="records"/> by <paramref name="pairs"/> taken in <paramref name="order"/> (indexes of
    /// <paramref name="pairs"/>; null: list order).
    /// </summary>
    public UseSchedule(IReadOnlyList<DocumentRecord> records, IReadOnlyList<CandidatePair> pairs, int[]? order = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pairs);
        _documents = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        foreach (DocumentRecord r in records) _documents[r.Id] = r.Index;
        // Positions of each document's pairs in the order, ascending: a count, offsets, then one pass in order.
        _first = new int[records.Count + 1];
        foreach (CandidatePair p in pairs)
        {
            _first[p.A + 1]++;
            if (p.B != p.A) _first[p.B + 1]++;
        }
        for (int d = 0; d < records.Count; d++) _first[d + 1] += _first[d];
        _uses = new int[_first[records.Count]];
        int[] next = _first[..^1];
        for (int k = 0; k < pairs.Count; k++)
        {
            CandidatePair p = pairs[order is null ? k : order[k]];
            _uses[next[p.A]++] = k;
            if (p.B != p.A) _uses[next[p.B]++] = k;
        }
        _taken = new int[records.Count];
    }

    /// <summary>Counts off a use of each document of <paramref name="pair"/> (its pair is being aligned).</summary>
    public void Take(CandidatePair pair)
    {
        Interlocked.Increment(ref _taken[pair.A]);
        if (pair.B != pair.A) Interlocked.Increment(ref _taken[pair.B]);
    }

    /// <summary>
    /// The position in the order of the next pair that will ask for document <paramref name="id"/>; <see cref="int.MaxValue"/>
    /// when none will (or the document is not one of the schedule's).
    /// </summary>
    public int NextUse(string id)
    {
        if (!_documents.TryGetValue(id, out int d)) return int.MaxValue;
        int at = _first[d] + Volatile.Read(ref _taken[d]);
        return at < _first[d + 1] ? _uses[at] : int.MaxValue;
    }
}
