using ReuseDetect.Clustering;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

public sealed class MemberQuotesTests
{
    [Fact]
    public void Should_read_each_member_document_once_and_slice_its_spans()
    {
        // Given three documents, two of which hold cluster members (one twice)
        string[] texts = ["Alpha beta gamma delta.", "Nothing quoted here.", "Epsilon zeta eta theta iota."];
        ClusterMember[] members = [new(0, 0, 10), new(2, 8, 17), new(0, 11, 22), new(0, 0, 10)];
        var reads = new int[texts.Length];
        // When their quotes are read
        Func<int, int, int, string> quote = MemberQuotes.Read(texts.Length, members, d =>
        {
            Interlocked.Increment(ref reads[d]);
            return texts[d];
        }, new ParallelOptions { MaxDegreeOfParallelism = 2 });
        // Then each member's text is its span, each member document was read once and the other not at all
        Assert.Equal("Alpha beta", quote(0, 0, 10));
        Assert.Equal("gamma delta", quote(0, 11, 22));
        Assert.Equal("zeta eta ", quote(2, 8, 17));
        Assert.Equal([1, 0, 1], reads);
    }

    [Fact]
    public void Should_quote_nothing_from_a_document_that_cannot_be_read_or_got_shorter()
    {
        // Given a member of a document that cannot be read and one whose span now runs past its text's end
        ClusterMember[] members = [new(0, 0, 5), new(1, 0, 50)];
        // When their quotes are read
        Func<int, int, int, string> quote = MemberQuotes.Read(2, members, d => d == 0 ? null : "short", new ParallelOptions());
        // Then both quote nothing (and a span not among the members quotes nothing either)
        Assert.Equal("", quote(0, 0, 5));
        Assert.Equal("", quote(1, 0, 50));
        Assert.Equal("", quote(1, 0, 3));
    }
}
