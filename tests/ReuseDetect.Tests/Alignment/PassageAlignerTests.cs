using ReuseDetect.Alignment;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Alignment;

public sealed class PassageAlignerTests
{
    // Synthetic texts written for these tests; paragraphs and fillers use disjoint content words.
    internal const string Reused =
        "The parliament in Yerevan voted late on Tuesday to approve a new budget that raises spending on schools, " +
        "roads and rural clinics, after a long debate in which opposition deputies accused the cabinet of hiding " +
        "the true size of the deficit from voters.";

    internal const string Reused2 =
        "Farmers in the southern valleys say the drought has already destroyed most of the apricot harvest, and " +
        "several cooperatives have asked the ministry for emergency loans to replace irrigation pumps before winter arrives.";

    internal const string FillerA =
        "Museum curators opened an exhibition of medieval manuscripts yesterday. Visitors admired illuminated gospels, " +
        "carved bindings and rare maps drawn by monks who copied texts by candlelight for decades.";

    internal const string FillerB =
        "A football club from the capital signed two young strikers this week. Coaches hope their speed will help " +
        "the squad climb the league table before the championship playoffs begin next spring.";

    internal const string FillerC =
        "Astronomers reported a bright comet visible after sunset. Amateur observers with binoculars photographed " +
        "its green tail above mountain observatories, while planetariums scheduled extra evening shows.";

    static readonly PassageAligner s_aligner = new(new AlignmentOptions());

    static TokenizedText Tok(string text) => Tokenizer.Tokenize(text);

    static int WordCount(string text) => Tok(text).Count;

    [Fact]
    public void Should_find_verbatim_copy_with_exact_token_span()
    {
        // Given a paragraph copied between different surroundings
        string a = FillerA + " " + Reused + " " + FillerB;
        string b = FillerC + " " + Reused;
        // When
        List<AlignedPassage> found = s_aligner.Align(Tok(a).TokenHashes, Tok(b).TokenHashes);
        // Then exactly the copied tokens are aligned
        AlignedPassage p = Assert.Single(found);
        int n = WordCount(Reused);
        Assert.Equal((WordCount(FillerA), WordCount(FillerA) + n), (p.AStart, p.AEnd));
        Assert.Equal((WordCount(FillerC), WordCount(FillerC) + n), (p.BStart, p.BEnd));
        Assert.Equal(1.0, p.Identity, 10);
    }

    [Fact]
    public void Should_keep_one_passage_across_small_edits()
    {
        // Given a copy with a changed word, a transliterated name and a dropped sentence
        string original = "Prime Minister Nikol Pashinian told reporters in Yerevan that talks with Baku would resume next month. " +
            Reused + " Officials declined to comment further on the negotiations. " + Reused2;
        string edited = "Prime Minister Nikol Pashinyan told journalists in Yerevan that talks with Baku would resume next month. " +
            Reused + " " + Reused2;
        // When
        List<AlignedPassage> found = s_aligner.Align(Tok(original).TokenHashes, Tok(edited).TokenHashes);
        // Then the whole article is one passage
        AlignedPassage p = Assert.Single(found);
        Assert.Equal((0, Tok(original).Count), (p.AStart, p.AEnd));
        Assert.Equal((0, Tok(edited).Count), (p.BStart, p.BEnd));
    }

    [Fact]
    public void Should_find_both_swapped_paragraphs()
    {
        // Given two paragraphs reposted in the opposite order
        string a = Reused + " " + FillerA + " " + Reused2;
        string b = Reused2 + " " + FillerB + " " + Reused;
        // When
        List<AlignedPassage> found = s_aligner.Align(Tok(a).TokenHashes, Tok(b).TokenHashes);
        // Then each paragraph is its own passage, each fully covered
        Assert.Equal(2, found.Count);
        Assert.Equal(WordCount(Reused), found[0].ALength);
        Assert.Equal(WordCount(Reused2), found[1].ALength);
        Assert.True(found[0].BStart > found[1].BStart);
    }

    [Fact]
    public void Should_take_two_touching_paragraphs_reposted_in_the_opposite_order_as_one_passage()
    {
        // Given two paragraphs copied next to each other, in the opposite order, between unrelated text
        string a = FillerA + " " + Reused + " " + Reused2 + " " + FillerC;
        string b = FillerB + " " + Reused2 + " " + Reused;
        // When
        List<AlignedPassage> found = s_aligner.Align(Tok(a).TokenHashes, Tok(b).TokenHashes);
        // Then they are one reordered passage covering both paragraphs on each side, and none of the fillers
        AlignedPassage p = Assert.Single(found);
        Assert.Equal(WordCount(FillerA), p.AStart);
        Assert.Equal(WordCount(Reused) + WordCount(Reused2), p.ALength);
        Assert.Equal(WordCount(FillerB), p.BStart);
        Assert.Equal(WordCount(Reused) + WordCount(Reused2), p.BLength);
    }

