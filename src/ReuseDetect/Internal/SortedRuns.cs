namespace ReuseDetect.Internal;

/// <summary>Runs of equal values in sorted arrays (gram tables, fingerprint postings, query index postings).</summary>
static class SortedRuns
{
    /// <summary>The index just past the run of values equal to <paramref name="sorted"/>[<paramref name="start"/>].</summary>
    internal static int End(ReadOnlySpan<ulong> sorted, int start)
    {
        ulong value = sorted[start];
        int end = start + 1;
        while (end < sorted.Length && sorted[end] == value) end++;
        return end;
    }

    /// <summary>The index of the first value of <paramref name="sorted"/> not below <paramref name="value"/> (its run's start when present).</summary>
    internal static int Start(ReadOnlySpan<ulong> sorted, ulong value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
