using ReuseDetect.Alignment;
using static ReuseDetect.Tests.Alignment.PassageAlignerEvidenceTests;

namespace ReuseDetect.Tests.Alignment;

/// <summary>
/// The aligner completes a passage's first and last sentence when the rest of that sentence, in both texts, still shares
/// its words (an edited copy rewords a sentence's opening); the rest never links two texts by itself.
/// </summary>
public sealed class PassageAlignerEdgesTests
{
    // Copied word for word by both texts below.
    const string Copy =
        "the water authority will ration supplies to farms and factories from next week because reservoirs have fallen " +
        "to their lowest level in forty years.";

    const string Report =
        "Farmers planted early this spring. Speaking to reporters after a lengthy closed meeting with provincial governors " +
        "and foreign donors, officials said " + Copy + " Prices of vegetables rose at once.";

    // The copy's sentence opens in other words that keep three of the report's ordinary words (donors, closed, lengthy),
    // too sparse and too far from the copy to stay in the passage by themselves.
    const string Edited =
        "Markets opened calmly on Friday. Donors sat through a closed and lengthy session, and the ministry told journalists that " +
        Copy + " Bakers expect bread to cost more.";

    // The same, but the opening keeps one of the report's ordinary words (officials).
    const string Retold =
        "Markets opened calmly on Friday. Officials sat through a short and quiet session, and the ministry told journalists that " +
        Copy + " Bakers expect bread to cost more.";

    [Fact]
    public void Should_complete_a_passages_first_sentence_when_its_reworded_opening_keeps_the_words()
    {
        // Given a copied clause whose sentence opens in other words in the two texts, keeping three ordinary words
        // When aligned
        AlignedPassage p = Assert.Single(Align(Report, Edited));
        // Then the passage opens with the sentence on both sides, and ends where the copy ends
        Assert.Equal(TokensOf(Report, "Speaking").Start, p.AStart);
        Assert.Equal(TokensOf(Edited, "Donors sat").Start, p.BStart);
        Assert.Equal(TokensOf(Report, "forty years").End, p.AEnd);
        Assert.Equal(TokensOf(Edited, "forty years").End, p.BEnd);
    }

    [Fact]
    public void Should_leave_a_sentences_opening_out_when_it_shares_a_word_only()
    {
        // Given the same copied clause, whose sentence opens in the two texts sharing one ordinary word
        // When aligned
        AlignedPassage p = Assert.Single(Align(Report, Retold));
        // Then the passage is the copied clause alone
        Assert.Equal(TokensOf(Report, Copy).Start, p.AStart);
        Assert.Equal(TokensOf(Retold, Copy).Start, p.BStart);
    }

    [Fact]
    public void Should_link_no_texts_by_sentence_openings_alone()
    {
        // Given the two openings that share three ordinary words, without the copied clause
        string a = Report[..Report.IndexOf(Copy, StringComparison.Ordinal)], b = Edited[..Edited.IndexOf(Copy, StringComparison.Ordinal)];
        // When aligned
        // Then nothing is found: completing a sentence only moves a passage's ends
        Assert.Empty(Align(a, b));
    }
}
