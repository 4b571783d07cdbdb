namespace ReuseDetect.Internal;

/// <summary>
/// Disjoint sets with path halving and union by size. One instance may be used again for another set of elements
/// (<see cref="Reset"/>): its arrays grow as needed and are kept, so sets made over and over cost no allocation.
/// </summary>
sealed class UnionFind
{
    int[] _parent;
    int[] _size;
    int _count;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        Reset(count);
    }

    /// <summary>Makes <paramref name="count"/> elements, each alone in its set (the earlier sets are forgotten).</summary>
    public void Reset(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _parent.Length)
        {
            int capacity = Math.Max(count, 2 * _parent.Length);
            _parent = new int[capacity];
            _size = new int[capacity];
        }
        _count = count;
        for (int i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Count => _count;

    public int Find(int x)
    {
        // Path halving, without the store when the parent is already the root (the common case once sets have formed).
        while (true)
        {
            int p = _parent[x];
            if (p == x) return x;
            int g = _parent[p];
            if (g == p) return p;
            _parent[x] = g;
            x = g;
        }
    }

    public bool Union(int x, int y)
    {
        int rx = Find(x), ry = Find(y);
        if (rx == ry) return false;
        Join(rx, ry);
        return true;
    }

    /// <summary>
    /// Joins the sets whose roots are <paramref name="root"/> and <paramref name="other"/> (distinct, each found by
    /// <see cref="Find"/> since the last join) and returns the root of the joined set: <see cref="Union"/> for a caller
    /// that has looked up both roots already.
    /// </summary>
    public int JoinRoots(int root, int other)
    {
        if (root == other || _parent[root] != root || _parent[other] != other) throw new ArgumentException("Two distinct roots are needed.");
        return Join(root, other);
    }

    /// <summary>Joins two distinct roots, the smaller set under the larger; returns the root of the joined set.</summary>
    int Join(int rx, int ry)
    {
        if (_size[rx] < _size[ry]) (rx, ry) = (ry, rx);
        _parent[ry] = rx;
        _size[rx] += _size[ry];
        return rx;
    }

    /// <summary>
    /// The sets of at least <paramref name="minSize"/> elements, each sorted ascending, ordered by their smallest
    /// element (deterministic).
    /// </summary>
    public List<int[]> Groups(int minSize = 1)
    {
        int[] members = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, _count));
        int[] ends = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, _count));
        try
        {
            int sets = Groups(minSize, members, ends);
            var result = new List<int[]>(sets);
            for (int s = 0, start = 0; s < sets; start = ends[s++]) result.Add(members[start..ends[s]]);
            return result;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(members);
            System.Buffers.ArrayPool<int>.Shared.Return(ends);
        }
    }

    /// <summary>
    /// The sets of at least <paramref name="minSize"/> elements as <see cref="Groups(int)"/> gives them, laid end to end
    /// in <paramref name="members"/> (room for <see cref="Count"/>), the end of set s at <paramref name="ends"/>[s] (room
    /// for <see cref="Count"/> / <paramref name="minSize"/>); returns the number of sets.
    /// </summary>
    public int Groups(int minSize, Span<int> members, Span<int> ends)
    {
        int n = _count;
        // Union by size keeps each root's set size, so a set's place in members is known as soon as its first (smallest)
        // element is met; sets too small are skipped without a look-up table. The index of a root's set is kept in _size
        // while the sets are read, stored as ~index to tell it from a size, and the sizes are put back after. While the
        // sets fill, ends[s] is where the next element of set s goes, so it is the set's end once all are placed.
        int sets = 0, placed = 0;
        for (int i = 0; i < n; i++)
        {
            int r = Find(i);
            int slot = _size[r];
            if (slot >= 0)
            {
                if (slot < minSize) continue;
                ends[sets] = placed;
                placed += slot;
                _size[r] = ~sets;
                slot = sets++;
            }
            else slot = ~slot;
            members[ends[slot]++] = i;
        }
        for (int s = 0, start = 0; s < sets; start = ends[s++]) _size[Find(members[start])] = ends[s] - start;
        return sets;
    }
}
