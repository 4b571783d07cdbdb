namespace ReuseDetect.Internal;

/// <summary>Disjoint sets with path halving and union by size.</summary>
sealed class UnionFind
{
    readonly int[] _parent;
    readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (int i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Count => _parent.Length;

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public bool Union(int x, int y)
    {
        int rx = Find(x), ry = Find(y);
        if (rx == ry) return false;
        if (_size[rx] < _size[ry]) (rx, ry) = (ry, rx);
        _parent[ry] = rx;
        _size[rx] += _size[ry];
        return true;
    }

    /// <summary>
    /// The sets of at least <paramref name="minSize"/> elements, each sorted ascending, ordered by their smallest
    /// element (deterministic).
    /// </summary>
    public List<int[]> Groups(int minSize = 1)
    {
        int n = _parent.Length;
        // Union by size keeps each root's set size, so a set is filled into an exact array as soon as its first (smallest)
        // element is met; sets too small are skipped without a look-up table. The slot of a root's array is kept in
        // _size while the sets are read, stored as ~index to tell it from a size, and the sizes are put back after.
        var result = new List<int[]>();
        var fill = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int r = Find(i);
            int slot = _size[r];
            if (slot >= 0)
            {
                if (slot < minSize) continue;
                slot = result.Count;
                result.Add(new int[_size[r]]);
                fill.Add(0);
                _size[r] = ~slot;
            }
            else slot = ~slot;
            result[slot][fill[slot]] = i;
            fill[slot]++;
        }
        foreach (int[] set in result) _size[Find(set[0])] = set.Length;
        return result;
    }
}
