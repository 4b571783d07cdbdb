using System.Runtime.CompilerServices;

namespace ReuseDetect.Internal;

/// <summary>
/// Stable least-significant-digit radix sort of 64-bit keys with an int carried beside each: eight passes of one byte
/// (a pass whose byte is the same in every key is skipped), linear in the count and with no comparisons, for the
/// millions of fingerprint postings of a scan. Equal keys keep their input order. A long array is sorted in blocks side
/// by side (<see cref="Sort(ulong[], int[], int, ParallelOptions)"/>): each block counts its own bytes and moves its own
/// keys, to places fixed by the counts of the blocks before it, so the result is the same, byte for byte, as one pass
/// over the whole.
/// </summary>
static class RadixSort
{
    /// <summary>Keys from which a sort is split into <see cref="Blocks"/> blocks.</summary>
    internal const int BlockedFrom = 1 << 16;

    /// <summary>
    /// Blocks of a split sort: a fixed number, not the thread count, so any number of threads sorts the same blocks (and
    /// the scan's timings see a loop of many steps).
    /// </summary>
    const int Blocks = 16;

    /// <summary>
    /// Sorts the first <paramref name="count"/> of <paramref name="keys"/> ascending, moving <paramref name="values"/> (when
    /// not null) with them; a long array in blocks, at most <see cref="ParallelOptions.MaxDegreeOfParallelism"/> at once.
    /// </summary>
    public static void Sort(ulong[] keys, int[]? values, int count, ParallelOptions options)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, keys.Length);
        if (count < BlockedFrom)
        {
            if (values is null) Sort(keys.AsSpan(0, count));
            else Sort(keys.AsSpan(0, count), values.AsSpan(0, count));
            return;
        }
        if (values is not null && values.Length < count) throw new ArgumentException("Fewer values than keys.", nameof(values));
        bool withValues = values is not null;
        int block = (count + Blocks - 1) / Blocks;
        // Each block's count of each byte of the pass's digit, taken as the keys lie before that pass.
        var blockCounts = new int[Blocks][];
        for (int b = 0; b < Blocks; b++) blockCounts[b] = new int[256];
        ulong[] keysFrom = keys, keysTo = GC.AllocateUninitializedArray<ulong>(count);
        int[] valuesFrom = values ?? [], valuesTo = withValues ? GC.AllocateUninitializedArray<int>(count) : [];
        var starts = new int[Blocks][];
        for (int b = 0; b < Blocks; b++) starts[b] = new int[256];
        bool inScratch = false;
        for (int d = 0; d < 8; d++)
        {
            int shift = 8 * d;
            ulong[] kf = keysFrom, kt = keysTo;
            int[] vf = valuesFrom, vt = valuesTo;
            Parallel.For(0, Blocks, options, b =>
            {
                int[] c = blockCounts[b];
                Array.Clear(c);
                foreach (ulong k in kf.AsSpan(b * block, Math.Min(block, count - b * block))) c[(int)((k >> shift) & 0xFF)]++;
            });
            // A pass whose byte is the same in every key moves nothing.
            int total = 0;
            bool single = false;
            for (int v = 0; v < 256 && !single; v++)
            {
                int sum = 0;
                for (int b = 0; b < Blocks; b++) sum += blockCounts[b][v];
                single = sum == count;
            }
            if (single) continue;
            // Block b's keys of byte v go after every block's keys of smaller bytes and the earlier blocks' keys of v.
            for (int v = 0; v < 256; v++)
                for (int b = 0; b < Blocks; b++)
                {
                    starts[b][v] = total;
                    total += blockCounts[b][v];
                }
            Parallel.For(0, Blocks, options, b =>
            {
                int[] next = starts[b];
                int from = b * block, to = Math.Min(count, from + block);
                if (withValues)
                    for (int i = from; i < to; i++)
                    {
                        ulong k = kf[i];
                        int at = next[(int)((k >> shift) & 0xFF)]++;
                        kt[at] = k;
                        vt[at] = vf[i];
                    }
                else
                    for (int i = from; i < to; i++)
                    {
                        ulong k = kf[i];
                        kt[next[(int)((k >> shift) & 0xFF)]++] = k;
                    }
            });
            (keysFrom, keysTo) = (keysTo, keysFrom);
            (valuesFrom, valuesTo) = (valuesTo, valuesFrom);
            inScratch = !inScratch;
        }
        if (inScratch)
        {
            Array.Copy(keysFrom, keys, count);
            if (withValues) Array.Copy(valuesFrom, values!, count);
        }
    }

    /// <summary>Sorts <paramref name="keys"/> ascending, moving <paramref name="values"/> (same length) with them.</summary>
    public static void Sort(Span<ulong> keys, Span<int> values)
    {
        if (keys.Length != values.Length) throw new ArgumentException("Keys and values differ in length.", nameof(values));
        Sort(keys, values, withValues: true);
    }

    /// <summary>Sorts <paramref name="keys"/> ascending.</summary>
    public static void Sort(Span<ulong> keys) => Sort(keys, default, withValues: false);

    // The scratch copies are allocated for the sort and dropped after it, not pooled: a scan sorts postings of millions
    // a few times, once each, and a shared pool would keep every size it saw for the rest of the scan (measured on
    // PAN + BBC: about 90 MiB more at the peak). They are not cleared first: every slot is written before it is read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Sort(Span<ulong> keys, Span<int> values, bool withValues)
    {
        int n = keys.Length;
        if (n < 2) return;
        Span<int> counts = stackalloc int[8 * 256];
        counts.Clear();
        foreach (ulong k in keys)
            for (int d = 0; d < 8; d++) counts[(d << 8) | (int)((k >> (8 * d)) & 0xFF)]++;
        ulong[] scratchKeys = GC.AllocateUninitializedArray<ulong>(n);
        int[] scratchValues = withValues ? GC.AllocateUninitializedArray<int>(n) : [];
        Passes(keys, values, counts, scratchKeys, scratchValues, withValues);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Passes(Span<ulong> keys, Span<int> values, ReadOnlySpan<int> counts, Span<ulong> scratchKeys, Span<int> scratchValues, bool withValues)
    {
        int n = keys.Length;
        // Passes alternate between the caller's spans and a scratch copy; an odd number of passes copies back.
        Span<ulong> keysFrom = keys, keysTo = scratchKeys;
        Span<int> valuesFrom = values, valuesTo = scratchValues;
        Span<int> next = stackalloc int[256];
        bool inScratch = false;
        for (int d = 0; d < 8; d++)
        {
            ReadOnlySpan<int> count = counts.Slice(d << 8, 256);
            if (count.Contains(n)) continue;
            int sum = 0;
            for (int b = 0; b < 256; b++)
            {
                next[b] = sum;
                sum += count[b];
            }
            int shift = 8 * d;
            if (withValues)
            {
                for (int i = 0; i < n; i++)
                {
                    ulong k = keysFrom[i];
                    int at = next[(int)((k >> shift) & 0xFF)]++;
                    keysTo[at] = k;
                    valuesTo[at] = valuesFrom[i];
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    ulong k = keysFrom[i];
                    keysTo[next[(int)((k >> shift) & 0xFF)]++] = k;
                }
            }
            Span<ulong> k2 = keysFrom;
            keysFrom = keysTo;
            keysTo = k2;
            Span<int> v2 = valuesFrom;
            valuesFrom = valuesTo;
            valuesTo = v2;
            inScratch = !inScratch;
        }
        if (inScratch)
        {
            keysFrom.CopyTo(keys);
            if (withValues) valuesFrom.CopyTo(values);
        }
    }

    /// <summary>Sorts the values of each run of equal keys (after <see cref="Sort(Span{ulong}, Span{int})"/>), so pairs are ordered by key, then value.</summary>
    public static void SortRuns(ReadOnlySpan<ulong> keys, Span<int> values)
    {
        for (int i = 0; i < keys.Length;)
        {
            int j = i + 1;
            bool ordered = true;
            while (j < keys.Length && keys[j] == keys[i])
            {
                ordered &= values[j] >= values[j - 1];
                j++;
            }
            if (!ordered) NumberSort.Sort(values[i..j]);
            i = j;
        }
    }
}
