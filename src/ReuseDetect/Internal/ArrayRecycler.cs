namespace ReuseDetect.Internal;

/// <summary>
/// Arrays of one owner given back for reuse: for data that lives longer than the collector's young generations but not
/// to the end (a cached document's tokens and seed grams, kept from its first aligned pair to its last). Made as usual,
/// each such array was copied twice by the collector on its way to the old generation: during the align stage those
/// copies were most of the collector's pauses, which stop every thread. Here an array is made once, on the pinned-object
/// heap, which the collector never copies (its young collections do not even look at it), and then reused: only the
/// most an owner holds at once is ever made (93 MiB in a scan of Reuters-21578), so the pinned heap
/// does not grow with the work, as it did when every document's grams were made there (more background collections,
/// more CPU).
/// </summary>
/// <remarks>
/// Sizes lie on a grid of eight steps per power of two (exact below 16: 1 ... 15; then 16, 18, ... 30, 32, 36, ...): a
/// request gets the next size up, so at most an eighth of an array is slack, and a caller must read only what it wrote
/// (arrays come back with old contents). Free arrays are held up to <c>capacityBytes</c>; beyond that, and for arrays
/// not of the grid, a given-back array is left to the collector. Unlike <see cref="System.Buffers.ArrayPool{T}"/>
/// (powers of two, a few arrays a size, trimmed on memory pressure) it holds many arrays a size, and only until
/// <see cref="Clear"/>. Thread-safe.
/// </remarks>
sealed class ArrayRecycler<T>(long capacityBytes) where T : unmanaged
{
    const int Exact = 15, Steps = 8, LargestShift = 30, Reach = 3;
    static readonly int s_itemBytes = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    readonly Stack<T[]>?[] _free = new Stack<T[]>?[Exact + Steps * (LargestShift - 3)];
    readonly Lock _gate = new();
    long _heldBytes;

    /// <summary>Bytes of the free arrays held now.</summary>
    public long HeldBytes
    {
        get
        {
            lock (_gate) return _heldBytes;
        }
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> items, with unspecified contents: a free one of its size
    /// (<see cref="SizeFor"/>) or up to three grid steps longer, else a new one of its size.
    /// </summary>
    public T[] Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0) return [];
        var (bucket, size) = Bucket(length);
        if (bucket < 0) return GC.AllocateUninitializedArray<T>(length);
        lock (_gate)
        {
            // The size asked for, else one of the next few up (at most about half again as long: the free arrays are of
            // the sizes other documents needed, rarely the very same).
            for (int b = bucket, last = Math.Min(_free.Length - 1, bucket + Reach); b <= last; b++)
            {
                if (_free[b] is not { Count: > 0 } stack) continue;
                T[] array = stack.Pop();
                _heldBytes -= (long)array.Length * s_itemBytes;
                return array;
            }
        }
        return GC.AllocateUninitializedArray<T>(size, pinned: true);
    }

    /// <summary>An array from <see cref="Rent"/> holding a copy of <paramref name="items"/> (and old contents after them).</summary>
    public T[] Copy(ReadOnlySpan<T> items)
    {
        T[] array = Rent(items.Length);
        items.CopyTo(array);
        return array;
    }

    /// <summary>
    /// Takes <paramref name="array"/> back (null and empty ones are ignored). The caller must hold no other reference to
    /// it: its next user overwrites it.
    /// </summary>
    public void Return(T[]? array)
    {
        if (array is null || array.Length == 0) return;
        var (bucket, size) = Bucket(array.Length);
        if (bucket < 0 || size != array.Length) return;
        long bytes = (long)size * s_itemBytes;
        lock (_gate)
        {
            if (_heldBytes + bytes > capacityBytes) return;
            (_free[bucket] ??= new Stack<T[]>()).Push(array);
            _heldBytes += bytes;
        }
    }

    /// <summary>Lets go of every free array.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_free);
            _heldBytes = 0;
        }
    }

    /// <summary>The length of a new array <see cref="Rent"/> makes for <paramref name="length"/> items.</summary>
    public static int SizeFor(int length) => length == 0 ? 0 : Bucket(length) is (>= 0, int size) ? size : length;

    /// <summary>The grid's bucket and size for <paramref name="length"/> (≥ 1) items; bucket -1 beyond the grid.</summary>
    static (int Bucket, int Size) Bucket(int length)
    {
        if (length <= Exact) return (length - 1, length);
        int shift = System.Numerics.BitOperations.Log2((uint)length);
        if (shift >= LargestShift) return (-1, length);
        int step = 1 << (shift - 3);
        int j = (length + step - 1) / step - Steps;
        if (j == Steps)
        {
            shift++;
            j = 0;
            step <<= 1;
            if (shift >= LargestShift) return (-1, length);
        }
        return (Exact + Steps * (shift - 4) + j, (Steps + j) * step);
    }
}

/// <summary>The recyclers of the arrays of one owner's long-lived, not lasting data (<see cref="ArrayRecycler{T}"/>), by item type.</summary>
sealed class Recyclers(long capacityBytes)
{
    /// <summary>Arrays of 64-bit values (hashes, filters), holding up to half the capacity.</summary>
    public ArrayRecycler<ulong> Longs { get; } = new(capacityBytes / 2);

    /// <summary>Arrays of 32-bit values (offsets, indexes), holding up to half the capacity.</summary>
    public ArrayRecycler<int> Ints { get; } = new(capacityBytes / 2);

    /// <summary>Bytes of the free arrays held now.</summary>
    public long HeldBytes => Longs.HeldBytes + Ints.HeldBytes;

    /// <summary>Lets go of every free array.</summary>
    public void Clear()
    {
        Longs.Clear();
        Ints.Clear();
    }
}
