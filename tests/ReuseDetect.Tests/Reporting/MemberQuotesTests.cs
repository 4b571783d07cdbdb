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

    [Fact]
    public void Should_take_a_documents_quotes_from_the_memo_while_its_content_is_the_same()
    {
        // Given a memo filled by one reading of two documents
        var memo = new ReportMemo();
        string[] texts = ["Alpha beta gamma delta.", "Epsilon zeta eta theta iota."];
        var hashes = new UInt128[] { 1, 2 };
        var reads = new int[texts.Length];
        ClusterMember[] members = [new(0, 0, 10), new(1, 8, 17)];
        Func<int, int, int, string> Read(ClusterMember[] ms) => MemberQuotes.Read(texts.Length, ms, d =>
        {
            Interlocked.Increment(ref reads[d]);
            return texts[d];
        }, new ParallelOptions { MaxDegreeOfParallelism = 2 }, memo, d => (d == 0 ? "a.txt" : "b.txt", hashes[d]));
        _ = Read(members);
        Assert.Equal([1, 1], reads);

        // When the same members are read again, then after the second document changed, then with a new span
        Func<int, int, int, string> again = Read(members);
        texts[1] = "Changed text: epsilon zeta eta.";
        hashes[1] = 3;
        Func<int, int, int, string> changed = Read(members);
        Func<int, int, int, string> wider = Read([new(0, 0, 10), new(0, 11, 22), new(1, 8, 17)]);

        // Then nothing is read while the content is the same, the changed document is read again and quotes its new
        // text, and a span the memo lacks reads its document again
        Assert.Equal("Alpha beta", again(0, 0, 10));
        Assert.Equal("zeta eta ", again(1, 8, 17));
        Assert.Equal("text: eps", changed(1, 8, 17));
        Assert.Equal("gamma delta", wider(0, 11, 22));
        Assert.Equal([2, 2], reads);
    }

    [Fact]
    public void Should_not_keep_a_document_that_could_not_be_read()
    {
        // Given a document that cannot be read once
        var memo = new ReportMemo();
        string? text = null;
        int reads = 0;
        ClusterMember[] members = [new(0, 0, 5)];
        Func<int, int, int, string> Read() => MemberQuotes.Read(1, members, _ =>
        {
            reads++;
            return text;
        }, new ParallelOptions { MaxDegreeOfParallelism = 1 }, memo, _ => ("a.txt", 7));
        Assert.Equal("", Read()(0, 0, 5));
        // When it can be read again
        text = "Hello world";
        // Then it is read, not taken from the memo
        Assert.Equal("Hello", Read()(0, 0, 5));
        Assert.Equal(2, reads);
    }
}
