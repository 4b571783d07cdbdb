using ReuseDetect.Attribution;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Attribution;

/// <summary>
/// The furniture counts a watching detector keeps between scans give, after any sequence of documents added, edited,
/// moved to another group and removed, the model <see cref="BoilerplateLearner"/> learns from the same documents cold.
/// </summary>
public sealed class FurnitureCountsTests
{
    static readonly string[] s_groups = ["outlet:courier", "outlet:herald", "folder:wire", "folder:blogs", "host:example.org"];

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(6, 4)]
    public void Should_give_the_learners_model_through_random_adds_edits_and_removals(int seed, int minDocuments)
    {
        // Given a corpus of documents whose groups carry their own recurring lines and fingerprints, and the counts
        var random = new Random(seed);
        var corpus = new Dictionary<string, FurnitureCounts.Holder>(StringComparer.Ordinal);
        int next = 0;
        FurnitureCounts.Holder New(string id) => Document(random, id, s_groups[random.Next(s_groups.Length)]);
        for (int i = 0; i < 80; i++, next++) corpus[$"d{next:D3}"] = New($"d{next:D3}");
        var counts = new FurnitureCounts(minDocuments);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        int stock = 0, commonWords = 0, furnished = 0;
        for (int step = 0; step < 60; step++)
        {
            // When the corpus changes (a few documents most of the time, now and then many at once)
            int changes = step == 0 ? 0 : random.Next(10) == 0 ? 20 : random.Next(1, 4);
            for (int c = 0; c < changes; c++)
            {
                string[] ids = [.. corpus.Keys.Order(StringComparer.Ordinal)];
                switch (random.Next(4))
                {
                    case 0:
                        corpus[$"d{next:D3}"] = New($"d{next:D3}");
                        next++;
                        break;
                    case 1 when ids.Length > 0:
                        string edited = ids[random.Next(ids.Length)];
                        corpus[edited] = Document(random, edited, corpus[edited].Group);
                        break;
                    case 2 when ids.Length > 0:
                        string moved = ids[random.Next(ids.Length)];
                        corpus[moved] = corpus[moved] with { Group = s_groups[random.Next(s_groups.Length)] };
                        break;
                    case 3 when ids.Length > 20:
                        corpus.Remove(ids[random.Next(ids.Length)]);
                        break;
                }
            }
            // (in an order that changes too)
            List<FurnitureCounts.Holder> documents = [.. corpus.Values.OrderBy(_ => random.Next())];
            BoilerplateModel updated = counts.Learn(documents, parallel);

            // Then the model is the one learned cold from the same documents
            BoilerplateModel cold = new BoilerplateLearner(minDocuments).Learn(
                [.. documents.Select(d => d.Group)], [.. documents.Select(d => d.Fingerprints)], [.. documents.Select(d => d.Lines)], [.. documents.Select(d => d.Words)]);
            Assert.True(updated.SameAs(cold), $"step {step}: the updated model differs from the cold one");
            Assert.Equal(cold.Groups, updated.Groups);
            stock += cold.CommonCount;
            commonWords += cold.CommonWordCount;
            furnished += cold.Groups.Count();
        }
        // (the corpora had stock phrases, common words and furniture for the counts to get right)
        Assert.True(stock > 0 && commonWords > 0 && furnished > 0, $"stock {stock}, common words {commonWords}, furnished groups {furnished}");
        // And most steps updated the counts rather than counting every document again
        Assert.True(counts.Updates > counts.Counts, $"{counts.Updates} updates, {counts.Counts} counts");
        Assert.True(counts.Counts >= 1);
    }

    [Fact]
    public void Should_learn_a_groups_footer_once_enough_of_its_documents_hold_it_and_forget_it_when_they_go()
    {
        // Given two outlets' documents, three of the first ending with the same footer line
        var counts = new FurnitureCounts(3);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        FurnitureCounts.Holder Doc(string id, string group, ulong own, bool footer) =>
            new(id, own, group, [new Fingerprint(own, 0), new Fingerprint(own + 1, 3)], footer ? [own + 2, 999] : [own + 2], []);
        List<FurnitureCounts.Holder> docs = [Doc("a1", "outlet:a", 100, true), Doc("a2", "outlet:a", 200, true), Doc("b1", "outlet:b", 300, false)];
        Assert.Equal(0, counts.Learn(docs, parallel).Count("outlet:a"));
        // When a third document of the outlet with the footer arrives, then the footer is the outlet's furniture
        docs.Add(Doc("a3", "outlet:a", 400, true));
        BoilerplateModel model = counts.Learn(docs, parallel);
        Assert.True(model.IsBoilerplate("outlet:a", 999));
        Assert.Equal(1, counts.Updates);
        // And when one of them is removed, it is not any more
        docs.RemoveAt(0);
        Assert.False(counts.Learn(docs, parallel).IsBoilerplate("outlet:a", 999));
        Assert.Equal(2, counts.Updates);
    }

    /// <summary>A document of <paramref name="group"/>: some of its group's recurring hashes, some shared by all, some of its own.</summary>
    static FurnitureCounts.Holder Document(Random random, string id, string group)
    {
        ulong groupBase = 10_000UL * (ulong)(Array.IndexOf(s_groups, group) + 1);
        var fingerprints = new List<Fingerprint>();
        int position = 0;
        void Add(ulong hash) => fingerprints.Add(new Fingerprint(hash, position += random.Next(1, 6)));
        for (int i = 0; i < random.Next(0, 12); i++) Add((ulong)random.Next(0, 16)); // stock phrases: held by about 20-30 documents
        for (int i = 0; i < random.Next(0, 6); i++) Add(groupBase + (ulong)random.Next(0, 8));
        for (int i = 0; i < random.Next(0, 10); i++) Add(1_000_000UL + (ulong)random.NextInt64(0, 1L << 40));
        if (random.Next(3) == 0 && fingerprints.Count > 0) Add(fingerprints[0].Hash); // a repeat counts once
        ulong[] lines = [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => groupBase + 100 + (ulong)random.Next(0, 6))];
        ulong[] words = [.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => (ulong)random.Next(0, 60)).Distinct().Order()];
        var hash = new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64());
        return new FurnitureCounts.Holder(id, hash, group, [.. fingerprints], lines, words);
    }
}
