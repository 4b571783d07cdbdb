using System.Runtime.InteropServices;
using ReuseDetect.Alignment;
using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Alignment;

/// <summary>
/// The per-text seed grams joined by sorted merge must give exactly the seeds of the per-pair dictionary join they
/// replaced (kept here as the reference), and aligning prepared texts the same passages as aligning their tokens.
/// </summary>
public sealed class SeedGramsTests
{
    // A small vocabulary with function words, so grams repeat (some beyond MaxOccurrences) and content runs skip words.
    static readonly string[] s_words =
        ["the", "of", "and", "to", "in", "budget", "vote", "river", "farm", "loan", "pump", "winter", "court", "judge", "rain", "harvest"];

    static ulong[] RandomTokens(Random random, int count, int vocabulary)
    {
        var words = new string[count];
        for (int i = 0; i < count; i++) words[i] = s_words[random.Next(Math.Min(vocabulary, s_words.Length))];
        return Tokenizer.Tokenize(string.Join(' ', words)).TokenHashes.ToArray();
    }

    /// <summary>A copy of <paramref name="source"/> with a few stretches of <paramref name="other"/> spliced in (shared runs).</summary>
    static ulong[] Splice(Random random, ulong[] source, ulong[] other)
    {
        var result = new List<ulong>(source);
        for (int k = 0; k < 3 && other.Length > 10; k++)
        {
            int from = random.Next(other.Length - 10), length = random.Next(5, Math.Min(40, other.Length - from));
            result.InsertRange(random.Next(result.Count + 1), other.AsSpan(from, length).ToArray());
        }
        return [.. result];
    }

