using ReuseDetect.Alignment;
using ReuseDetect.Attribution;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Attribution;

public sealed class PageFurnitureTests
{
    const string Group = "outlet:steppeecho";
    const int Shingle = 5;
    const byte F = TokenMarks.Furniture;

    // Hashes standing for winnowed fingerprints: the model knows hashes, not where they come from.
    const ulong FurnitureHash = 0xF00D_0000_0000_0001UL, StockHash = 0x5700_C000_0000_0001UL, OtherHash = 0x0123_4567_89AB_CDEFUL;

    const string Body =
        "The parliament in Yerevan voted late on Tuesday to approve a new budget that raises spending on schools, roads and " +
        "rural clinics, after a long debate in which opposition deputies accused the cabinet of hiding the deficit.";

    static ulong LineHash(string line) => LineHashes.Lines(Tokenizer.Tokenize(line), line).Single().Hash;

    static ulong Stem(string word) => WordStems.Of(Tokenizer.Tokenize(word), word).Single();

    /// <summary>
    /// A model learned from <paramref name="holders"/> pages of the group holding the lines and fingerprint hashes given, and
    /// from twenty pages of twenty other groups holding the stock hashes and lines and the common words.
    /// </summary>
    static BoilerplateModel Learn(ulong[]? furniture = null, ulong[]? stock = null, ulong[]? commonWords = null, int holders = 3)
    {
        var groups = new List<string>();
        var fingerprints = new List<Fingerprint[]>();
        var lines = new List<ulong[]>();
        var words = new List<ulong[]>();
        for (int d = 0; d < holders; d++)
        {
            groups.Add(Group);
            fingerprints.Add([.. (furniture ?? []).Select(h => new Fingerprint(h, 0))]);
            lines.Add(furniture ?? []);
            words.Add([]);
        }
        for (int d = 0; d < BoilerplateLearner.CommonDocuments; d++)
        {
            groups.Add("outlet:other" + d);
            fingerprints.Add([.. (stock ?? []).Select(h => new Fingerprint(h, 0))]);
            lines.Add(stock ?? []);
            words.Add(commonWords ?? []);
        }
        return new BoilerplateLearner(3).Learn(groups, fingerprints, lines, words);
    }

    static byte[]? Marks(string text, BoilerplateModel model, params Fingerprint[] fingerprints) =>
        PageFurniture.Marks(Tokenizer.Tokenize(text), text, fingerprints, Group, model, Shingle);

    static int Count(string text) => Tokenizer.Tokenize(text).Count;

    /// <summary>The tokens of <paramref name="marks"/> that carry <paramref name="flag"/>.</summary>
    static int[] Flagged(byte[]? marks, byte flag) =>
        marks is null ? [] : [.. Enumerable.Range(0, marks.Length).Where(t => (marks[t] & flag) != 0)];

    static int[] Range(int start, int end) => [.. Enumerable.Range(start, end - start)];

    static string Words(int count, string stem) => string.Join(' ', Enumerable.Range(0, count).Select(i => stem + i));

    [Fact]
    public void Should_mark_nothing_when_the_model_knows_nothing_of_the_document()
    {
        Assert.Null(Marks(Body, BoilerplateModel.Empty, new Fingerprint(OtherHash, 0)));
        Assert.Null(Marks(Body, Learn(furniture: [FurnitureHash]), new Fingerprint(OtherHash, 0)));
    }

    [Fact]
    public void Should_mark_a_line_at_least_half_furniture_as_a_whole()
    {
        // Given a furniture fingerprint of five tokens at the start of a ten-token line and of an eleven-token line
        string half = Words(10, "h"), less = Words(11, "l");
        string text = Body + "\n" + half + "\n" + less;
        int halfAt = Count(Body), lessAt = halfAt + 10;
        BoilerplateModel model = Learn(furniture: [FurnitureHash]);
        // When
        byte[]? marks = Marks(text, model, new Fingerprint(FurnitureHash, halfAt), new Fingerprint(FurnitureHash, lessAt));
        // Then the line half covered is all furniture; the other keeps only the fingerprint's tokens
        Assert.Equal([.. Range(halfAt, halfAt + 10), .. Range(lessAt, lessAt + Shingle)], Flagged(marks, F));
    }

