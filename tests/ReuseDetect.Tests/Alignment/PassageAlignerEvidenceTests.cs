using ReuseDetect.Alignment;
using ReuseDetect.Text;
using static ReuseDetect.Tests.Alignment.PassageAlignerTests;

namespace ReuseDetect.Tests.Alignment;

/// <summary>
/// The aligner's evidence rules on texts prepared with their letter case and marks: what makes a chain of shared words
/// reuse (a verbatim run of ordinary prose, or ordinary words in order) and what never does (names, stock phrases,
/// common words, page furniture).
/// </summary>
public sealed class PassageAlignerEvidenceTests
{
    // Reused (PassageAlignerTests) with synonyms swapped and words inserted: no verbatim run of eight words.
    const string Reworded =
        "Lawmakers in Yerevan voted late on Tuesday night to endorse a new budget which boosts spending on schools, highways " +
        "and rural clinics, following a lengthy debate during which opposition deputies accused the government of concealing " +
        "the real size of the deficit from citizens.";

    // Reused lightly edited: a long verbatim opening, then edits.
    const string Edited =
        "The parliament in Yerevan voted late on Tuesday to approve a new budget that raises spending on schools, highways " +
        "and rural clinics, following a lengthy debate during which opposition deputies accused the government of concealing " +
        "the true size of the deficit from citizens.";

    const string Osce = "Organization for Security and Cooperation in Europe";

    // One event told twice with the same names (and the same eight-word name) in other words.
    const string RetellA =
        "Nikol Pashinian flew to Brussels where Ilham Aliyev and Charles Michel were waiting, and the European Council released " +
        "photos of Pashinian shaking hands with Aliyev before talks with Emmanuel Macron and Olaf Scholz were announced for Granada.";

    const string RetellB =
        "Charles Michel hosted Nikol Pashinian and Ilham Aliyev in Brussels for a dinner that stretched past midnight, the European " +
        "Council said, adding that Pashinian and Aliyev would meet again in Granada with Emmanuel Macron and Olaf Scholz.";

    const string OsceA =
        "Monitors sent by the " + Osce + " praised Nikol Pashinian in Yerevan, although Ilham Aliyev complained from Baku that " +
        "Charles Michel ignored him.";

    const string OsceB =
        "Nikol Pashinian welcomed envoys from the " + Osce + " to Yerevan, while Ilham Aliyev told Charles Michel by telephone " +
        "from Baku that the visit was premature.";

    // The same names in order, each with its own words: five ordinary words match in order (mentioned, criticised,
    // discussed, admired, promised) out of eleven.
    const string FewA =
        "Yesterday Pashinian praised, Aliyev mentioned, Michel applauded, Macron criticised, Scholz welcomed, Erdogan discussed, " +
        "Putin ignored, Blinken admired, Lavrov questioned, Borrell promised, Zelensky smiled.";

    const string FewB =
        "Earlier Pashinian condemned, Aliyev mentioned, Michel doubted, Macron criticised, Scholz rejected, Erdogan discussed, " +
        "Putin praised, Blinken admired, Lavrov waved, Borrell promised, Zelensky frowned.";

    // Six ordinary words match in order (mentioned, criticised, discussed, questioned, hospitals, inspected) out of 29.
    const string SparseA =
        "Yesterday Pashinian praised bridges, Aliyev mentioned pipelines, Michel applauded orchards, Macron criticised tariffs, " +
        "Scholz welcomed vineyards, Erdogan discussed harbours, Putin ignored satellites, Blinken admired glaciers, Lavrov questioned " +
        "factories, Borrell promised libraries, Zelensky visited hospitals, Meloni opened museums, Sanchez inspected railways, Orban blocked subsidies.";

    const string SparseB =
        "Earlier Pashinian condemned tunnels, Aliyev mentioned airports, Michel doubted bakeries, Macron criticised fisheries, " +
        "Scholz rejected forests, Erdogan discussed canals, Putin greeted rockets, Blinken avoided deserts, Lavrov questioned " +
        "mines, Borrell funded stadiums, Zelensky toured hospitals, Meloni closed theatres, Sanchez inspected ports, Orban attacked quotas.";

    const string Stock =
        "filed a registration statement with the Securities and Exchange Commission covering a proposed offering of common shares to the public";

