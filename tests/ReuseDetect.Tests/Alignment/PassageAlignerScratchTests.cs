using ReuseDetect.Alignment;
using ReuseDetect.Text;
using static ReuseDetect.Tests.Alignment.PassageAlignerTests;

namespace ReuseDetect.Tests.Alignment;

/// <summary>
/// An aligner keeps its working storage (seeds, disjoint sets, seed groups, lists of boxes) from one alignment to the
/// next: nothing of one pair may leak into another, whatever order the pairs come in.
/// </summary>
public sealed class PassageAlignerScratchTests
{
    public static TheoryData<bool> Presets => new() { false, true };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Should_align_pairs_alike_with_one_aligner_in_any_order_and_with_fresh_aligners(bool pan)
    {
        // Given texts of many sizes sharing copied, edited and repeated passages, and every pair of them (and each alone)
        AlignmentOptions options = pan ? AlignmentOptions.Pan : new AlignmentOptions();
        List<ulong[]> texts = Texts(seed: 5);
        var pairs = new List<(int A, int B, bool Anchored)>();
        for (int a = 0; a < texts.Count; a++)
            for (int b = a; b < texts.Count; b++)
                pairs.Add((a, b, (a + b) % 3 == 0));
        // When each pair is aligned by a fresh aligner, and by one aligner in order, backwards and shuffled
        List<string> expected = [.. pairs.Select(p => Describe(new PassageAligner(options), texts, p))];
        var shared = new PassageAligner(options);
        int[] forwards = [.. Enumerable.Range(0, pairs.Count)], backwards = [.. forwards.Reverse()], shuffled = [.. forwards];
        new Random(3).Shuffle(shuffled);
        foreach (int[] order in new[] { forwards, backwards, shuffled })
        {
            var got = new string[pairs.Count];
            foreach (int i in order) got[i] = Describe(shared, texts, pairs[i]);
            // Then every pair gives the same passages
            Assert.Equal(expected, got);
        }
        // And the pairs find passages of every kind at all (the test is not vacuous)
        Assert.Contains(expected, e => e.Length > 0);
    }

    [Fact]
    public void Should_align_alike_when_threads_share_one_aligner()
    {
        // Given one aligner shared by threads (each alignment takes the working storage, or makes its own when taken)
        List<ulong[]> texts = Texts(seed: 9);
        var aligner = new PassageAligner(new AlignmentOptions());
        var pairs = (from a in Enumerable.Range(0, texts.Count) from b in Enumerable.Range(0, texts.Count) where a < b select (a, b, false)).ToList();
        List<string> expected = [.. pairs.Select(p => Describe(new PassageAligner(aligner.Options), texts, p))];
        // When they align every pair side by side, several times over
        var got = new string[pairs.Count * 4];
        Parallel.For(0, got.Length, i => got[i] = Describe(aligner, texts, pairs[i % pairs.Count]));
        // Then each gives what a fresh aligner gives
        for (int i = 0; i < got.Length; i++) Assert.Equal(expected[i % pairs.Count], got[i]);
    }

    static string Describe(PassageAligner aligner, List<ulong[]> texts, (int A, int B, bool Anchored) pair)
    {
        List<AlignedPassage> found = pair.A == pair.B
            ? aligner.AlignSelf(aligner.Prepare(texts[pair.A]))
            : aligner.AlignEitherWay(aligner.Prepare(texts[pair.A]), aligner.Prepare(texts[pair.B]), pair.Anchored);
        return string.Join(";", found.Select(p => $"{p.AStart}-{p.AEnd}/{p.BStart}-{p.BEnd}/{p.MatchedA},{p.MatchedB},{p.Anchored}"));
    }

    /// <summary>
    /// Token sequences, large and small in turn (so storage grown for one pair holds stale entries for the next): words
    /// from a small vocabulary around copies of shared passages, some edited (words changed, dropped, swapped), some
    /// repeated inside one text, and the test texts of the aligner's other tests.
    /// </summary>
    static List<ulong[]> Texts(int seed)
    {
        var random = new Random(seed);
        ulong[] vocabulary = [.. Enumerable.Range(0, 400).Select(_ => (ulong)random.NextInt64())];
        ulong[][] passages = [.. Enumerable.Range(0, 6).Select(_ => Words(random, vocabulary, random.Next(40, 400)))];
        var texts = new List<ulong[]>();
        foreach (int size in new[] { 3000, 60, 1500, 200, 4000, 90, 800 })
        {
            var text = new List<ulong>(Words(random, vocabulary, size));
            for (int k = random.Next(1, 4); k > 0; k--)
            {
                var copy = new List<ulong>(passages[random.Next(passages.Length)]);
                for (int e = random.Next(0, 6); e > 0 && copy.Count > 2; e--)
                {
                    int at = random.Next(copy.Count - 1);
                    switch (random.Next(3))
                    {
                        case 0: copy[at] = vocabulary[random.Next(vocabulary.Length)]; break;
                        case 1: copy.RemoveAt(at); break;
                        default: (copy[at], copy[at + 1]) = (copy[at + 1], copy[at]); break;
                    }
                }
                text.InsertRange(random.Next(text.Count + 1), copy);
            }
            if (size >= 1500) text.InsertRange(random.Next(text.Count / 2, text.Count), text.GetRange(random.Next(text.Count / 4), 120));
            texts.Add([.. text]);
        }
        foreach (string t in new[] { FillerA + " " + Reused + " " + FillerB + " " + Reused2, FillerC + " " + Reused2 + " " + Reused })
            texts.Add(Tokenizer.Tokenize(t).TokenHashes.ToArray());
        return texts;
    }

    static ulong[] Words(Random random, ulong[] vocabulary, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)])];
}
