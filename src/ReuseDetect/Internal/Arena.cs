namespace ReuseDetect.Internal;

/// <summary>
/// Storage for many short arrays made and dropped together (the seed groups of one alignment): each is a segment of a
/// shared block, and <see cref="Clear"/> frees the whole block at once. When the block is full a larger one replaces it;
/// the segments handed out keep the old one, so they stay valid until <see cref="Clear"/> (after which they must no
/// longer be read). The block keeps its largest size, so a reused arena allocates nothing once it has grown.
/// </summary>
sealed class Arena<T>(int capacity = 1024)
{
    T[] _block = new T[capacity];
    int _used;

    /// <summary>
    /// Room for up to <paramref name="max"/> items at the end of the block: write into it, then keep what was written with
    /// <see cref="Keep"/> before asking for room again.
    /// </summary>
    public Span<T> Room(int max)
    {
        if (_block.Length - _used < max)
        {
            _block = new T[Math.Max(max, 2 * _block.Length)];
            _used = 0;
        }
        return _block.AsSpan(_used, max);
    }

    /// <summary>The first <paramref name="count"/> items of the last <see cref="Room"/>, kept until <see cref="Clear"/>.</summary>
    public ArraySegment<T> Keep(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _block.Length - _used);
        var kept = new ArraySegment<T>(_block, _used, count);
        _used += count;
        return kept;
    }

    /// <summary>Frees every segment handed out.</summary>
    public void Clear() => _used = 0;
}
