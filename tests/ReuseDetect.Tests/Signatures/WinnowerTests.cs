using FsCheck.Xunit;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Signatures;

public sealed class WinnowerTests
{
    [Fact]
    public void Should_select_the_rightmost_minimum_of_each_window_once()
    {
        // Windows of 3: [5 3 7]→3@1, [3 7 3]→3@3 (rightmost), [7 3 9]→3@3 again, [3 9 1]→1@5, [9 1 4]→1@5 again.
        var fps = Winnower.Select([5, 3, 7, 3, 9, 1, 4], 3);
        Assert.Equal([new(3, 1), new(3, 3), new(1, 5)], fps);
    }

    [Fact]
    public void Should_handle_short_and_empty_input()
    {
        Assert.Equal([new Fingerprint(2, 2)], Winnower.Select([4, 2, 2], 5)); // one window: rightmost minimum
        Assert.Equal([new Fingerprint(4, 0)], Winnower.Select([4], 1));
        Assert.Empty(Winnower.Select([], 4));
        Assert.Equal([new(1, 0), new(2, 1), new(3, 2)], Winnower.Select([1, 2, 3], 1)); // w = 1 keeps everything
        Assert.Throws<ArgumentOutOfRangeException>(() => Winnower.Select([1], 0));
    }

    [Fact]
    public void Should_select_one_fingerprint_per_constant_run()
    {
        // Equal hashes: every window's rightmost minimum is its last element, so each one is selected.
        Assert.Equal(Enumerable.Range(1, 4).Select(i => new Fingerprint(9, i)), Winnower.Select([9, 9, 9, 9, 9], 2));
    }

    [Property(MaxTest = 60, Replay = "(20260101,1664525)")]
    public bool Any_shared_run_of_w_plus_n_minus_1_tokens_shares_a_fingerprint(int seed)
    {
        // Given two random token streams (small vocabulary, so ties happen) that share a run of w + n - 1 tokens
        var rng = new Random(seed);
        int n = rng.Next(1, 6), w = rng.Next(1, 12), run = w + n - 1 + rng.Next(0, 3);
        ulong[] shared = Tokens(rng, run);
        int beforeA = rng.Next(0, 40), beforeB = rng.Next(0, 40);
        ulong[] a = [.. Tokens(rng, beforeA), .. shared, .. Tokens(rng, rng.Next(0, 40))];
        ulong[] b = [.. Tokens(rng, beforeB), .. shared, .. Tokens(rng, rng.Next(0, 40))];
        // When both are shingled and winnowed
        var fa = Winnower.Select(Shingler.Hash(a, n), w);
        var fb = Winnower.Select(Shingler.Hash(b, n), w);
        // Then some fingerprint of the run's shingles is selected in both texts
        int lastShingle = run - n;
        var inA = fa.Where(f => f.Position >= beforeA && f.Position <= beforeA + lastShingle).Select(f => f.Hash).ToHashSet();
        return fb.Any(f => f.Position >= beforeB && f.Position <= beforeB + lastShingle && inA.Contains(f.Hash));
    }

    [Property(MaxTest = 100, Replay = "(20261201,1013904223)")]
    public bool Should_select_what_a_brute_force_walk_over_the_windows_selects_within_its_bound(int seed)
    {
        // Given random hashes (few values, so ties happen) and a window
        var rng = new Random(seed);
        int w = rng.Next(1, 10);
        ulong[] hashes = Tokens(rng, rng.Next(0, 60));
        // When they are winnowed into a buffer of exactly the greatest count the bound gives
        var buffer = new Fingerprint[Winnower.MaxCount(hashes.Length, w)];
        int count = Winnower.Select(hashes, w, buffer);
        // Then the selections are each window's rightmost minimum, once per place, as the array overload gives them
        var expected = new List<Fingerprint>();
        for (int start = 0; start == 0 || start + w <= hashes.Length; start++)
        {
            int end = Math.Min(hashes.Length, start + w), best = -1;
            for (int i = start; i < end; i++) if (best < 0 || hashes[i] <= hashes[best]) best = i;
            if (best >= 0 && (expected.Count == 0 || expected[^1].Position != best)) expected.Add(new Fingerprint(hashes[best], best));
        }
        return buffer.AsSpan(0, count).SequenceEqual(expected.ToArray()) && Winnower.Select(hashes, w).AsSpan().SequenceEqual(expected.ToArray());
    }

    static ulong[] Tokens(Random rng, int count)
    {
        var t = new ulong[count];
        for (int i = 0; i < count; i++) t[i] = (ulong)rng.Next(6) * 0x9E3779B97F4A7C15UL;
        return t;
    }
}
