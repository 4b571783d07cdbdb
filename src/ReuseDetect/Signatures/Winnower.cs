using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReuseDetect.Signatures;

/// <summary>A selected fingerprint: a shingle hash and the index of its shingle (= index of its first token).</summary>
public readonly record struct Fingerprint(ulong Hash, int Position);

/// <summary>
/// Winnowing (Schleimer, Wilkerson, Aiken 2003): in every window of <c>w</c> consecutive shingle hashes the
/// minimum is selected (the rightmost on ties), and each selection is recorded once. Any run of at least
/// <c>w + n - 1</c> shared tokens therefore shares at least one fingerprint. Runs in O(n) with a monotone deque.
/// </summary>
[SkipLocalsInit]
static class Winnower
{
    /// <summary>Selects fingerprints from <paramref name="shingles"/> with window <paramref name="window"/>.</summary>
    public static Fingerprint[] Select(ReadOnlySpan<ulong> shingles, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        // The selections go to pooled scratch of their greatest possible count, then once into an array of their count.
        Fingerprint[] scratch = ArrayPool<Fingerprint>.Shared.Rent(MaxCount(shingles.Length, window));
        try
        {
            return scratch.AsSpan(0, Select(shingles, window, scratch)).ToArray();
        }
        finally
        {
            ArrayPool<Fingerprint>.Shared.Return(scratch);
        }
    }

    /// <summary>The greatest number of fingerprints <paramref name="count"/> shingle hashes give with window <paramref name="window"/>.</summary>
    public static int MaxCount(int count, int window) => count == 0 ? 0 : Math.Max(1, count - window + 1);

    /// <summary>Writes the fingerprints to <paramref name="output"/> (room for <see cref="MaxCount"/>); returns their count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Select(ReadOnlySpan<ulong> shingles, int window, Span<Fingerprint> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int n = shingles.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, MaxCount(n, window));
        if (n == 0) return 0;
        if (n <= window)
        {
            int best = 0;
            for (int i = 1; i < n; i++) if (shingles[i] <= shingles[best]) best = i;
            output[0] = new Fingerprint(shingles[best], best);
            return 1;
        }
        // Deque of indices whose hashes increase strictly from front to back; the front is the window minimum
        // (the rightmost minimum, since equal hashes evict earlier ones). A ring of power-of-two size, so the
        // wrap is a mask (an integer division per step cost more than the rest of the loop).
        int cap = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)window + 1);
        int mask = cap - 1;
        int[]? rented = null;
        Span<int> deque = cap <= 256 ? stackalloc int[cap] : (rented = ArrayPool<int>.Shared.Rent(cap));
        ref ulong h0 = ref MemoryMarshal.GetReference(shingles);
        int head = 0, tail = 0, last = -1, count = 0; // live entries are deque[head..tail) modulo cap
        for (int i = 0; i < n; i++)
        {
            ulong h = Unsafe.Add(ref h0, i);
            while (tail != head && Unsafe.Add(ref h0, deque[(tail - 1) & mask]) >= h) tail--;
            deque[tail & mask] = i;
            tail++;
            if (deque[head & mask] <= i - window) head++;
            if (i >= window - 1)
            {
                int m = deque[head & mask];
                if (m != last)
                {
                    output[count++] = new Fingerprint(Unsafe.Add(ref h0, m), m);
                    last = m;
                }
            }
        }
        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        return count;
    }
}
