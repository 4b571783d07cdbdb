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
        // Group numbers in order of first element; sizes counted first, so each set is filled into an exact array.
        int[] groupOfRoot = new int[n];
        int[] groupOf = new int[n];
        var sizes = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int r = Find(i);
            if (groupOfRoot[r] == 0)
            {
                sizes.Add(0);
                groupOfRoot[r] = sizes.Count;
            }
            int g = groupOfRoot[r] - 1;
            groupOf[i] = g;
            sizes[g]++;
        }
        var arrays = new int[]?[sizes.Count];
        var fill = new int[sizes.Count];
        var result = new List<int[]>();
        for (int g = 0; g < sizes.Count; g++)
        {
            if (sizes[g] < minSize) continue;
            int[] set = new int[sizes[g]];
            arrays[g] = set;
            result.Add(set);
        }
        for (int i = 0; i < n; i++)
            if (arrays[groupOf[i]] is { } set) set[fill[groupOf[i]]++] = i;
        return result;
    }
}
