using ReuseDetect.Internal;

namespace ReuseDetect.Tests.Internal;

public sealed class ArrayRecyclerTests
{
    [Fact]
    public void Sizes_lie_on_a_grid_an_eighth_apart_and_exact_below_sixteen()
    {
        for (int n = 1; n < 100_000; n++)
        {
            int size = ArrayRecycler<int>.SizeFor(n);
            Assert.True(size >= n);
            if (n <= 15) Assert.Equal(n, size);
            else Assert.True(8L * (size - n) <= size, $"{n} -> {size}");
            // A size on the grid is its own size
            Assert.Equal(size, ArrayRecycler<int>.SizeFor(size));
        }
        Assert.Equal(0, ArrayRecycler<int>.SizeFor(0));
        Assert.Equal(new[] { 16, 18, 18, 30, 32, 32, 36 }, new[] { 16, 17, 18, 29, 31, 32, 33 }.Select(ArrayRecycler<int>.SizeFor));
    }

    [Fact]
    public void A_returned_array_is_given_again_for_its_size_or_a_little_less()
    {
        // Given a recycler and an array taken from it and given back
        var recycler = new ArrayRecycler<ulong>(1 << 20);
        ulong[] first = recycler.Rent(100);
        Assert.Equal(ArrayRecycler<ulong>.SizeFor(100), first.Length);
        recycler.Return(first);
        Assert.Equal(8L * first.Length, recycler.HeldBytes);
        // Then the next ask for that size, or up to three grid steps less, gets it back
        Assert.Same(first, recycler.Rent(100));
        recycler.Return(first);
        Assert.Same(first, recycler.Rent(80));
        recycler.Return(first);
        // But not an ask for much less (it would hold too much slack) or for more
        Assert.NotSame(first, recycler.Rent(50));
        Assert.NotSame(first, recycler.Rent(first.Length + 1));
        Assert.Same(first, recycler.Rent(first.Length));
        Assert.Equal(0, recycler.HeldBytes);
    }

    [Fact]
    public void Arrays_off_the_grid_and_beyond_the_capacity_are_left_to_the_collector()
    {
        var recycler = new ArrayRecycler<int>(capacityBytes: 4 * 40);
        // An array of a length the grid does not make is not kept
        recycler.Return(new int[17]);
        recycler.Return([]);
        recycler.Return(null);
        Assert.Equal(0, recycler.HeldBytes);
        // Free arrays are held up to the capacity
        int[] a = recycler.Rent(32), b = recycler.Rent(32);
        recycler.Return(a);
        recycler.Return(b);
        Assert.Equal(4 * 32, recycler.HeldBytes);
        Assert.Same(a, recycler.Rent(32));
        // And Clear lets go of them all
        recycler.Return(a);
        recycler.Clear();
        Assert.Equal(0, recycler.HeldBytes);
        Assert.NotSame(a, recycler.Rent(32));
    }

    [Fact]
    public void Renting_and_returning_from_many_threads_never_hands_one_array_to_two_users()
    {
        var recycler = new ArrayRecycler<int>(1 << 20);
        var owners = new System.Collections.Concurrent.ConcurrentDictionary<int[], int>(ReferenceEqualityComparer.Instance);
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int[] array = recycler.Rent(1 + i % 300);
            Assert.True(owners.TryAdd(array, i));
            array.AsSpan().Fill(i);
            Assert.All(array, v => Assert.Equal(i, v));
            Assert.True(owners.TryRemove(array, out _));
            recycler.Return(array);
        });
    }
}
