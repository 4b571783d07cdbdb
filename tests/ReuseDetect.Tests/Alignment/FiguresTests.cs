using ReuseDetect.Alignment;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Alignment;

/// <summary>
/// A text's figures, compared by value, and the rule built on them: a reworded passage whose figures disagree with its
/// partner's is a retelling (an agency's follow-up, a story written to a template), not a copy.
/// </summary>
public sealed class FiguresTests
{
    static Figures Of(string text) => Figures.Of(Tokenizer.Tokenize(text), text);

    static bool Disagree(string a, string b) =>
        Figures.Disagree(Of(a), 0, Tokenizer.Tokenize(a).Count, Of(b), 0, Tokenizer.Tokenize(b).Count);

    [Theory]
    [InlineData("a hall of 2,400 square feet", "a hall of 2400 square feet", false)]
    [InlineData("coverage of 5.0 mln dlrs", "coverage of 5 mln dlrs", false)]
    [InlineData("coverage of 5.50 mln dlrs", "coverage of 5.5 mln dlrs", false)]
    [InlineData("in April 1618th", "in April 1618", false)]
    [InlineData("4x4 rental", "4 x 4 rental", false)]
    [InlineData("two mln dlrs", "2 mln dlrs", false)]
    [InlineData("Twelve ships", "12 ships", false)]
    [InlineData("the 07 model", "the 7 model", false)]
    [InlineData("a 7-3/4 pct coupon", "a 7-3/4 pct coupon", false)]
    [InlineData("the 1986/87 season", "the 1986/87 season", false)]
    [InlineData("a 7-3/4 pct coupon", "a 9-1/2 pct coupon", true)]
    [InlineData("a 7-3/4 pct coupon due 2008", "a 9-1/2 pct coupon due 2008", false)]
    [InlineData("the 1986/87 season", "the 1987/88 season", true)]
    [InlineData("coverage of 5.0 mln dlrs and 3 ships", "coverage of 2 mln dlrs and 4 ships", true)]
    [InlineData("a hall of 2,400 square feet", "a hall of 24 square feet", true)]
    [InlineData("rose 27.5 pct", "rose 275 pct", true)]
    [InlineData("averaged 310 mln dlrs in the week", "averaged 935 mln dlrs in the week", true)]
    public void Should_compare_figures_by_value(string a, string b, bool disagree)
    {
        // Given one figure written two ways, or other figures (a decimal point or a fraction is part of a figure's value;
        // half the figures held is no disagreement)
        // When the figures of the two texts are compared, either way round
        // Then the same values agree and other values disagree
        Assert.Equal(disagree, Disagree(a, b));
        Assert.Equal(disagree, Disagree(b, a));
    }

    [Theory]
    [InlineData("strikes began on January 19 over 350 job cuts from 4,000", "strikes began January 19 over planned cuts of 800 from 4,000, starting with 350")]
    [InlineData("no figures at all here", "spending rose 12 pct to 410 billion")]
    [InlineData("one of the ministers spoke", "the minister spoke for 40 minutes")]
    public void Should_not_find_disagreement_where_the_fewer_figures_are_held(string a, string b)
    {
        // Given a side whose figures the other holds (a copy may drop figures), or a side without figures ("one" is a pronoun)
        // When compared
        // Then they do not disagree
        Assert.False(Disagree(a, b));
        Assert.False(Disagree(b, a));
    }

    [Fact]
    public void Should_look_for_the_shorter_sides_figures_anywhere_in_the_other_text()
    {
        // Given a passage of A whose figure B states outside B's passage (a bound that stopped short)
        const string a = "the bank lent 220 mln dlrs to the province";
        const string b = "the bank lent the province money. The loans total 220 mln dlrs.";
        Figures fa = Of(a), fb = Of(b);
        int firstSentence = Tokenizer.Tokenize("the bank lent the province money.").Count;
        // When B's passage is only its first sentence (no figures): nothing to disagree with
        Assert.False(Figures.Disagree(fa, 0, Tokenizer.Tokenize(a).Count, fb, 0, firstSentence));
        // And when A's figure is compared against B's second sentence, B holds it
        Assert.False(Figures.Disagree(fa, 0, Tokenizer.Tokenize(a).Count, fb, firstSentence, Tokenizer.Tokenize(b).Count));
    }

    [Fact]
    public void Should_ignore_figures_outside_the_passages()
    {
        // Given texts whose figures disagree only outside the compared ranges
        const string a = "Lawmakers approved the plan. It costs 50 dlrs.";
        const string b = "Lawmakers approved the plan. It costs 70 dlrs.";
        int sentence = Tokenizer.Tokenize("Lawmakers approved the plan.").Count;
        // When only the first sentences are compared, then they agree; when the whole texts are, they do not
        Assert.False(Figures.Disagree(Of(a), 0, sentence, Of(b), 0, sentence));
        Assert.True(Disagree(a, b));
    }
}
