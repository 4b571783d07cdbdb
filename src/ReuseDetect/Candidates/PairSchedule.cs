using ReuseDetect.Internal;

namespace ReuseDetect.Candidates;

/// <summary>
/// The order in which candidate pairs are aligned: documents numbered by a Cuthill-McKee walk of the pair graph (a
/// breadth-first walk from a least-connected document, neighbours taken least-connected first), and the pairs sorted by
/// their documents' numbers. Each document's partners then lie close to it in that numbering, so the documents being
/// aligned at any time are few, and a document leaves the text cache once its pairs are done instead of being read and
/// prepared again for a partner met much later. The order changes no result: each pair's alignment is its own.
/// </summary>
static class PairSchedule
{
    /// <summary>The indexes of <paramref name="pairs"/> in the order to align them (documents numbered 0 .. <paramref name="documents"/> - 1).</summary>
    public static int[] Order(IReadOnlyList<CandidatePair> pairs, int documents)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var degree = new int[documents];
        foreach (CandidatePair p in pairs)
        {
            if (p.A == p.B) continue;
            degree[p.A]++;
            degree[p.B]++;
        }
        // Neighbours of each document, least-connected first (ties by number: the walk is deterministic).
        var start = new int[documents + 1];
        for (int d = 0; d < documents; d++) start[d + 1] = start[d] + degree[d];
        var next = start[..^1];
        var neighbours = new int[start[documents]];
        foreach (CandidatePair p in pairs)
        {
            if (p.A == p.B) continue;
            neighbours[next[p.A]++] = p.B;
            neighbours[next[p.B]++] = p.A;
        }
        Comparison<int> leastConnected = (x, y) => degree[x] != degree[y] ? degree[x].CompareTo(degree[y]) : x.CompareTo(y);
        for (int d = 0; d < documents; d++) neighbours.AsSpan(start[d], degree[d]).Sort(leastConnected);
        int[] roots = [.. Enumerable.Range(0, documents)];
        roots.AsSpan().Sort(leastConnected);

        var rank = new int[documents];
        Array.Fill(rank, -1);
        var queue = new int[documents];
        int numbered = 0;
        foreach (int root in roots)
        {
            if (rank[root] >= 0) continue;
            int head = numbered;
            rank[root] = numbered;
            queue[numbered++] = root;
            while (head < numbered)
            {
                int d = queue[head++];
                foreach (int n in neighbours.AsSpan(start[d], degree[d]))
                {
                    if (rank[n] >= 0) continue;
                    rank[n] = numbered;
                    queue[numbered++] = n;
                }
            }
        }

        var keys = new ulong[pairs.Count];
        var order = new int[pairs.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            int a = rank[pairs[i].A], b = rank[pairs[i].B];
            keys[i] = ((ulong)(uint)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
            order[i] = i;
        }
        RadixSort.Sort(keys, order);
        return order;
    }
}