    [Fact]
    public void Should_mark_a_learned_line_as_furniture_wherever_it_stands()
    {
        // Given a line the group's pages share, printed with other case and spacing
        const string Line = "Subscribe to our newsletter";
        string text = "SUBSCRIBE  to our Newsletter!\n" + Body;
        // When
        byte[]? marks = Marks(text, Learn(furniture: [LineHash(Line)]));
        // Then its tokens are furniture, and nothing else is
        Assert.Equal(Range(0, 4), Flagged(marks, F));
        // And so they are on another group's page that carries the line (a repost of one of the group's pages, footer and all)
        byte[]? elsewhere = PageFurniture.Marks(Tokenizer.Tokenize(text), text, [], Elsewhere, Learn(furniture: [LineHash(Line)]), Shingle);
        Assert.Equal(Range(0, 4), Flagged(elsewhere, F));
    }

    const string Elsewhere = "outlet:araratdaily";

    [Fact]
    public void Should_mark_another_groups_furniture_by_whole_lines_only()
    {
        // Given a ten-token line half covered by a fingerprint of another group's furniture, and an eleven-token line less
        // than half covered by one
        string half = Words(10, "h"), less = Words(11, "l");
        string text = Body + "\n" + half + "\n" + less;
        int halfAt = Count(Body), lessAt = halfAt + 10;
        BoilerplateModel model = Learn(furniture: [FurnitureHash]);
        // When a page of a group that does not own the furniture is marked
        byte[]? marks = PageFurniture.Marks(Tokenizer.Tokenize(text), text, [new Fingerprint(FurnitureHash, halfAt), new Fingerprint(FurnitureHash, lessAt)],
            Elsewhere, model, Shingle);
        // Then the half-covered line is furniture as a whole, and none of the other: a few words of a story that match
        // another outlet's furniture are not cut out of it (on the owner's pages they would be, see above)
        Assert.Equal(Range(halfAt, halfAt + 10), Flagged(marks, F));
    }

    [Fact]
    public void Should_mark_nothing_of_another_groups_furniture_that_the_page_does_not_carry()
    {
        // Given another group's furniture
        BoilerplateModel model = Learn(furniture: [FurnitureHash, LineHash("Subscribe to our newsletter")]);
        // When a page of a third group without it is marked
        byte[]? marks = PageFurniture.Marks(Tokenizer.Tokenize(Body), Body, [new Fingerprint(OtherHash, 0)], Elsewhere, model, Shingle);
        // Then nothing is
        Assert.Empty(Flagged(marks, F));
    }

    [Theory]
    [InlineData(PageFurniture.MaxFurnitureTokens, true)]
    [InlineData(PageFurniture.MaxFurnitureTokens + 1, false)]
    public void Should_unmark_a_run_of_furniture_longer_than_furniture_is(int length, bool marked)
    {
        // Given a learned line of the given length between two paragraphs
        string line = Words(length, "w");
        string text = Body + "\n" + line + "\n" + Body;
        int at = Count(Body);
        // When
        byte[]? marks = Marks(text, Learn(furniture: [LineHash(line)]));
        // Then it is furniture up to the longest run furniture may be, and text the group's pages share beyond
        Assert.Equal(marked ? Range(at, at + length) : Range(0, 0), Flagged(marks, F));
    }

    [Fact]
    public void Should_mark_the_trailing_matter_after_a_short_late_furniture_line()
    {
        // Given a learned "Read also:" line late in the page, followed only by headlines
        const string Headlines = "Markets fall as oil prices climb\nNew bridge opens in the capital\nFestival draws record crowds";
        string text = Body + "\n" + Body + "\nRead also:\n" + Headlines;
        int at = 2 * Count(Body);
        // When
        byte[]? marks = Marks(text, Learn(furniture: [LineHash("Read also:")]));
        // Then everything from the marker to the end is furniture
        Assert.Equal(Range(at, Count(text)), Flagged(marks, F));
    }

