using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Shingling;

public sealed class ContentShinglesTests
{
    static ulong[] Fingerprints(string text) => [.. ContentShingles.Located(Tokenizer.Tokenize(text), text).Hashes.Distinct()];

    static ulong[] Words(string text)
    {
        TokenizedText tokens = Tokenizer.Tokenize(text);
        return ContentShingles.Words(tokens, WordStems.Of(tokens, text));
    }

    [Fact]
    public void Should_not_depend_on_the_order_of_a_content_word_pair()
    {
        // Given one pair of content words in both orders, inflected differently
        // When
        ulong[] a = Fingerprints("talks resumed");
        ulong[] b = Fingerprints("resumed the talk");
        // Then they share their one fingerprint
        Assert.Single(a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Should_skip_function_words()
    {
        // Given the same content words with and without function words between them
        ulong[] bare = Fingerprints("ministers approved budget cuts");
        ulong[] padded = Fingerprints("the ministers have now approved all of the budget cuts");
        // Then the fingerprints are the same
        Assert.NotEmpty(bare);
        Assert.Equal(bare, padded);
    }

    [Fact]
    public void Should_differ_for_different_content_words()
    {
        Assert.NotEqual(Fingerprints("talks resumed"), Fingerprints("talks collapsed"));
        Assert.Empty(Fingerprints("talks resumed").Intersect(Fingerprints("talks collapsed")));
    }

    [Fact]
    public void Should_have_no_fingerprint_without_two_content_words()
    {
        Assert.Empty(Fingerprints("talks"));
        Assert.Empty(Fingerprints("the talks were on and off"));
        Assert.Empty(Fingerprints(""));
    }

    [Fact]
    public void Should_share_a_fingerprint_over_a_run_of_window_plus_one_content_pairs()
    {
        // Given two texts sharing five content words in a row (four pairs) inside otherwise different words
        const string Shared = "farmers harvested apricots despite drought";
        ulong[] a = Fingerprints("museum curators opened exhibitions " + Shared + " while astronomers photographed comets");
        ulong[] b = Fingerprints("football coaches signed strikers " + Shared + " because bakers sold bread");
        // Then they share a fingerprint
        Assert.NotEmpty(a.Intersect(b));
    }

    [Fact]
    public void Should_return_distinct_fingerprints_ascending()
    {
        ulong[] f = Fingerprints("talks resumed talks resumed talks resumed talks resumed talks resumed talks resumed");
        Assert.Equal(f.Distinct().Order(), f);
        Assert.Single(f);
    }

    [Fact]
    public void Should_list_distinct_content_stems_ascending()
    {
        // Given inflections of two content words and function words
        ulong[] words = Words("The talks and the talk were about parties and the party");
        // Then each content stem once, function words left out
        Assert.Equal(2, words.Length);
        Assert.Equal(words.Order(), words);
        Assert.Equal(Words("talk party"), words);
        Assert.Empty(Words("the and of were about"));
    }
}
