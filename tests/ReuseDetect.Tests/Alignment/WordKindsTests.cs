using ReuseDetect.Alignment;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Alignment;

public sealed class WordKindsTests
{
    const byte F = WordKinds.Function, N = WordKinds.Name, O = WordKinds.Ordinary;

    static byte[] Kinds(string text, params byte[] marks) => WordKinds.FromText(Tokenizer.Tokenize(text), text, marks);

    [Fact]
    public void Should_take_capitalised_words_inside_a_sentence_as_names()
    {
        // Given a sentence naming a person and a place
        // When
        byte[] kinds = Kinds("Talks in Moscow ended when Putin left");
        // Then the opener is ordinary, the capitalised words inside are names
        Assert.Equal([O, F, N, O, F, N, O], kinds);
    }

    [Theory]
    [InlineData("The vote ended. Officials left")]
    [InlineData("The vote ended! Officials left")]
    [InlineData("The vote ended? Officials left")]
    [InlineData("The vote ended.\n\"Officials left")]
    [InlineData("The vote ended\nOfficials left")]
    [InlineData("The vote ended. (Officials left")]
    public void Should_take_a_sentence_opener_as_an_ordinary_word(string text)
    {
        // Given a capitalised word opening a sentence (after a stop, a line break, quotes or brackets)
        // Then it is an ordinary word
        Assert.Equal(O, Kinds(text)[3]);
    }

    [Fact]
    public void Should_mark_the_tokens_that_open_a_sentence()
    {
        // Given a text of three sentences (a stop, a line break and quotes, a question mark), with a comma inside one
        const string text = "Talks ended, officials said. \"Moscow left\nthe vote? yes";
        // When
        ulong[] bits = WordKinds.SentenceStarts(Tokenizer.Tokenize(text), text);
        // Then the first token and each token after a stop or a line break (quotes between) open a sentence, whatever its
        // case; no other token does
        int[] opening = [.. Enumerable.Range(0, Tokenizer.Tokenize(text).Count).Where(i => (bits[i >> 6] & (1UL << (i & 63))) != 0)];
        Assert.Equal([0, 4, 6, 8], opening);
    }

    [Fact]
    public void Should_keep_a_capitalised_word_after_a_comma_a_name()
    {
        Assert.Equal(N, Kinds("The vote ended, Officials left")[3]);
    }

    [Fact]
    public void Should_block_furniture_whatever_the_word()
    {
        // Given a line of furniture holding a function word, a name and an ordinary word
        const string text = "Prices rose in Yerevan sharply";
        byte[] marks = [0, 0, TokenMarks.Furniture, TokenMarks.Furniture, TokenMarks.Furniture];
        // Then every marked word is blocked
        Assert.Equal([O, O, WordKinds.Blocked, WordKinds.Blocked, WordKinds.Blocked], Kinds(text, marks));
    }

    [Fact]
    public void Should_take_stock_and_common_marks_on_ordinary_words_only()
    {
        // Given a stock mark on an ordinary word, a name and a function word, and a common-word mark on an ordinary word
        const string text = "Prices rose in Yerevan said officials";
        byte[] marks = [0, TokenMarks.Stock, TokenMarks.Stock, TokenMarks.Stock, TokenMarks.CommonWord, 0];
        // When
        byte[] kinds = Kinds(text, marks);
        // Then the ordinary words take the mark; the function word and the name keep their kind
        Assert.Equal([O, WordKinds.Stock, F, N, WordKinds.Common, O], kinds);
        Assert.True(WordKinds.IsOrdinary(WordKinds.Common));
        Assert.False(WordKinds.IsOrdinary(WordKinds.Stock));
        Assert.False(WordKinds.IsOrdinary(WordKinds.Name));
    }

    [Fact]
    public void Should_know_only_function_and_ordinary_words_from_hashes()
    {
        TokenizedText tokens = Tokenizer.Tokenize("Talks in Moscow ended");
        Assert.Equal([O, F, O, O], WordKinds.FromHashes(tokens.TokenHashes));
    }

    [Fact]
    public void Should_count_blocked_and_ordinary_words_before_each_token()
    {
        byte[] kinds = [O, F, WordKinds.Blocked, WordKinds.Common, N, WordKinds.Blocked];
        Assert.Equal([0, 0, 0, 1, 1, 1, 2], WordKinds.BlockedPrefix(kinds)!);
        Assert.Equal([0, 1, 1, 1, 2, 2, 2], WordKinds.OrdinaryPrefix(kinds));
        Assert.Null(WordKinds.BlockedPrefix([O, F, N]));
    }
}
