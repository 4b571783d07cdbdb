namespace ReuseDetect.Internal;

/// <summary>
/// Arrays that outlive many collections: the signatures of a scan's records, and the tokens and seed grams its text cache keeps for a document in many
/// candidate pairs. They are made on the pinned object heap, which the collector never copies, instead of the young
/// generations, from which every survivor is copied twice (gen0 to gen1 to gen2) while the rest of the scan waits.
/// </summary>
static class LongLived
{
    /// <summary>A zeroed array of <paramref name="length"/> items.</summary>
    public static T[] Array<T>(int length) where T : unmanaged => length == 0 ? [] : GC.AllocateArray<T>(length, pinned: true);

    /// <summary>A copy of <paramref name="values"/>.</summary>
    public static T[] Copy<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        if (values.IsEmpty) return [];
        T[] copy = GC.AllocateUninitializedArray<T>(values.Length, pinned: true);
        values.CopyTo(copy);
        return copy;
    }
}
