using ReuseDetect.Text;

namespace ReuseDetect.Tests.Text;

public sealed class WordStemsTests
{
    static string Stem(string word)
    {
        char[] w = word.ToCharArray();
        return new string(w, 0, WordStems.Strip(w));
    }

    static ulong[] StemsOf(string text) => WordStems.Of(Tokenizer.Tokenize(text), text);

    [Theory]
    [InlineData("talks", "talk")]
    [InlineData("agreed", "agree")]
    [InlineData("making", "make")]
    [InlineData("hoped", "hopes")]
    [InlineData("changes", "changed")]
    [InlineData("signing", "sign")]
    [InlineData("stopped", "stop")]
    [InlineData("parties", "party")]
    [InlineData("quickly", "quick")]
    [InlineData("boxes", "box")]
    [InlineData("studied", "study")]
    [InlineData("classes", "class")]
    [InlineData("planned", "plan")]
    public void Should_reduce_an_inflection_and_its_base_to_one_stem(string inflected, string plain)
    {
        // Given a word and its inflected form
        // When both are stripped
        // Then they share one stem
        Assert.Equal(Stem(plain), Stem(inflected));
    }

    [Theory]
    [InlineData("talks", "talk")]
    [InlineData("signing", "sign")]
    [InlineData("stopped", "stop")]
    [InlineData("parties", "party")]
    [InlineData("quickly", "quick")]
    [InlineData("boxes", "box")]
    [InlineData("falling", "fall")]
    [InlineData("missed", "miss")]
    [InlineData("buzzing", "buzz")]
    [InlineData("passes", "pass")]
    public void Should_strip_only_the_suffix(string word, string stem) => Assert.Equal(stem, Stem(word));

    [Theory]
    [InlineData("bus")]
    [InlineData("gas")]
    [InlineData("led")]
    [InlineData("fall")]
    [InlineData("pass")]
    [InlineData("sing")]
    [InlineData("need")]
    [InlineData("ties", "tie")]
    public void Should_leave_short_words_and_words_without_a_suffix_alone(string word, string? stem = null) =>
        Assert.Equal(stem ?? word, Stem(word));

    [Fact]
    public void Should_not_undouble_l_s_or_z()
    {
        // Given words whose stems end in a doubled l, s or z
        // Then the doubled letter stays ("falling" keeps "fall"), while other doubled consonants are undone
        Assert.Equal(Stem("fall"), Stem("falling"));
        Assert.Equal("fall", Stem("falling"));
        Assert.Equal("miss", Stem("missing"));
        Assert.Equal("buzz", Stem("buzzed"));
        Assert.Equal("plan", Stem("planning"));
    }

    [Fact]
    public void Should_keep_the_token_hash_of_function_words()
    {
        // Given function words that look inflected ("does", "has", "was", "during")
        const string text = "does has was during talks";
        TokenizedText tokens = Tokenizer.Tokenize(text);
        // When
        ulong[] stems = WordStems.Of(tokens, text);
        // Then the function words keep their token hash; the content word does not
        Assert.Equal(tokens.TokenHashes[..4].ToArray(), stems[..4]);
        Assert.NotEqual(tokens.TokenHashes[4], stems[4]);
    }

    [Fact]
    public void Should_stem_both_texts_alike_whatever_their_case()
    {
        // Given a wording and its inflected, re-cased rewording
        ulong[] a = StemsOf("Talks resumed after parties signed");
        ulong[] b = StemsOf("TALK RESUMED after party signing");
        // Then every word has the same stem in both
        Assert.Equal(a, b);
    }

    [Fact]
    public void Should_give_different_words_different_stems()
    {
        ulong[] s = StemsOf("talks walks");
        Assert.NotEqual(s[0], s[1]);
    }

    [Fact]
    public void Should_pass_words_of_other_scripts_through_lower_cased()
    {
        // Given Cyrillic words in two cases
        // Then both cases give the same stems
        Assert.Equal(StemsOf("Переговоры Возобновились"), StemsOf("переговоры возобновились"));
    }

    [Fact]
    public void Should_keep_the_token_hash_of_a_very_long_token()
    {
        string text = new string('x', 65) + "s";
        TokenizedText tokens = Tokenizer.Tokenize(text);
        Assert.Equal(tokens.TokenHashes[0], WordStems.Of(tokens, text)[0]);
    }
}
