using ReuseDetect.Candidates;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Candidates;

/// <summary>
/// The kept candidate index, updated document by document, against the cold count of the same corpus, over random
/// sequences of adds and removes at random places in the corpus order. Fingerprints come from small alphabets and the
/// caps are low, so that cliques turn into stars and back, a star's centre moves, fingerprints cross the document
/// frequency cap, reworded candidates fail the nearness test, and content fingerprints become common and cease to be.
/// </summary>
public sealed class CandidateIndexTests
{
    const int MaxDocuments = 14, CliqueLimit = 4, ContentMax = 7, MinShared = 2;

    sealed record Doc(Fingerprint[] Verbatim, ulong[] Content, int[] Places, ulong[] Bands);

    static Doc RandomDoc(Random r)
    {
        var verbatim = new Fingerprint[3 + r.Next(20)];
        for (int i = 0; i < verbatim.Length; i++) verbatim[i] = new Fingerprint((ulong)r.Next(40) * 0x9E3779B97F4A7C15UL, i);
        var content = new List<(ulong Hash, int Place)>();
        int count = r.Next(12);
        for (int i = 0; i < count; i++) content.Add(((ulong)r.Next(24) * 0xC2B2AE3D27D4EB4FUL + 1, r.Next(200)));
        content.Sort();
        ulong[] bands = r.Next(5) == 0 ? [] : [.. Enumerable.Range(0, 3).Select(b => (ulong)(b * 100 + r.Next(6)))];
        return new Doc(verbatim, [.. content.Select(c => c.Hash)], [.. content.Select(c => c.Place)], bands);
    }

    static CandidateIndex.Document ToIndex(Doc d) => new([.. d.Verbatim.Select(f => f.Hash)], d.Content, d.Places, d.Bands);

    /// <summary>The cold count, as the candidates stage makes it: verbatim pairs with contributions, reworded pairs, common content.</summary>
    static (List<(CandidatePair Pair, int Count)> Counts, List<CandidatePair> Edited, HashSet<ulong> Common, List<CandidatePair> Merged) Cold(List<Doc> docs)
    {
        var verbatim = new FingerprintIndex();
        for (int i = 0; i < docs.Count; i++) verbatim.Add(i, docs[i].Verbatim);
        var counts = verbatim.SortedPairCounts(MaxDocuments, CliqueLimit);
        var content = new FingerprintIndex();
        for (int i = 0; i < docs.Count; i++) content.Add(i, SortDistinct(docs[i].Content));
        var common = new HashSet<ulong>();
        var edited = content.PairsSharing(ContentMax, MinShared, common)
            .Where(p => ContentNearness.Related(docs[p.A].Content, docs[p.A].Places, docs[p.B].Content, docs[p.B].Places, common)).ToList();
        var merged = counts.Select(c => c.Pair).Concat(edited).Distinct().Order().ToList();
        return (counts, edited, common, merged);
    }

    static ulong[] SortDistinct(ulong[] values) => [.. values.Distinct().Order()];

    static CandidateIndex Load(List<Doc> docs, out List<int> slots)
    {
        var index = new CandidateIndex(MaxDocuments, CliqueLimit, ContentMax, MinShared);
        var (counts, edited, common, _) = Cold(docs);
        index.Load([.. docs.Select(ToIndex)], counts, edited, common, new ParallelOptions { MaxDegreeOfParallelism = 2 });
        slots = [.. Enumerable.Range(0, docs.Count)];
        return index;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Should_give_the_pairs_of_a_cold_count_after_every_add_and_remove(int seed)
    {
        var r = new Random(seed);
        var docs = Enumerable.Range(0, 12).Select(_ => RandomDoc(r)).ToList();
        CandidateIndex index = Load(docs, out List<int> slots);
        int crossed = 0;
        var partners = new List<int>();
        for (int step = 0; step < 250; step++)
        {
            // Given a change: a document removed, or one added at a random place in the corpus order
            var before = Cold(docs).Common;
            if (docs.Count > 4 && r.Next(2) == 0)
            {
                int at = r.Next(docs.Count);
                index.Remove(slots[at]);
                docs.RemoveAt(at);
                slots.RemoveAt(at);
                for (int i = 0; i < slots.Count; i++) index.SetRank(slots[i], i);
            }
            else
            {
                int at = r.Next(docs.Count + 1);
                Doc doc = RandomDoc(r);
                for (int i = 0; i < slots.Count; i++) index.SetRank(slots[i], i < at ? i : i + 1);
                int slot = index.Add(ToIndex(doc), at, partners);
                docs.Insert(at, doc);
                slots.Insert(at, slot);
                // Its near-duplicate candidates: the documents sharing one of its bands.
                var expected = Enumerable.Range(0, docs.Count).Where(i => i != at && docs[i].Bands.Intersect(doc.Bands).Any())
                    .Select(i => slots[i]).Order().ToList();
                Assert.Equal(expected, partners);
            }
            // Compacted at some steps, at others left with what was added and removed beside the sorted postings
            // (as a rescan leaves it until the changes are an eighth of them): the answers are the same either way.
            index.Compact(force: r.Next(3) == 0);
            if (!before.SetEquals(Cold(docs).Common)) crossed++;

            // Then the pairs are those a cold count of the corpus gives
            var indexOf = new int[index.SlotCount];
            for (int i = 0; i < slots.Count; i++) indexOf[slots[i]] = i;
            var (pairs, edited) = index.Pairs(s => indexOf[s]);
            var cold = Cold(docs);
            Assert.Equal(cold.Merged, pairs);
            Assert.Equal(cold.Edited.Order().ToList(), edited.Order().ToList());
            Assert.Equal(cold.Common.Order(), index.Common.Order());
        }
        // The sequence did move content fingerprints across their cap (and back).
        Assert.True(crossed > 0, $"{crossed} changes of the common content fingerprints");
    }
}
