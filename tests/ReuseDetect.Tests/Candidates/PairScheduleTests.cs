using ReuseDetect.Candidates;

namespace ReuseDetect.Tests.Candidates;

public sealed class PairScheduleTests
{
    [Fact]
    public void Should_give_every_pair_once()
    {
        var random = new Random(20261130);
        for (int round = 0; round < 50; round++)
        {
            int documents = random.Next(1, 60);
            var pairs = new SortedSet<CandidatePair>();
            for (int i = random.Next(0, 200); i > 0; i--)
            {
                int a = random.Next(documents), b = random.Next(documents);
                pairs.Add(new CandidatePair(Math.Min(a, b), Math.Max(a, b)));
            }
            List<CandidatePair> list = [.. pairs];
            int[] order = PairSchedule.Order(list, documents);
            Assert.Equal(Enumerable.Range(0, list.Count), order.Order());
            Assert.Equal(order, PairSchedule.Order(list, documents));
        }
    }

    [Fact]
    public void Should_keep_a_chain_of_partners_together_whatever_the_documents_numbers()
    {
        // Given documents that pair as a chain (each with the next), numbered at random, and listed by number
        var random = new Random(7);
        int[] names = [.. Enumerable.Range(0, 200).OrderBy(_ => random.Next())];
        List<CandidatePair> list = [.. Enumerable.Range(0, 199)
            .Select(i => new CandidatePair(Math.Min(names[i], names[i + 1]), Math.Max(names[i], names[i + 1])))
            .Order()];
        // When
        int[] order = PairSchedule.Order(list, 200);
        // Then the pairs are taken along the chain: each shares a document with the one before, so a document is done
        // with as soon as its two pairs are (listed by number, most documents wait for a partner far down the list)
        for (int k = 1; k < order.Length; k++)
        {
            CandidatePair before = list[order[k - 1]], now = list[order[k]];
            Assert.True(now.A == before.A || now.A == before.B || now.B == before.A || now.B == before.B, $"pair {k} breaks the chain");
        }
    }
}
