using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReuseDetect.Internal;

/// <summary>
/// Sorts a span of numbers ascending (introsort: quicksort on a median of three, insertion sort for short ranges,
/// heapsort past a depth limit), comparing with the type's own operators. Equal numbers cannot be told apart, so the
/// result is the one <see cref="MemoryExtensions.Sort{T}(Span{T})"/> gives, bit for bit.
/// </summary>
/// <remarks>
/// Why not the library's sort: in the native (AOT) build, <c>Span&lt;long&gt;.Sort()</c> and its kin go through
/// <see cref="Comparer{T}.Default"/>, a call per comparison; the JIT build gets a sort specialised for the type. The
/// aligner sorts many short spans of packed positions per pair, and a perf profile of the native build put those
/// comparer-driven sorts at about a tenth of a Reuters-21578 scan's CPU. Here the comparison is the type's operator,
/// inlined in either build.
/// </remarks>
static class NumberSort
{
    const int InsertionLimit = 16;

    /// <summary>Sorts <paramref name="keys"/> ascending, in place.</summary>
    public static void Sort<T>(Span<T> keys) where T : struct, IComparisonOperators<T, T, bool>
    {
        if (keys.Length > 1) IntroSort(keys, 2 * (BitOperations.Log2((uint)keys.Length) + 1));
    }

    /// <summary>Sorts <paramref name="keys"/>, by heapsort once <paramref name="depthLimit"/> partitions deep (internal: tests set a small limit).</summary>
    internal static void IntroSort<T>(Span<T> keys, int depthLimit) where T : struct, IComparisonOperators<T, T, bool>
    {
        while (keys.Length > InsertionLimit)
        {
            if (depthLimit-- == 0)
            {
                HeapSort(keys);
                return;
            }
            int p = Partition(keys);
            IntroSort(keys[(p + 1)..], depthLimit);
            keys = keys[..p];
        }
        InsertionSort(keys);
    }

    /// <summary>
    /// Partitions around the median of the first, middle and last keys; returns the pivot's final place (everything
    /// before it is no greater, everything after no smaller).
    /// </summary>
    static int Partition<T>(Span<T> keys) where T : struct, IComparisonOperators<T, T, bool>
    {
        int hi = keys.Length - 1, mid = hi >> 1;
        // The three in order: keys[0] <= keys[mid] <= keys[hi], so both scans below stop inside the span (the bounds
        // are checked once, here: the scans read through a reference).
        SwapIfGreater(keys, 0, mid);
        SwapIfGreater(keys, 0, hi);
        SwapIfGreater(keys, mid, hi);
        ref T k0 = ref MemoryMarshal.GetReference(keys);
        T pivot = keys[mid];
        Swap(keys, mid, hi - 1);
        int left = 0, right = hi - 1;
        while (left < right)
        {
            while (Unsafe.Add(ref k0, ++left) < pivot) { }
            while (pivot < Unsafe.Add(ref k0, --right)) { }
            if (left >= right) break;
            (Unsafe.Add(ref k0, left), Unsafe.Add(ref k0, right)) = (Unsafe.Add(ref k0, right), Unsafe.Add(ref k0, left));
        }
        if (left != hi - 1) Swap(keys, left, hi - 1);
        return left;
    }

    static void InsertionSort<T>(Span<T> keys) where T : struct, IComparisonOperators<T, T, bool>
    {
        ref T k0 = ref MemoryMarshal.GetReference(keys);
        for (int i = 1; i < keys.Length; i++)
        {
            T t = Unsafe.Add(ref k0, i);
            int j = i - 1;
            while (j >= 0 && t < Unsafe.Add(ref k0, j))
            {
                Unsafe.Add(ref k0, j + 1) = Unsafe.Add(ref k0, j);
                j--;
            }
            Unsafe.Add(ref k0, j + 1) = t;
        }
    }

    static void HeapSort<T>(Span<T> keys) where T : struct, IComparisonOperators<T, T, bool>
    {
        int n = keys.Length;
        for (int i = n / 2 - 1; i >= 0; i--) SiftDown(keys, i, n);
        for (int end = n - 1; end > 0; end--)
        {
            Swap(keys, 0, end);
            SiftDown(keys, 0, end);
        }
    }

    static void SiftDown<T>(Span<T> keys, int i, int n) where T : struct, IComparisonOperators<T, T, bool>
    {
        T d = keys[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && keys[child] < keys[child + 1]) child++;
            if (!(d < keys[child])) break;
            keys[i] = keys[child];
            i = child;
        }
        keys[i] = d;
    }

    static void SwapIfGreater<T>(Span<T> keys, int i, int j) where T : struct, IComparisonOperators<T, T, bool>
    {
        if (keys[i] > keys[j]) Swap(keys, i, j);
    }

    static void Swap<T>(Span<T> keys, int i, int j) => (keys[i], keys[j]) = (keys[j], keys[i]);
}
