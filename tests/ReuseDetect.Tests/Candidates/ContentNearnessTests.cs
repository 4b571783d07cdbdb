using ReuseDetect.Candidates;
using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Candidates;

public sealed class ContentNearnessTests
{
    /// <summary>A text's fingerprints as <see cref="ContentShingles.Located(TokenizedText, ulong[])"/> gives them: by hash, then place.</summary>
    static (ulong[] Hashes, int[] Places) Prints(params (ulong Hash, int Place)[] prints)
    {
        var sorted = prints.OrderBy(p => p.Hash).ThenBy(p => p.Place).ToArray();
        return ([.. sorted.Select(p => p.Hash)], [.. sorted.Select(p => p.Place)]);
    }

    static bool Near((ulong[] Hashes, int[] Places) a, (ulong[] Hashes, int[] Places) b, int count = 3, IReadOnlySet<ulong>? excluded = null) =>
        ContentNearness.SharedNear(a.Hashes, a.Places, b.Hashes, b.Places, excluded, count, count);

    static bool Related((ulong[] Hashes, int[] Places) a, (ulong[] Hashes, int[] Places) b) =>
        ContentNearness.Related(a.Hashes, a.Places, b.Hashes, b.Places, null);

    [Fact]
    public void Should_relate_texts_sharing_three_fingerprints_two_of_them_together()
    {
        // Given three shared fingerprints, two of them together in both texts (a short, heavily edited passage) and one far off
        var a = Prints((1, 100), (2, 120), (3, 900));
        var b = Prints((1, 10), (2, 40), (3, 2000));
        Assert.True(Related(a, b));
        // Not when none lie together (a topic's words through two long texts)
        Assert.False(Related(Prints((1, 100), (2, 500), (3, 900)), Prints((1, 10), (2, 400), (3, 2000))));
        // Nor when only two are shared, however close
        Assert.False(Related(Prints((1, 100), (2, 101)), Prints((1, 10), (2, 11))));
    }

    [Fact]
    public void Should_count_shared_fingerprints_that_lie_together_in_both_texts()
    {
        // Given three shared fingerprints within a stretch in both texts, at other places in each
        var a = Prints((1, 100), (2, 130), (3, 150), (9, 400));
        var b = Prints((1, 5), (2, 40), (3, 80), (8, 900));
        // Then they lie near each other
        Assert.True(Near(a, b));
    }

    [Fact]
    public void Should_not_count_shared_fingerprints_scattered_through_one_text()
    {
        // Given the same three shared fingerprints, together in A but spread over B (a topic's words, not a passage)
        var a = Prints((1, 100), (2, 130), (3, 150));
        var b = Prints((1, 5), (2, 400), (3, 1200));
        Assert.False(Near(a, b));
        // Nor when two are together and the third is a stretch away in both
        var c = Prints((1, 100), (2, 110), (3, 100 + ContentNearness.Places + 1));
        var d = Prints((1, 10), (2, 20), (3, 10 + ContentNearness.Places + 1));
        Assert.False(Near(c, d));
        Assert.True(Near(c, d, count: 2));
    }

    [Fact]
    public void Should_count_a_hash_once_however_often_it_recurs()
    {
        // Given one pair of content words repeated close by in both texts ("prime minister … the prime minister")
        var a = Prints((1, 10), (1, 20), (1, 30), (2, 35));
        var b = Prints((1, 50), (1, 60), (2, 65));
        // Then it is one shared fingerprint, not several
        Assert.False(Near(a, b));
        Assert.True(Near(a, b, count: 2));
    }

    [Fact]
    public void Should_leave_out_the_excluded_fingerprints()
    {
        var a = Prints((1, 10), (2, 20), (3, 30));
        var b = Prints((1, 10), (2, 20), (3, 30));
        Assert.True(Near(a, b));
        Assert.False(Near(a, b, excluded: new HashSet<ulong> { 2 }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_agree_with_a_search_of_every_set_of_hits_and_be_symmetric(int seed)
    {
        // Given random texts over a small hash pool (so hashes recur and are shared)
        var random = new Random(seed);
        for (int round = 0; round < 300; round++)
        {
            var a = Prints(RandomPrints(random));
            var b = Prints(RandomPrints(random));
            int count = random.Next(1, 5);
            bool expected = Reference(a, b, count);
            // Then the sweep finds a set exactly when one exists, whichever text comes first
            Assert.Equal(expected, Near(a, b, count));
            Assert.Equal(expected, Near(b, a, count));
        }
    }

    static (ulong, int)[] RandomPrints(Random random)
    {
        int n = random.Next(0, 25);
        var places = Enumerable.Range(0, 600).OrderBy(_ => random.Next()).Take(n);
        return [.. places.Select(p => ((ulong)random.Next(12), p))];
    }

    /// <summary>Whether some box of Places x Places places holds hits of <paramref name="count"/> distinct hashes, by trying every box corner.</summary>
    static bool Reference((ulong[] Hashes, int[] Places) a, (ulong[] Hashes, int[] Places) b, int count)
    {
        if (count <= 0) return true;
        var hits = new List<(ulong Hash, int A, int B)>();
        for (int i = 0; i < a.Hashes.Length; i++)
            for (int j = 0; j < b.Hashes.Length; j++)
                if (a.Hashes[i] == b.Hashes[j]) hits.Add((a.Hashes[i], a.Places[i], b.Places[j]));
        foreach (var (_, a0, _) in hits)
            foreach (var (_, _, b0) in hits)
                if (hits.Where(h => h.A >= a0 && h.A - a0 <= ContentNearness.Places && h.B >= b0 && h.B - b0 <= ContentNearness.Places)
                        .Select(h => h.Hash).Distinct().Count() >= count)
                    return true;
        return false;
    }

    [Fact]
    public void Should_place_each_fingerprint_at_its_content_word_pair()
    {
        // Given a text whose content words are all distinct
        const string Text = "museum curators opened exhibitions while farmers harvested apricots despite drought";
        TokenizedText tokens = Tokenizer.Tokenize(Text);
        ContentPrints prints = ContentShingles.Located(tokens, Text);
        // Then each hash has one place, places index the content word pairs, and hashes ascend
        Assert.NotEmpty(prints.Hashes);
        Assert.Equal(prints.Hashes.Length, prints.Places.Length);
        Assert.Equal(prints.Hashes.Order(), prints.Hashes);
        Assert.Equal(prints.Places.Length, prints.Places.Distinct().Count());
        Assert.All(prints.Places, p => Assert.InRange(p, 0, 8));
    }
}