    public static TheoryData<int, int, int, int> Options => new()
    {
        { 3, 0, 16, 1 }, { 3, 1, 8, 2 }, { 2, 2, 3, 3 }, { 1, 0, 1, 4 }, { 4, 3, 16, 5 }, { 3, 0, 2, 6 },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Sorted_join_gives_the_seeds_of_the_dictionary_join(int seedSize, int contentSeedSize, int maxOccurrences, int seed)
    {
        var options = new AlignmentOptions { SeedSize = seedSize, ContentSeedSize = contentSeedSize, MaxOccurrences = maxOccurrences };
        var aligner = new PassageAligner(options);
        var random = new Random(seed);
        for (int round = 0; round < 40; round++)
        {
            // Given two texts of varied lengths (one sometimes far longer, or empty) over a small vocabulary
            int vocabulary = random.Next(3, s_words.Length + 1);
            ulong[] a = RandomTokens(random, random.Next(0, 300), vocabulary);
            ulong[] b = round % 4 == 0 ? Splice(random, RandomTokens(random, random.Next(0, 2000), vocabulary), a)
                : RandomTokens(random, random.Next(0, 300), vocabulary);
            // When seeds are found by both joins, between the texts and inside one
            // Then they are the same seeds in the same order
            Assert.Equal(ReferenceSeeds(a, b, self: false, options), aligner.FindSeeds(a, b, self: false));
            Assert.Equal(ReferenceSeeds(b, a, self: false, options), aligner.FindSeeds(b, a, self: false));
            Assert.Equal(ReferenceSeeds(a, a, self: true, options), aligner.FindSeeds(a, a, self: true));
        }
    }

    [Theory]
    [InlineData(false, 11)]
    [InlineData(true, 12)]
    public void Prepared_texts_align_as_their_tokens(bool pan, int seed)
    {
        // Given texts that share spliced stretches, and an aligner of the news or the PAN options
        var aligner = new PassageAligner(pan ? AlignmentOptions.Pan : new AlignmentOptions());
        var random = new Random(seed);
        ulong[] source = RandomTokens(random, 600, s_words.Length);
        var texts = new List<ulong[]> { source };
        for (int k = 0; k < 5; k++) texts.Add(Splice(random, RandomTokens(random, random.Next(50, 400), s_words.Length), source));
        texts.Add(Splice(random, source, source));
        // When each text is prepared once and aligned against every other
        var grams = texts.ConvertAll(t => aligner.Prepare(t));
        for (int x = 0; x < texts.Count; x++)
        {
            Assert.Equal(texts[x].Length, grams[x].TokenCount);
            Assert.Equal(aligner.AlignSelf(texts[x]), aligner.AlignSelf(grams[x]));
            for (int y = 0; y < texts.Count; y++)
                // Then every pair gives the passages of aligning the tokens
                Assert.Equal(aligner.Align(texts[x], texts[y]), aligner.Align(grams[x], grams[y]));
        }
    }

    [Fact]
    public void Grams_prepared_under_other_options_are_refused()
    {
        var news = new PassageAligner(new AlignmentOptions());
        var pan = new PassageAligner(new AlignmentOptions { SeedSize = 4 });
        SeedGrams grams = news.Prepare(RandomTokens(new Random(3), 100, s_words.Length));
        Assert.True(news.CanUse(grams));
        Assert.False(pan.CanUse(grams));
        Assert.Throws<ArgumentException>(() => pan.Align(grams, grams));
        Assert.Throws<ArgumentException>(() => pan.AlignSelf(grams));
        // Options that do not change the grams (gaps, coverage) may share them
        Assert.True(new PassageAligner(new AlignmentOptions { MaxGap = 30, MinCoverage = 0.2 }).CanUse(grams));
    }

    [Fact]
    public void Diagonal_run_test_agrees_with_counting_runs()
    {
        var random = new Random(5);
        for (int round = 0; round < 300; round++)
        {
            // Given distinct seed starts, dense enough to form diagonal runs
            int span = random.Next(2, 30);
            var set = new HashSet<(int A, int B)>();
            for (int k = random.Next(0, 120); k > 0; k--) set.Add((random.Next(span), random.Next(span)));
            ulong[] keys = [.. set.Select(p => ((ulong)(uint)p.A << 32) | (uint)p.B).Order()];
            int longest = 0;
            foreach ((int a, int b) in set)
            {
                int t = 0;
                while (set.Contains((a + t, b + t))) t++;
                longest = Math.Max(longest, t);
            }
            // Then a run of `need` seeds is found exactly when the longest run is that long
            for (int need = 0; need <= 8; need++)
                Assert.Equal(longest >= need && (need > 0 || set.Count > 0), PassageAligner.HasDiagonalRun(keys, need));
        }
    }

    /// <summary>The seed finder as it was before per-text grams: both texts' grams and two dictionaries per pair.</summary>
    static PassageAligner.Seed[] ReferenceSeeds(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, bool self, AlignmentOptions options)
    {
        var seeds = new List<PassageAligner.Seed>();
        Grams ga = ExactGrams(a, options.SeedSize);
        AddSeeds(ga, self ? ga : ExactGrams(b, options.SeedSize), self, exact: true, options.MaxOccurrences, seeds);
        if (options.ContentSeedSize > 0)
        {
            Grams ca = ContentGrams(a, options.ContentSeedSize);
            AddSeeds(ca, self ? ca : ContentGrams(b, options.ContentSeedSize), self, exact: false, options.MaxOccurrences, seeds);
        }
        PassageAligner.Seed[] arr = [.. seeds];
        Array.Sort(arr);
        return arr;
    }

    readonly record struct Grams(ulong[] Hashes, int[] Starts, int[] Ends);

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

    static Grams ContentGrams(ReadOnlySpan<ulong> tokens, int m)
    {
        var positions = new List<int>(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
            if (!StopWords.Contains(tokens[i])) positions.Add(i);
        int count = positions.Count < m ? 0 : positions.Count - m + 1;
        var hashes = new ulong[count];
        var starts = new int[count];
        var ends = new int[count];
        var run = new ulong[m];
        for (int x = 0; x < count; x++)
        {
            for (int y = 0; y < m; y++) run[y] = tokens[positions[x + y]];
            Array.Sort(run);
            hashes[x] = Shingler.Mix(run) ^ 0xC0417E47B16AA5EDUL;
            starts[x] = positions[x];
            ends[x] = positions[x + m - 1] + 1;
        }
        return new Grams(hashes, starts, ends);
    }

    static void AddSeeds(Grams ga, Grams gb, bool self, bool exact, int maxOcc, List<PassageAligner.Seed> seeds)
    {
        ulong[] ha = ga.Hashes, hb = gb.Hashes;
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
                seeds.Add(new PassageAligner.Seed(a0, bs, ga.Ends[i] - a0, bl, exact));
            }
        }
    }

    [Fact]
    public void Should_prepare_the_same_grams_from_stems_made_beforehand()
    {
        // Given a text with names, function words and reworded runs, and its stems made once by the caller
        const string text = "Armenian Prime Minister Nikol Pashinian said on Monday that the border talks would resume, "
            + "and that the talks on the border had resumed after the ministers agreed on the agenda.";
        TokenizedText tokens = Tokenizer.Tokenize(text);
        ulong[] stems = WordStems.Of(tokens, text);
        foreach (AlignmentOptions options in new[] { new AlignmentOptions(), new AlignmentOptions { ContentSeedSize = 0 }, AlignmentOptions.Pan })
        {
            var aligner = new PassageAligner(options);
            // When the grams are prepared with those stems and without them
            SeedGrams given = aligner.PrepareWithStems(tokens, text, stems), made = aligner.Prepare(tokens, text);
            // Then every table is the same
            Assert.Equal(made.Kinds, given.Kinds);
            Assert.Equal(made.Exact.Hashes.ToArray(), given.Exact.Hashes.ToArray());
            Assert.Equal(made.Exact.Grams.ToArray(), given.Exact.Grams.ToArray());
            Assert.Equal(made.Content?.Hashes.ToArray(), given.Content?.Hashes.ToArray());
            Assert.Equal(made.Content?.Positions, given.Content?.Positions);
            Assert.Equal(made.Pairs?.Hashes.ToArray(), given.Pairs?.Hashes.ToArray());
        }
    }
}
