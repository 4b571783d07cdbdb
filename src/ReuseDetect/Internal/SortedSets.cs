using System.Buffers;
using System.Numerics;

namespace ReuseDetect.Internal;

/// <summary>Sets kept as ascending arrays without duplicates (shingle and line hashes, content stems, document indexes).</summary>
static class SortedSets
{
    /// <summary>Sorts <paramref name="values"/> in place and drops repeats: the same array when all are distinct, else a shorter copy.</summary>
    internal static T[] SortDistinct<T>(T[] values) where T : struct, IEquatable<T>, IComparisonOperators<T, T, bool>
    {
        int count = SortDistinctInPlace(values.AsSpan());
        return count == values.Length ? values : values[..count];
    }

    /// <summary>
    /// The distinct values of <paramref name="values"/>, ascending, in a new array of their count: sorted in pooled
    /// scratch, so the one allocation is the result.
    /// </summary>
    internal static T[] SortDistinct<T>(ReadOnlySpan<T> values) where T : struct, IEquatable<T>, IComparisonOperators<T, T, bool>
    {
        T[] scratch = ArrayPool<T>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            values.CopyTo(scratch);
            return scratch.AsSpan(0, SortDistinctInPlace(scratch.AsSpan(0, values.Length))).ToArray();
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    /// <summary>Sorts <paramref name="values"/> and moves its distinct values to its front; returns their count.</summary>
    internal static int SortDistinctInPlace<T>(Span<T> values) where T : struct, IEquatable<T>, IComparisonOperators<T, T, bool>
    {
        NumberSort.Sort(values);
        int count = 0;
        for (int i = 0; i < values.Length; i++)
            if (i == 0 || !values[i].Equals(values[i - 1])) values[count++] = values[i];
        return count;
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