    [Fact]
    public void Should_align_one_copy_of_a_passage_the_other_text_repeats()
    {
        // Given a digest that quotes the same paragraph twice
        string a = FillerA + " " + Reused;
        string b = Reused + " " + FillerB + " " + FillerC + " " + Reused;
        // When
        List<AlignedPassage> found = s_aligner.Align(Tok(a).TokenHashes, Tok(b).TokenHashes);
        // Then the original is aligned with one copy (each span of a pair in one passage: the second copy is the
        // digest's own repeat, which its self-alignment finds and the cluster joins)
        AlignedPassage p = Assert.Single(found);
        Assert.Equal(WordCount(Reused), p.BLength);
        Assert.Single(s_aligner.AlignSelf(Tok(b).TokenHashes));
    }

    [Fact]
    public void Should_find_internal_repeat_without_overlap()
    {
        // Given a digest repeating a quote inside one document
        string text = Reused + " " + FillerA + " " + Reused + " " + FillerB;
        // When
        List<AlignedPassage> found = s_aligner.AlignSelf(Tok(text).TokenHashes);
        // Then the repeat is found, A before B, never overlapping
        AlignedPassage p = Assert.Single(found);
        int n = WordCount(Reused);
        Assert.Equal((0, n), (p.AStart, p.AEnd));
        Assert.Equal(n + WordCount(FillerA), p.BStart);
        Assert.True(p.BStart >= p.AEnd);
    }

    [Fact]
    public void Should_never_return_overlapping_self_spans_on_periodic_text()
    {
        // Given a text that repeats one short cycle many times (every shift is a match)
        string text = string.Join(' ', Enumerable.Repeat("red green blue yellow orange", 40));
        // When
        List<AlignedPassage> found = s_aligner.AlignSelf(Tok(text).TokenHashes);
        // Then no passage overlaps itself
        Assert.All(found, p => Assert.True(p.BStart >= p.AEnd, $"{p} overlaps"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("word")]
    [InlineData("only a few words here that are far too short")]
    public void Should_return_nothing_for_tiny_texts(string tiny)
    {
        ulong[] t = [.. Tok(tiny).TokenHashes];
        Assert.Empty(s_aligner.Align(t, t));
        Assert.Empty(s_aligner.Align(t, Tok(Reused).TokenHashes));
        Assert.Empty(s_aligner.AlignSelf(t));
    }

    [Fact]
    public void Should_not_align_a_common_phrase()
    {
        // Given two unrelated texts sharing an 8-word institutional name
        const string Phrase = "the Organization for Security and Cooperation in Europe";
        string a = FillerA + " Observers from " + Phrase + " attended. " + FillerB;
        string b = FillerC + " A report by " + Phrase + " was published. " + Reused2;
        // When
        List<AlignedPassage> found = s_aligner.Align(Tok(a).TokenHashes, Tok(b).TokenHashes);
        // Then
        Assert.Empty(found);
    }

    [Fact]
    public void Should_keep_only_the_best_source_span_under_pan_preset()
    {
        // Given a paragraph whose first half also appears alone elsewhere in the other text
        string half = string.Join(' ', Reused.Split(' ').Take(24));
        string a = FillerA + " " + Reused;
        string b = half + " " + FillerB + " " + FillerC + " " + Reused;
        // When
        List<AlignedPassage> found = new PassageAligner(AlignmentOptions.Pan).Align(Tok(a).TokenHashes, Tok(b).TokenHashes);
        // Then only the complete copy remains
        AlignedPassage p = Assert.Single(found);
        Assert.Equal(WordCount(Reused), p.BLength);
    }

    [Fact]
    public void Should_extend_a_passage_end_over_closing_punctuation()
    {
        string text = "He said: \"the vote is final.\" Then he left";
        TokenizedText t = Tok(text);
        (int start, int end) = PassageText.CharRange(t, text, 2, 6);
        // Both edges widen to the passage as printed: the opening quote before, the period and closing quote after.
        Assert.Equal("\"the vote is final.\"", text[start..end]);
    }

    [Fact]
    public void Should_find_a_reworded_copy_under_pan_preset()
    {
        // Given a copy with clauses moved, function words changed, words dropped and replaced
        string reworded =
            "After a long debate, in which deputies of the opposition accused the cabinet of hiding from voters the true " +
            "size of the deficit, parliament in Yerevan late Tuesday voted approval for a new budget raising school, road " +
            "and rural clinic spending. Southern valley farmers report drought destroyed most apricot harvest; several " +
            "cooperatives asked the ministry for loans to replace irrigation pumps before winter.";
        string a = FillerA + " " + reworded + " " + FillerB;
        string b = FillerC + " " + Reused + " " + Reused2;
        // When
        List<AlignedPassage> found = new PassageAligner(AlignmentOptions.Pan).Align(Tok(a).TokenHashes, Tok(b).TokenHashes);
        // Then one passage covers most of the reworded text and of its original
        AlignedPassage p = Assert.Single(found);
        Assert.True(p.ALength >= 0.8 * WordCount(reworded), $"{p}");
        Assert.True(p.BLength >= 0.8 * (WordCount(Reused) + WordCount(Reused2)), $"{p}");
    }
}
