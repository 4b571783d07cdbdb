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
        var list = new List<Fingerprint>(shingles.Length * 2 / (window + 1) + 2);
        Select(shingles, window, list);
        return [.. list];
    }

    /// <summary>Appends the fingerprints to <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Select(ReadOnlySpan<ulong> shingles, int window, List<Fingerprint> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentNullException.ThrowIfNull(output);
        int n = shingles.Length;
        if (n == 0) return;
        if (n <= window)
        {
            int best = 0;
            for (int i = 1; i < n; i++) if (shingles[i] <= shingles[best]) best = i;
            output.Add(new Fingerprint(shingles[best], best));
            return;
        }
        // Deque of indices whose hashes increase strictly from front to back; the front is the window minimum
        // (the rightmost minimum, since equal hashes evict earlier ones). A ring of power-of-two size, so the
        // wrap is a mask (an integer division per step cost more than the rest of the loop).
        int cap = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)window + 1);
        int mask = cap - 1;
        int[]? rented = null;
        Span<int> deque = cap <= 256 ? stackalloc int[cap] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(cap));
        ref ulong h0 = ref MemoryMarshal.GetReference(shingles);
        int head = 0, tail = 0, last = -1; // live entries are deque[head..tail) modulo cap
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
                    output.Add(new Fingerprint(Unsafe.Add(ref h0, m), m));
                    last = m;
                }
            }
        }
        if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
    }
}
