namespace ReuseDetect.Internal;

/// <summary>Runs of equal values in sorted arrays (gram tables, fingerprint postings).</summary>
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
}
