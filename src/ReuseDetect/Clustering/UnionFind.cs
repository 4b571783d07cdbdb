namespace ReuseDetect.Clustering;

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

    /// <summary>The sets, each sorted ascending, ordered by their smallest element (deterministic).</summary>
    public List<int[]> Groups()
    {
        var byRoot = new Dictionary<int, List<int>>();
        var order = new List<List<int>>();
        for (int i = 0; i < _parent.Length; i++)
        {
            int r = Find(i);
            if (!byRoot.TryGetValue(r, out var list))
            {
                list = [];
                byRoot[r] = list;
                order.Add(list);
            }
            list.Add(i);
        }
        return order.ConvertAll(l => l.ToArray());
    }
}