    const string StockA = "Acme Widgets Inc said it " + Stock + " and will use proceeds to repay debt owed to banks.";
    const string StockB = "Beta Gadgets Corp told investors it " + Stock + " while directors expect trading next month.";

    const string Furniture = "Read also: Subscribe to our newsletter";

    const string FurnitureBlock =
        "Read also:\nSubscribe to our newsletter for the latest headlines\nFollow us on social media and share this story with friends\nAdvertisement";

    const string Third =
        "Meanwhile engineers at the national power company warned that ageing transmission lines could fail during the coming heatwave, " +
        "and they urged households to switch off air conditioners during afternoon peaks to avoid rolling blackouts across northern provinces.";

    const string Article = Reused + " " + FillerB + " " + Reused2 + " " + FillerC + " " + Third;

    // Article condensed: its ordinary words kept in order, spread over three paragraphs.
    const string Summary =
        "Parliament approved a budget raising spending on schools and clinics despite opposition deputies accusing the cabinet over the deficit. " +
        "Farmers say drought destroyed the apricot harvest and cooperatives asked for loans to replace pumps. " +
        "Engineers warned transmission lines could fail and urged households to switch off air conditioners.";

    static readonly PassageAligner s_aligner = new(new AlignmentOptions());

    /// <summary>Both evidence tests off: every chain that is long and dense enough is a passage.</summary>
    static readonly AlignmentOptions s_noEvidence = new() { MinAnchorWords = 0, MinOrderedWords = 0 };

    static SeedGrams Prepare(PassageAligner aligner, string text, byte[]? marks = null) =>
        aligner.Prepare(Tokenizer.Tokenize(text), text, marks ?? default);

    internal static List<AlignedPassage> Align(string a, string b, AlignmentOptions? options = null, byte[]? marksA = null, byte[]? marksB = null,
        bool anchoredOnly = false)
    {
        PassageAligner aligner = options is { } o ? new PassageAligner(o) : s_aligner;
        return aligner.Align(Prepare(aligner, a, marksA), Prepare(aligner, b, marksB), anchoredOnly);
    }

    static int Count(string text) => Tokenizer.Tokenize(text).Count;

    /// <summary>The token range of the first occurrence of <paramref name="part"/> in <paramref name="text"/>.</summary>
    internal static (int Start, int End) TokensOf(string text, string part)
    {
        int at = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{part}' not in the text");
        int start = Count(text[..at]);
        return (start, start + Count(part));
    }

    /// <summary><paramref name="mark"/> on the tokens of the first occurrence of <paramref name="part"/>.</summary>
    static byte[] Mark(string text, string part, byte mark)
    {
        var marks = new byte[Count(text)];
        (int start, int end) = TokensOf(text, part);
        marks.AsSpan(start, end - start).Fill(mark);
        return marks;
    }

    /// <summary><paramref name="mark"/> on every token but the words <paramref name="kept"/>.</summary>
    static byte[] MarkAllBut(string text, byte mark, params string[] kept)
    {
        TokenizedText tokens = Tokenizer.Tokenize(text);
        var marks = new byte[tokens.Count];
        for (int i = 0; i < marks.Length; i++)
            if (!kept.Contains(text[tokens.StartOf(i)..tokens.EndOf(i)])) marks[i] = mark;
        return marks;
    }

    static AlignedPassage Swap(AlignedPassage p) => new(p.BStart, p.BEnd, p.AStart, p.AEnd, p.MatchedB, p.MatchedA, p.Anchored);

    [Fact]
    public void Should_find_a_reworded_copy_by_its_ordinary_words_in_order()
    {
        // Given a copy with synonyms swapped and words inserted, no eight words verbatim
        // When
        List<AlignedPassage> found = Align(Reworded, Reused);
        // Then it is one passage from the first to the last shared word, not anchored by a verbatim run
        AlignedPassage p = Assert.Single(found);
        Assert.False(p.Anchored);
        Assert.Equal((TokensOf(Reworded, "in Yerevan").Start, TokensOf(Reworded, "deficit from").End), (p.AStart, p.AEnd));
        Assert.Equal((TokensOf(Reused, "in Yerevan").Start, TokensOf(Reused, "deficit from").End), (p.BStart, p.BEnd));
    }

