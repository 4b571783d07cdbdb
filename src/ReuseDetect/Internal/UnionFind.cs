namespace ReuseDetect.Internal;

/// <summary>Disjoint sets with path halving and union by size.</summary>
sealed class UnionFind : IDisposable
{
    readonly int[] _parent;
    readonly int[] _size;
    readonly int _count;
    bool _pooled;

    public UnionFind(int count) : this(count, pooled: false) { }

    UnionFind(int count, bool pooled)
    {
        _count = count;
        _pooled = pooled;
        _parent = pooled ? System.Buffers.ArrayPool<int>.Shared.Rent(count) : new int[count];
        _size = pooled ? System.Buffers.ArrayPool<int>.Shared.Rent(count) : new int[count];
        for (int i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    /// <summary>Disjoint sets on arrays rented from the shared pool, for a short-lived use; <see cref="Dispose"/> gives them back.</summary>
    public static UnionFind Rent(int count) => new(count, pooled: true);

    /// <summary>Gives rented arrays back (nothing for an ordinary instance); the instance is not used after.</summary>
    public void Dispose()
    {
        if (!_pooled) return;
        _pooled = false;
        System.Buffers.ArrayPool<int>.Shared.Return(_parent);
        System.Buffers.ArrayPool<int>.Shared.Return(_size);
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
    /// Joins the set of <paramref name="y"/> to the set whose root is <paramref name="root"/> and returns the root of the
    /// joined set: <see cref="Union"/> for a caller that keeps one set's root at hand, saving its look-up.
    /// </summary>
    public int Link(int root, int y)
    {
        int ry = Find(y);
        return ry == root ? root : Join(root, ry);
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
        int n = _count;
        // Union by size keeps each root's set size, so a set is filled into an exact array as soon as its first (smallest)
        // element is met; sets too small are skipped without a look-up table. The slot of a root's array is kept in
        // _size while the sets are read, stored as ~index to tell it from a size, and the sizes are put back after.
        // The sets are counted first (a root is its own parent), so the list and the fill counts are made at their size.
        int sets = 0;
        for (int i = 0; i < n; i++)
            if (_parent[i] == i && _size[i] >= minSize) sets++;
        var result = new List<int[]>(sets);
        if (sets == 0) return result;
        int[] fill = System.Buffers.ArrayPool<int>.Shared.Rent(sets);
        try
        {
            for (int i = 0; i < n; i++)
            {
                int r = Find(i);
                int slot = _size[r];
                if (slot >= 0)
                {
                    if (slot < minSize) continue;
                    slot = result.Count;
                    result.Add(new int[_size[r]]);
                    fill[slot] = 0;
                    _size[r] = ~slot;
                }
                else slot = ~slot;
                result[slot][fill[slot]++] = i;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(fill);
        }
        foreach (int[] set in result) _size[Find(set[0])] = set.Length;
        return result;
    }
}
