namespace ReuseDetect.Testbed;

/// <summary>
/// The generator's only source of randomness: SplitMix64 from a seed, so the same seed gives the same ecosystem in
/// every process and on every runtime (System.Random's seeded sequence is not a documented contract).
/// </summary>
sealed class Rng(ulong seed)
{
    ulong _state = seed;

    /// <summary>A new generator whose sequence depends on this one's seed and <paramref name="salt"/> only.</summary>
    public Rng Fork(ulong salt) => new(Mix(_state ^ (salt * 0x9E3779B97F4A7C15UL)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="n"/>).</summary>
    public int Next(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)((NextUInt64() >> 11) % (ulong)n);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>] (both included).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index chosen with the given weights.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        double x = NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>Fisher-Yates in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