    [Theory]
    [InlineData("410 billion drams", "12 pct", true)]
    [InlineData("410 billion drams", "twelve pct", true)]
    [InlineData("390 billion drams", "9 pct", false)]
    public void Should_take_a_reworded_passage_for_a_copy_only_when_its_figures_agree(string total, string rise, bool copy)
    {
        // Given a budget story and a reworded telling with the same figures, the same written another way, or other figures
        // (a follow-up, or the same template for another year)
        string story = Reused.Replace("a new budget that raises spending on schools,", "a new budget of 410 billion drams that raises spending on schools by 12 pct,", StringComparison.Ordinal);
        string telling = Reworded.Replace("a new budget which boosts spending on schools,", $"a new budget of {total} which boosts spending on schools by {rise},", StringComparison.Ordinal);
        Assert.NotEqual(Reused, story);
        Assert.NotEqual(Reworded, telling);
        // When aligned
        List<AlignedPassage> found = Align(telling, story);
        // Then the copy is one reworded passage, and the telling with other figures none (the chain is there without evidence tests)
        if (copy) Assert.False(Assert.Single(found).Anchored);
        else Assert.Empty(found);
        Assert.NotEmpty(Align(telling, story, s_noEvidence));
    }

    // One account of remarks in a sentence, and a paragraph telling them at length: ordinary words shared in order, no
    // verbatim run of eight words. The paragraph is under twice the sentence's length; with one clause more, over it.
    const string Remarks =
        "Asked about remarks that the yen remained undervalued against the dollar, the secretary said no, and the undersecretary " +
        "later called them his personal views.";

    const string RemarksAtLength =
        "Officials refused to comment on remarks that the yen was undervalued against the dollar. The undersecretary said the " +
        "dollar was fairly priced against most currencies but the yen was undervalued against it. Asked about those remarks, the " +
        "secretary simply said no, and officials said the undersecretary gave his personal views.";

    [Fact]
    public void Should_ask_a_passage_that_condenses_one_side_for_a_summarys_evidence()
    {
        // Given the sentence and the paragraph, and the paragraph with a clause more (more than twice the sentence)
        string longer = RemarksAtLength.Replace("The undersecretary said", "The undersecretary, speaking at an export conference in Washington, said", StringComparison.Ordinal);
        Assert.NotEqual(RemarksAtLength, longer);
        // When aligned
        AlignedPassage close = Assert.Single(Align(RemarksAtLength, Remarks));
        List<AlignedPassage> condensed = Align(longer, Remarks);
        // Then the first is a reworded passage under twice the sentence's length; the second condenses the paragraph, so
        // it needs a summary's evidence (twice the ordinary words in order), which the sentence does not hold: no passage,
        // though the chain is there without evidence tests
        Assert.False(close.Anchored);
        Assert.True(close.AEnd - close.AStart <= 2 * (close.BEnd - close.BStart));
        Assert.Empty(condensed);
        AlignedPassage chain = Assert.Single(Align(longer, Remarks, s_noEvidence));
        Assert.True(chain.AEnd - chain.AStart > 2 * (chain.BEnd - chain.BStart));
    }

    [Fact]
    public void Should_not_align_two_retellings_that_share_only_names()
    {
        // Given one event told twice with the same names in other words
        // When
        List<AlignedPassage> found = Align(RetellA, RetellB);
        // Then no passage: names in order are no evidence (the chain itself is there, as the aligner without evidence tests shows)
        Assert.Empty(found);
        Assert.NotEmpty(Align(RetellA, RetellB, s_noEvidence));
    }

    [Fact]
    public void Should_not_take_a_long_capitalised_name_as_an_anchor()
    {
        // Given two texts sharing names and an eight-word name ("the Organization for Security and Cooperation in Europe")
        // When
        List<AlignedPassage> named = Align(OsceA, OsceB);
        List<AlignedPassage> prose = Align(OsceA.Replace(Osce, Osce.ToLowerInvariant(), StringComparison.Ordinal),
            OsceB.Replace(Osce, Osce.ToLowerInvariant(), StringComparison.Ordinal));
        // Then the name anchors nothing, while the same eight words in lower case (ordinary words) anchor the passage
        Assert.Empty(named);
        Assert.True(Assert.Single(prose).Anchored);
    }

