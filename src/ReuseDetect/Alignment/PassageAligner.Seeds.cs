using System.Runtime.InteropServices;
using ReuseDetect.Shingling;

namespace ReuseDetect.Alignment;

public sealed partial class PassageAligner
{
    /// <summary>Gram hashes of one text with the token range each gram spans.</summary>
    readonly record struct Grams(ulong[] Hashes, int[] Starts, int[] Ends);

    /// <summary>All seeds, sorted by A then B, without duplicates.</summary>
    Seed[] FindSeeds(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, bool self)
    {
        var seeds = new List<Seed>();
        Grams ga = ExactGrams(a, _options.SeedSize);
        AddSeeds(ga, self ? ga : ExactGrams(b, _options.SeedSize), self, exact: true, seeds);
        if (_options.ContentSeedSize > 0)
        {
            Grams ca = ContentGrams(a, _options.ContentSeedSize);
            AddSeeds(ca, self ? ca : ContentGrams(b, _options.ContentSeedSize), self, exact: false, seeds);
        }
        Seed[] arr = [.. seeds];
        Array.Sort(arr);
        return arr;
    }

    static Grams ExactGrams(ReadOnlySpan<ulong> tokens, int k)
    {
        ulong[] hashes = Shingler.Hash(tokens, k);
        var starts = new int[hashes.Length];
        var ends = new int[hashes.Length];
        for (int i = 0; i < hashes.Length; i++)
        {
            starts[i] = i;
            ends[i] = Math.Min(tokens.Length, i + k);
        }
        return new Grams(hashes, starts, ends);
    }

    /// <summary>
    /// Unordered runs of <paramref name="m"/> consecutive content words: the hash of the sorted token hashes, so
    /// "results of the study" and "study results" share the seed {results, study}.
    /// </summary>
    static Grams ContentGrams(ReadOnlySpan<ulong> tokens, int m)
    {
        var positions = new List<int>(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
            if (!StopWords.Contains(tokens[i])) positions.Add(i);
        int count = positions.Count < m ? 0 : positions.Count - m + 1;
        var hashes = new ulong[count];
        var starts = new int[count];
        var ends = new int[count];
        Span<ulong> run = stackalloc ulong[Math.Min(m, 64)];
        if (m > 64) throw new ArgumentOutOfRangeException(nameof(m));
        for (int x = 0; x < count; x++)
        {
            for (int y = 0; y < m; y++) run[y] = tokens[positions[x + y]];
            run.Sort();
            // The distinct length tag keeps a sorted bag from colliding with an exact n-gram of the same words.
            hashes[x] = Shingler.Mix(run) ^ 0xC0417E47B16AA5EDUL;
            starts[x] = positions[x];
            ends[x] = positions[x + m - 1] + 1;
        }
        return new Grams(hashes, starts, ends);
    }

    void AddSeeds(Grams ga, Grams gb, bool self, bool exact, List<Seed> seeds)
    {
        int maxOcc = _options.MaxOccurrences;
        ulong[] ha = ga.Hashes, hb = gb.Hashes;
        // Positions of each A gram, chained: head[h] is the first position, next[i] the following one.
        var head = new Dictionary<ulong, (int First, int Count)>(ha.Length);
        var next = new int[ha.Length];
        for (int i = ha.Length - 1; i >= 0; i--)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(head, ha[i], out bool exists);
            next[i] = exists ? slot.First : -1;
            slot = (i, exists ? slot.Count + 1 : 1);
        }
        Dictionary<ulong, int>? countB = null;
        if (!self)
        {
            countB = new Dictionary<ulong, int>(hb.Length);
            foreach (ulong h in hb) CollectionsMarshal.GetValueRefOrAddDefault(countB, h, out _)++;
        }
        for (int j = 0; j < hb.Length; j++)
        {
            if (!head.TryGetValue(hb[j], out var entry) || entry.Count > maxOcc) continue;
            if (countB is not null && countB[hb[j]] > maxOcc) continue;
            int bs = gb.Starts[j], bl = gb.Ends[j] - bs;
            for (int i = entry.First; i >= 0; i = next[i])
            {
                if (self && i >= j) break;
                int a0 = ga.Starts[i];
                seeds.Add(new Seed(a0, bs, ga.Ends[i] - a0, bl, exact));
            }
        }
    }
}
