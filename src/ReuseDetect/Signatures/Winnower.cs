using System.Runtime.CompilerServices;

namespace ReuseDetect.Signatures;

/// <summary>A selected fingerprint: a shingle hash and the index of its shingle (= index of its first token).</summary>
public readonly record struct Fingerprint(ulong Hash, int Position);

/// <summary>
/// Winnowing (Schleimer, Wilkerson, Aiken 2003): in every window of <c>w</c> consecutive shingle hashes the
/// minimum is selected (the rightmost on ties), and each selection is recorded once. Any run of at least
/// <c>w + n - 1</c> shared tokens therefore shares at least one fingerprint. Runs in O(n) with a monotone deque.
/// </summary>
[SkipLocalsInit]
public static class Winnower
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
        // (the rightmost minimum, since equal hashes evict earlier ones).
        int[] deque = new int[window + 1];
        int head = 0, count = 0, last = -1;
        for (int i = 0; i < n; i++)
        {
            ulong h = shingles[i];
            while (count > 0 && shingles[deque[(head + count - 1) % deque.Length]] >= h) count--;
            deque[(head + count) % deque.Length] = i;
            count++;
            if (deque[head] <= i - window) { head = (head + 1) % deque.Length; count--; }
            if (i >= window - 1)
            {
                int m = deque[head];
                if (m != last)
                {
                    output.Add(new Fingerprint(shingles[m], m));
                    last = m;
                }
            }
        }
    }
}