    [Fact]
    public void Should_need_the_least_number_of_ordinary_words_in_order()
    {
        // Given texts matching five ordinary words in order, beside their shared names
        // Then the default six are not reached, and five are enough when asked for
        Assert.Empty(Align(FewA, FewB));
        Assert.Single(Align(FewA, FewB, new AlignmentOptions { MinOrderedWords = 5 }));
    }

    [Fact]
    public void Should_need_the_least_share_of_ordinary_words_in_order()
    {
        // Given texts matching six ordinary words in order among 29 (a share of 0.21), beside their shared names
        // Then the default share of 0.3 is not reached, and a share of 0.2 is
        Assert.Empty(Align(SparseA, SparseB));
        Assert.Single(Align(SparseA, SparseB, new AlignmentOptions { MinOrderedShare = 0.2 }));
    }

    [Fact]
    public void Should_need_distinctive_words_among_the_ordinary_words_in_order()
    {
        // Given a reworded copy whose every word the corpus uses everywhere, and the same with two words not common
        byte[] commonA = MarkAllBut(Reworded, TokenMarks.CommonWord), commonB = MarkAllBut(Reused, TokenMarks.CommonWord);
        byte[] twoA = MarkAllBut(Reworded, TokenMarks.CommonWord, "deputies", "schools");
        byte[] twoB = MarkAllBut(Reused, TokenMarks.CommonWord, "deputies", "schools");
        // Then common words in order are no evidence; two distinctive words among them make it evidence again
        Assert.Empty(Align(Reworded, Reused, marksA: commonA, marksB: commonB));
        Assert.Single(Align(Reworded, Reused, marksA: twoA, marksB: twoB));
    }

    [Fact]
    public void Should_not_take_one_distinctive_word_for_two()
    {
        // Given a reworded copy whose words are all common but one ("deputies", inside three shared trigrams)
        byte[] marksA = MarkAllBut(Reworded, TokenMarks.CommonWord, "deputies");
        byte[] marksB = MarkAllBut(Reused, TokenMarks.CommonWord, "deputies");
        // Then one distinctive word is fewer than the two that ordered evidence needs
        Assert.Empty(Align(Reworded, Reused, marksA: marksA, marksB: marksB));
    }

    [Fact]
    public void Should_take_no_evidence_from_a_stock_phrase_unless_it_is_copied_as_long_as_a_passage()
    {
        // Given two texts sharing a 21-word stock phrase of the corpus, and the same phrase with one word changed
        string broken = StockB.Replace("covering", "concerning", StringComparison.Ordinal);
        string brokenPhrase = Stock.Replace("covering", "concerning", StringComparison.Ordinal);
        byte[] stockA = Mark(StockA, Stock, TokenMarks.Stock);
        // When
        List<AlignedPassage> whole = Align(StockA, StockB, marksA: stockA, marksB: Mark(StockB, Stock, TokenMarks.Stock));
        List<AlignedPassage> cut = Align(StockA, broken, marksA: stockA, marksB: Mark(broken, brokenPhrase, TokenMarks.Stock));
        // Then a verbatim copy as long as a passage anchors whatever its words; the halves of a cut stock phrase do not,
        // though the same words unmarked do (eleven verbatim words, three of them ordinary)
        Assert.True(Assert.Single(whole).Anchored);
        Assert.Empty(cut);
        Assert.Single(Align(StockA, broken));
    }

    [Fact]
    public void Should_never_span_a_furniture_line()
    {
        // Given two paragraphs copied with a furniture line between them in A only
        const string a = Reused + "\n" + Furniture + "\n" + Reused2;
        const string b = Reused + " " + Reused2;
        (int wallStart, int wallEnd) = TokensOf(a, Furniture);
        // When
        List<AlignedPassage> plain = Align(a, b);
        List<AlignedPassage> walled = Align(a, b, marksA: Mark(a, Furniture, TokenMarks.Furniture));
        // Then unmarked, the line is an insertion inside one passage; marked, it splits the passage in two, neither reaching into it
        AlignedPassage across = Assert.Single(plain);
        Assert.Equal((0, Count(a)), (across.AStart, across.AEnd));
        Assert.Equal([(0, wallStart), (wallEnd, Count(a))], walled.Select(x => (x.AStart, x.AEnd)));
        Assert.Equal([(0, Count(Reused)), (Count(Reused), Count(b))], walled.Select(x => (x.BStart, x.BEnd)));
    }

