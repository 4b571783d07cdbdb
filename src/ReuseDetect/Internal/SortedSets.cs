namespace ReuseDetect.Internal;

/// <summary>Sets kept as ascending arrays without duplicates (shingle and line hashes, content stems, document indexes).</summary>
static class SortedSets
{
    /// <summary>Sorts <paramref name="values"/> in place and drops repeats: the same array when all are distinct, else a shorter copy.</summary>
    internal static T[] SortDistinct<T>(T[] values) where T : struct, IEquatable<T>
    {
        Array.Sort(values);
        int count = 0;
        for (int i = 0; i < values.Length; i++)
            if (i == 0 || !values[i].Equals(values[i - 1])) values[count++] = values[i];
        return count == values.Length ? values : values[..count];
    }

    /// <summary>How many values two ascending, distinct arrays share.</summary>
    internal static int SharedCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int count = 0;
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { count++; i++; j++; }
        }
        return count;
    }
}