    [Theory]
    [InlineData("long line after")]
    [InlineData("early marker")]
    [InlineData("long marker")]
    public void Should_not_mark_trailing_matter_unless_a_short_late_marker_is_followed_only_by_short_lines(string variant)
    {
        // Given a page whose marker is followed by a paragraph, or stands early, or is longer than a marker
        const string Headlines = "Markets fall as oil prices climb\nNew bridge opens in the capital";
        const string Article = Body + "\n" + Body + "\n" + Body;
        string marker = variant == "long marker" ? "Read also these other stories from our newsroom today:" : "Read also:";
        string text = variant switch
        {
            "long line after" => Article + "\n" + marker + "\n" + Headlines + "\n" + Body,
            "early marker" => marker + "\n" + Headlines + "\n" + Article,
            _ => Article + "\n" + marker + "\n" + Headlines,
        };
        int at = variant == "early marker" ? 0 : Count(Article);
        Assert.True(variant == "early marker" || at >= 0.6 * Count(text), "the marker stands late");
        // When
        byte[]? marks = Marks(text, Learn(furniture: [LineHash(marker)]));
        // Then only the marker itself is furniture
        Assert.Equal(Range(at, at + Count(marker)), Flagged(marks, F));
    }

    [Fact]
    public void Should_mark_stock_phrases_and_common_words_without_making_them_furniture()
    {
        // Given a stock fingerprint, a stock line and a common word ("said") of the corpus
        const string StockLine = "All rights reserved";
        string text = Body + " Officials said so, SAID others.\n" + StockLine;
        int said = Count(Body) + 1, stockLine = Count(text) - 3;
        BoilerplateModel model = Learn(stock: [StockHash, LineHash(StockLine)], commonWords: [Stem("said")]);
        // When
        byte[]? marks = Marks(text, model, new Fingerprint(StockHash, 2));
        // Then the fingerprint's tokens and the line are stock, both cases of the word common, nothing furniture
        Assert.Equal([.. Range(2, 2 + Shingle), .. Range(stockLine, stockLine + 3)], Flagged(marks, TokenMarks.Stock));
        Assert.Equal([said, said + 2], Flagged(marks, TokenMarks.CommonWord));
        Assert.Empty(Flagged(marks, F));
    }

    [Fact]
    public void Should_change_the_signature_when_the_model_marks_something_new_in_the_document()
    {
        // Given a document's fingerprints, lines and words
        const string Footer = "Subscribe to our newsletter";
        Fingerprint[] fingerprints = [new(OtherHash, 0), new(StockHash, 7)];
        ulong[] lines = [LineHash(Footer), LineHash("Some other line")];
        ulong[] words = [Stem("budget"), Stem("said")];
        ulong Signature(BoilerplateModel m) => PageFurniture.Signature(fingerprints, lines, words, Group, m);
        // When models learn more and more of what the document holds
        ulong none = Signature(Learn());
        ulong footer = Signature(Learn(furniture: [LineHash(Footer)]));
        ulong footerAndStock = Signature(Learn(furniture: [LineHash(Footer)], stock: [StockHash]));
        ulong footerStockAndWord = Signature(Learn(furniture: [LineHash(Footer)], stock: [StockHash], commonWords: [Stem("said")]));
        ulong footerAsStock = Signature(Learn(stock: [LineHash(Footer)]));
        ulong footerOfAnother = PageFurniture.Signature(fingerprints, lines, words, Elsewhere, Learn(furniture: [LineHash(Footer)]));
        // Then nothing marked is 0, and every new mark gives a new signature (own furniture, another group's and stock apart)
        Assert.Equal(0UL, none);
        ulong[] all = [footer, footerAndStock, footerStockAndWord, footerAsStock, footerOfAnother];
        Assert.DoesNotContain(0UL, all);
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    [Fact]
    public void Should_keep_the_signature_when_the_model_learns_only_what_the_document_does_not_hold()
    {
        // Given a document whose footer the model marks
        const string Footer = "Subscribe to our newsletter";
        Fingerprint[] fingerprints = [new(OtherHash, 0)];
        ulong[] lines = [LineHash(Footer)];
        ulong[] words = [Stem("budget")];
        ulong before = PageFurniture.Signature(fingerprints, lines, words, Group, Learn(furniture: [LineHash(Footer)]));
        // When the model also learns furniture, stock phrases and common words the document lacks, from more pages
        BoilerplateModel more = Learn(furniture: [LineHash(Footer), FurnitureHash], stock: [StockHash], commonWords: [Stem("said")], holders: 5);
        ulong after = PageFurniture.Signature(fingerprints, lines, words, Group, more);
        // Then the signature is the same, in whatever order the document's fingerprints come
        Assert.NotEqual(0UL, before);
        Assert.Equal(before, after);
        Assert.Equal(before, PageFurniture.Signature([.. fingerprints.Reverse()], [.. lines.Reverse()], words, Group, more));
    }
}