    [Fact]
    public void Should_not_merge_passages_across_a_furniture_block()
    {
        // Given two paragraphs copied with a furniture block wider than the chaining gap (but within the merging gap) between them
        const string a = Reused + "\n" + FurnitureBlock + "\n" + Reused2;
        const string b = Reused + " " + Reused2;
        (int wallStart, int wallEnd) = TokensOf(a, FurnitureBlock);
        Assert.InRange(wallEnd - wallStart, new AlignmentOptions().MaxGap + 1, new AlignmentOptions().MergeGap);
        // When
        List<AlignedPassage> plain = Align(a, b);
        List<AlignedPassage> walled = Align(a, b, marksA: Mark(a, FurnitureBlock, TokenMarks.Furniture));
        // Then unmarked, the two chains merge into one passage; marked, they stay apart
        Assert.Single(plain);
        Assert.Equal([(0, wallStart), (wallEnd, Count(a))], walled.Select(x => (x.AStart, x.AEnd)));
    }

    [Fact]
    public void Should_find_only_verbatim_passages_when_asked_for_anchored_ones()
    {
        // Given two texts sharing a reworded paragraph (no eight-word run) and a verbatim one, in other orders
        const string a = Reused2 + " " + FillerA + " " + Reworded, b = Reused + " " + FillerB + " " + Reused2;
        // When
        List<AlignedPassage> all = Align(a, b);
        List<AlignedPassage> anchored = Align(a, b, anchoredOnly: true);
        // Then both are found, but only the verbatim one when anchored passages alone are asked for
        Assert.Equal([true, false], all.Select(p => p.Anchored));
        AlignedPassage p = Assert.Single(anchored);
        Assert.Equal(all[0], p);
        Assert.Equal((0, Count(Reused2), Count(b) - Count(Reused2), Count(b)), (p.AStart, p.AEnd, p.BStart, p.BEnd));
        Assert.Empty(Align(Reworded, Reused, anchoredOnly: true));
    }

    [Fact]
    public void Should_not_anchor_a_verbatim_only_pair_on_a_template_of_common_words()
    {
        // Given two wire stories of different companies written to one template: a 17-word run and a 10-word run in
        // common, with their own figures and instruments between (the longest run stays under a whole passage's 20 words)
        const string a = "Red Lion Inns Limited Partnership said it filed a registration statement with the Securities and Exchange Commission " +
            "covering a proposed public offering of 4,790,000 units of limited partnership. It said proceeds from the offering will be " +
            "used to finance its planned acquisition of ten hotels.";
        const string b = "Zehntel Inc said it filed a registration statement with the Securities and Exchange Commission covering a proposed " +
            "public offering of 13.5 mln dlrs of convertible debentures. It said proceeds from the offering will be used to repay " +
            "bank debt and fund product development.";
        // ... once as new words, once with every word marked as one the corpus uses everywhere (names stay names)
        byte[] commonA = MarkAllBut(a, TokenMarks.CommonWord), commonB = MarkAllBut(b, TokenMarks.CommonWord);
        // When aligned for verbatim passages only (a pair sharing no content evidence), and for all passages
        List<AlignedPassage> fresh = Align(a, b, anchoredOnly: true);
        List<AlignedPassage> template = Align(a, b, marksA: commonA, marksB: commonB, anchoredOnly: true);
        List<AlignedPassage> both = Align(a, b, marksA: commonA, marksB: commonB);
        // Then distinctive words anchor the run; common ones anchor it only where the pair may hold reworded text, whose
        // ordered evidence is tested apart
        Assert.True(Assert.Single(fresh).Anchored);
        Assert.Empty(template);
        Assert.True(Assert.Single(both).Anchored);
    }

