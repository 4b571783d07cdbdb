using ReuseDetect.Candidates;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Candidates;

public sealed class CandidateSearchTests
{
    static ulong[] Shingles(string text) => Shingler.Hash(Tokenizer.Tokenize(text).TokenHashes, 3);

    const string Story =
        "The central bank raised its main interest rate by half a point on Thursday, citing inflation that has stayed above " +
        "its target for a year, and said further increases could follow if prices keep rising in the coming months.";

    [Fact]
    public void Should_check_band_partners_near_the_threshold_and_skip_texts_without_shingles()
    {
        // Given a story, a copy with one word changed, an unrelated text and a text with no shingle
        var hasher = new MinHasher(128);
        string unrelated = "Heavy snow closed the mountain pass for a third day, and the road authority said ploughs could not reach the upper villages before the weekend.";
        uint[]?[] signatures =
        [
            hasher.Sign(Shingles(Story)),
            hasher.Sign(Shingles(Story.Replace("Thursday", "Wednesday"))),
            hasher.Sign(Shingles(unrelated)),
            null,
        ];
        LshBanding banding = LshBanding.ForThreshold(0.8, 128);
        // When the near-duplicate checks are searched at threshold 0.8 with a slack
        List<CandidatePair> checks = CandidateSearch.NearDuplicateChecks(signatures, banding, 0.8, MinHasher.EstimateSlack(0.8, 128));
        // Then only the copy's pair is checked
        Assert.Equal([new CandidatePair(0, 1)], checks);
        // And with no slack and a threshold above its estimate, not even that one
        double estimate = MinHasher.Estimate(signatures[0]!, signatures[1]!);
        Assert.Empty(CandidateSearch.NearDuplicateChecks(signatures, banding, Math.Min(1.0, estimate + 0.01), 0));
    }

    [Fact]
    public void Should_pair_documents_sharing_a_fingerprint_held_by_few()
    {
        // Given four documents: 0 and 2 share hash 7, all four share hash 9, 3 alone holds 11
        Fingerprint[][] prints =
        [
            [new(7, 0), new(9, 5)],
            [new(9, 1)],
            [new(9, 2), new(7, 8)],
            [new(9, 0), new(11, 3)],
        ];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        // When the verbatim pairs are searched with fingerprints held by more than three documents left out
        List<CandidatePair> pairs = CandidateSearch.VerbatimPairs(prints, 3, 100, parallel);
        // Then only the pair sharing the rarer fingerprint is found, and its count is one
        Assert.Equal([new CandidatePair(0, 2)], pairs);
        Assert.Equal([(new CandidatePair(0, 2), 1)], CandidateSearch.VerbatimPairCounts(prints, 3, 100, parallel));
        // And with every fingerprint allowed, every pair sharing hash 9 is found, sorted
        Assert.Equal(6, CandidateSearch.VerbatimPairs(prints, 4, 100, parallel).Count);
    }

    [Fact]
    public void Should_unite_two_sorted_pair_lists_without_repeats()
    {
        // Given two sorted lists that share a pair
        List<CandidatePair> a = [new(0, 1), new(0, 3), new(2, 5)], b = [new(0, 2), new(0, 3), new(4, 5)];
        // When they are united, Then the result is sorted and holds each pair once
        Assert.Equal([new(0, 1), new(0, 2), new(0, 3), new(2, 5), new(4, 5)], CandidateSearch.Union(a, b));
        Assert.Equal(a, CandidateSearch.Union(a, []));
        Assert.Equal(b, CandidateSearch.Union([], b));
    }

    static (ulong[][] Prints, int[][] Places) Content(params string[] texts)
    {
        var prints = new ulong[texts.Length][];
        var places = new int[texts.Length][];
        for (int d = 0; d < texts.Length; d++)
        {
            ContentPrints located = ContentShingles.Located(Tokenizer.Tokenize(texts[d]), texts[d]);
            (prints[d], places[d]) = (located.Hashes, located.Places);
        }
        return (prints, places);
    }

    const string Reworded =
        "On Thursday the central bank lifted its main interest rate by half a point, pointing to inflation that has stayed above " +
        "its target for a year, and warned further increases may follow should prices keep rising over the coming months.";

    const string Unrelated =
        "Heavy snow closed the mountain pass for a third day, and the road authority said ploughs could not reach the upper villages before the weekend.";

    [Fact]
    public void Should_pair_a_reworded_copy_for_reworded_passages_and_leave_common_content_out()
    {
        // Given a story, a reworded copy of it and an unrelated text
        var (prints, places) = Content(Story, Reworded, Unrelated);
        // When the pairs for reworded passages are searched
        List<CandidatePair> edited = CandidateSearch.EditedPairs(prints, places, 50, new ParallelOptions(), out HashSet<ulong> common);
        // Then the story and its rewording are paired, and nothing is common among three texts
        Assert.Equal([new CandidatePair(0, 1)], edited);
        Assert.Empty(common);
        // And when a third text holds the story too and content held by more than two texts is common
        (prints, places) = Content(Story, Reworded, Story);
        edited = CandidateSearch.EditedPairs(prints, places, 2, new ParallelOptions(), out common);
        // Then what the three share is common and pairs nobody: the rewording, whose shared content all three hold, is paired
        // with neither copy, and the two copies are paired by the content the rewording dropped
        Assert.NotEmpty(common);
        Assert.Equal([new CandidatePair(0, 2)], edited);
    }
}
