using FsCheck.Xunit;
using ReuseDetect.Internal;

namespace ReuseDetect.Tests.Internal;

public sealed class NumberSortTests
{
    [Property(MaxTest = 200, Replay = "(20261201,362437)")]
    public bool Should_sort_as_the_library_does_whatever_the_order_and_repeats(int seed)
    {
        // Given numbers of any length (past the insertion-sort limit and the heapsort depth), few distinct or many,
        // in random, ascending, descending or organ-pipe order
        var rng = new Random(seed);
        int n = rng.Next(0, 3) switch { 0 => rng.Next(0, 20), 1 => rng.Next(20, 300), _ => rng.Next(300, 5000) };
        long range = rng.Next(2) == 0 ? 4 : long.MaxValue;
        long[] values = new long[n];
        for (int i = 0; i < n; i++) values[i] = rng.NextInt64(-range, range);
        switch (rng.Next(4))
        {
            case 1: Array.Sort(values); break;
            case 2: Array.Sort(values); Array.Reverse(values); break;
            case 3: Array.Sort(values); for (int i = 0; i < n / 2; i++) (values[i], values[n - 1 - i]) = (values[n - 1 - i], values[i]); Array.Reverse(values, 0, n / 2); break;
        }
        long[] expected = [.. values];
        Array.Sort(expected);
        ulong[] unsigned = [.. values.Select(v => (ulong)v)];
        ulong[] expectedUnsigned = [.. unsigned];
        Array.Sort(expectedUnsigned);
        int[] ints = [.. values.Select(v => (int)(v >> 32))];
        int[] expectedInts = [.. ints];
        Array.Sort(expectedInts);
        // When sorted here
        NumberSort.Sort(values.AsSpan());
        NumberSort.Sort(unsigned.AsSpan());
        NumberSort.Sort(ints.AsSpan());
        // Then each equals the library's sort, number for number
        return values.SequenceEqual(expected) && unsigned.SequenceEqual(expectedUnsigned) && ints.SequenceEqual(expectedInts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Should_sort_by_heapsort_past_the_depth_limit(int depthLimit)
    {
        // Given numbers with repeats, and a depth limit that sends every long range to heapsort
        var rng = new Random(depthLimit);
        long[] values = [.. Enumerable.Range(0, 5_000).Select(_ => rng.NextInt64(-50, 50))];
        long[] expected = [.. values.Order()];
        // When sorted
        NumberSort.IntroSort(values.AsSpan(), depthLimit);
        NumberSort.Sort(Span<long>.Empty);
        // Then
        Assert.Equal(expected, values);
    }
}