    [Fact]
    public void Should_never_align_furniture_both_texts_carry()
    {
        // Given two unrelated articles carrying the same site footer, marked as furniture in both
        const string Footer =
            "Subscribe to our newsletter for the latest headlines. Follow us on social media and share this story with friends. " +
            "Copyright Steppe Echo, all rights reserved.";
        const string a = FillerA + "\n" + Footer, b = FillerB + "\n" + Footer;
        // When
        List<AlignedPassage> plain = Align(a, b);
        List<AlignedPassage> marked = Align(a, b, marksA: Mark(a, Footer, TokenMarks.Furniture), marksB: Mark(b, Footer, TokenMarks.Furniture));
        // Then unmarked, the footer is a verbatim passage; marked, it seeds nothing
        Assert.Equal(Count(Footer), Assert.Single(plain).ALength);
        Assert.Empty(marked);
    }

    [Fact]
    public void Should_give_the_same_passages_whichever_text_comes_first()
    {
        // Given a longer text and a shorter one sharing a verbatim paragraph and a reworded one, in other places
        const string longer = FillerA + " " + Reused + " " + FillerB + " " + Reused2;
        const string shorter = Reused2 + " " + Reworded;
        SeedGrams l = Prepare(s_aligner, longer), s = Prepare(s_aligner, shorter);
        // When
        List<AlignedPassage> longFirst = s_aligner.AlignEitherWay(l, s);
        List<AlignedPassage> shortFirst = s_aligner.AlignEitherWay(s, l);
        // Then both passages are found, the same whichever comes first: given back in the order of the arguments, sorted by A
        Assert.Equal(2, longFirst.Count);
        Assert.Equal(s_aligner.Align(l, s), longFirst);
        Assert.Equal(longFirst.Select(Swap).OrderBy(p => p.AStart), shortFirst);
        int rewordedAt = TokensOf(shorter, "in Yerevan").Start;
        Assert.Equal([rewordedAt, 0], longFirst.Select(p => p.BStart));
        Assert.Equal([0, rewordedAt], shortFirst.Select(p => p.AStart));
    }

    [Fact]
    public void Should_keep_a_repeat_inside_one_text_to_its_path()
    {
        // Given a paragraph repeated with edits later in the text, and a word of it ("budget") right after the first copy:
        // it matches that word inside the second copy, far off the copies' diagonal
        const string text = FillerA + " " + Reused + " Budget officials objected. " + FillerB + " " + Edited + " " + FillerC;
        int first = Count(FillerA), second = Count(FillerA + " " + Reused + " Budget officials objected. " + FillerB);
        // When
        List<AlignedPassage> found = s_aligner.AlignSelf(Prepare(s_aligner, text));
        // Then the repeat ends on its last shared word ("from"), not on the stray match after it
        AlignedPassage p = Assert.Single(found);
        Assert.Equal((first, first + Count(Reused) - 1), (p.AStart, p.AEnd));
        Assert.Equal((second, second + Count(Edited) - 1), (p.BStart, p.BEnd));
    }

    [Fact]
    public void Should_find_only_anchored_repeats_inside_one_text()
    {
        // Given a text holding a paragraph and its rewording (no eight-word run), and one holding a paragraph twice
        const string reworded = Reused + " " + FillerA + " " + Reworded;
        const string repeated = Reused + " " + FillerA + " " + Edited;
        // Then only the anchored repeat is found, though the reworded pair is reuse between two texts
        Assert.Empty(s_aligner.AlignSelf(Prepare(s_aligner, reworded)));
        Assert.Single(Align(Reworded, Reused));
        Assert.True(Assert.Single(s_aligner.AlignSelf(Prepare(s_aligner, repeated))).Anchored);
    }

    [Fact]
    public void Should_find_a_summary_that_keeps_its_source_words_in_order()
    {
        // Given a summary of an article three times its length
        // When
        List<AlignedPassage> found = Align(Summary, Article);
        // Then the summary pass finds it (the close pass alone does not): all of A against most of B
        AlignedPassage p = Assert.Single(found);
        Assert.False(p.Anchored);
        Assert.Equal((0, Count(Summary)), (p.AStart, p.AEnd));
        Assert.True(p.BLength >= 3 * p.ALength, $"{p}");
        Assert.Empty(Align(Summary, Article, new AlignmentOptions { SummaryGap = 0 }));
    }

