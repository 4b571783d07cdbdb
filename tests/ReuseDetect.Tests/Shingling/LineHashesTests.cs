using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Shingling;

public sealed class LineHashesTests
{
    static List<(int Start, int End, ulong Hash)> Lines(string text) => LineHashes.Lines(Tokenizer.Tokenize(text), text);

    [Fact]
    public void Should_give_each_line_its_token_range()
    {
        // Given three lines, with Windows and Unix line breaks
        const string text = "Read also:\r\nSubscribe to our newsletter\nBy Staff";
        // When
        var lines = Lines(text);
        // Then
        Assert.Equal([(0, 2), (2, 6), (6, 8)], lines.Select(l => (l.Start, l.End)));
    }

    [Fact]
    public void Should_not_change_a_line_hash_with_spacing_or_case()
    {
        // Given one line printed with other spacing, case and punctuation
        var a = Lines("Subscribe to our newsletter");
        var b = Lines("  SUBSCRIBE   to  Our\tnewsletter!  ");
        // Then the hash is the same
        Assert.Equal(a.Single().Hash, b.Single().Hash);
    }

    [Fact]
    public void Should_give_different_lines_different_hashes()
    {
        var lines = Lines("Read also:\nRead more:\nRead also this");
        Assert.Equal(3, lines.Select(l => l.Hash).Distinct().Count());
    }

    [Fact]
    public void Should_hash_a_line_apart_from_its_neighbours()
    {
        // Given the same line in two documents with other lines around it
        var a = Lines("Officials met on Monday.\nRead also:\nThe vote is final.");
        var b = Lines("Read also:\nMarkets fell sharply.");
        // Then its hash is the same in both
        Assert.Equal(a[1].Hash, b[0].Hash);
    }

    [Fact]
    public void Should_not_count_empty_lines_as_lines()
    {
        // Given blank lines, lines of spaces and a line of punctuation only
        const string text = "first line\n\n   \n----\n\r\nsecond line\n";
        // When
        var lines = Lines(text);
        // Then only the two lines with tokens are lines
        Assert.Equal([(0, 2), (2, 4)], lines.Select(l => (l.Start, l.End)));
        Assert.Empty(Lines(""));
        Assert.Empty(Lines("\n\n  \n"));
    }

    [Fact]
    public void Should_list_distinct_line_hashes_ascending()
    {
        // Given a text repeating a line
        const string text = "Read also:\nSome news today\nREAD ALSO\nOther news";
        // When
        ulong[] distinct = LineHashes.Distinct(Tokenizer.Tokenize(text), text);
        // Then the repeated line is listed once, and the list ascends
        Assert.Equal(3, distinct.Length);
        Assert.Equal(distinct.Order(), distinct);
        Assert.Equal(Lines(text).Select(l => l.Hash).Distinct().Order(), distinct);
    }

    [Fact]
    public void Should_give_the_distinct_line_hashes_ascending()
    {
        // Given a text with a repeated line, an empty line and a line without a line break at its end
        const string text = "Read also:\nMarkets fell.\n\nRead ALSO:\nThe vote is final";
        // When its distinct line hashes are taken
        ulong[] distinct = LineHashes.Distinct(Tokenizer.Tokenize(text), text);
        // Then they are the hashes of its lines, each once, ascending
        Assert.Equal(Lines(text).Select(l => l.Hash).Distinct().Order(), distinct);
        Assert.Equal(3, distinct.Length);
    }
}