    [Fact]
    public void Should_not_stretch_a_close_passage_over_chance_words_into_a_summary()
    {
        // Given a reworded copy of the article's first paragraph, followed by a sentence of words its last paragraph uses
        const string text = Reworded + " Engineers expect northern households could see blackouts in summer.";
        // When
        List<AlignedPassage> found = Align(text, Article);
        // Then only the close passage is found: what the summary pass would add beyond it has no evidence of its own
        AlignedPassage p = Assert.Single(found);
        Assert.Equal(TokensOf(text, "deficit from").End, p.AEnd);
        Assert.Equal(TokensOf(Article, "deficit from").End, p.BEnd);
    }

    // Five short sentences, and a reworded copy that tells them in the opposite order: no eight words verbatim, each
    // sentence's ordinary words kept in order, the sentences close enough to chain into one passage.
    const string Warning =
        "Engineers warned that ageing transmission lines could fail during the coming heatwave. " +
        "Households were urged to switch off air conditioners during afternoon peaks. " +
        "Rolling blackouts could then spread across northern provinces before the weekend. " +
        "Hospitals have ordered diesel generators and extra fuel for emergency wards. " +
        "Farmers fear irrigation pumps will stop working while their orchards dry out.";

    const string WarningReversed =
        "Farmers now fear that irrigation pumps may stop working as the orchards dry out. " +
        "Hospitals ordered more diesel generators and extra fuel for their emergency wards. " +
        "Without that, rolling blackouts might spread across the northern provinces ahead of the weekend. " +
        "Households have been urged to switch off their air conditioners in the afternoon peaks. " +
        "Engineers have warned ageing transmission lines may fail in the coming heatwave.";

    [Fact]
    public void Should_count_the_ordered_words_of_each_moved_sentence_of_a_reworded_copy()
    {
        // Given a reworded copy of five sentences told in the opposite order
        // When aligned with the texts' sentences known, and from their tokens alone (no sentences known)
        List<AlignedPassage> found = Align(WarningReversed, Warning);
        List<AlignedPassage> tokensOnly = s_aligner.Align(Tokenizer.Tokenize(WarningReversed).TokenHashes, Tokenizer.Tokenize(Warning).TokenHashes);
        // Then it is one reworded passage over all five sentences: each moved sentence keeps its own words in order.
        // Without sentences, the words in one order through the passage are about one sentence's, too small a share of it
        // (the chain is there without evidence tests).
        AlignedPassage p = Assert.Single(found);
        Assert.False(p.Anchored);
        Assert.True(p.AStart <= TokensOf(WarningReversed, "Farmers").Start && p.AEnd >= TokensOf(WarningReversed, "coming heatwave").End, $"{p}");
        Assert.True(p.BStart <= TokensOf(Warning, "Engineers").Start && p.BEnd >= TokensOf(Warning, "orchards dry").End, $"{p}");
        Assert.Empty(tokensOnly);
        Assert.NotEmpty(new PassageAligner(s_noEvidence).Align(Tokenizer.Tokenize(WarningReversed).TokenHashes, Tokenizer.Tokenize(Warning).TokenHashes));
    }

    [Fact]
    public void Should_count_a_moved_sentence_only_with_a_passages_evidence_of_its_own()
    {
        // Given the reversed copy, and the same where the corpus uses every word everywhere but those of one sentence
        string[] oneSentence = ["Engineers", "warned", "ageing", "transmission", "lines", "fail", "coming", "heatwave"];
        byte[] commonA = MarkAllBut(WarningReversed, TokenMarks.CommonWord, oneSentence);
        byte[] commonB = MarkAllBut(Warning, TokenMarks.CommonWord, oneSentence);
        // When aligned, by default, with the common words, and asking nine ordinary words in order (more than any one
        // sentence keeps)
        // Then only the first is a passage: a sentence counts as moved only with two distinctive words among its words in
        // order, and with the least number of ordinary words in order a passage must have
        Assert.Single(Align(WarningReversed, Warning));
        Assert.Empty(Align(WarningReversed, Warning, marksA: commonA, marksB: commonB));
        Assert.Empty(Align(WarningReversed, Warning, new AlignmentOptions { MinOrderedWords = 9 }));
    }
}
