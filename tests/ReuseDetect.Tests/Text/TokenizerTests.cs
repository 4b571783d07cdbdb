using ReuseDetect.Text;

namespace ReuseDetect.Tests.Text;

public sealed class TokenizerTests
{
    internal static (int Start, int End)[] Offsets(TokenizedText t) =>
        [.. Enumerable.Range(0, t.Count).Select(i => (t.StartOf(i), t.EndOf(i)))];

    static ulong[] Hashes(string text) => Tokenizer.Tokenize(text).TokenHashes.ToArray();

    static void AssertAllEqual(ulong[] hashes)
    {
        Assert.NotEmpty(hashes);
        Assert.All(hashes, h => Assert.Equal(hashes[0], h));
    }

    [Fact]
    public void Should_report_exact_offsets_into_the_text()
    {
        // Given punctuation, spaces and digits between tokens
        const string text = "Hello, world! 42x  \t-end";
        // When
        var t = Tokenizer.Tokenize(text);
        // Then each token is the maximal letter/digit run, with [start, end) offsets into the text
        Assert.Equal([(0, 5), (7, 12), (14, 17), (21, 24)], Offsets(t));
        Assert.Equal("42x", text[t.StartOf(2)..t.EndOf(2)]);
    }

    [Fact]
    public void Should_keep_offsets_of_the_whole_text_when_tokenizing_a_range()
    {
        // Given a range that starts mid-word
        const string text = "alpha beta gamma";
        // When tokenizing [2, 13)
        var t = Tokenizer.Tokenize(text, 2, 13);
        // Then the offsets refer to the whole text and the cut word is a token of its own
        Assert.Equal([(2, 5), (6, 10), (11, 13)], Offsets(t));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Tokenize(text, 5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Tokenize(text, 0, 17));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" .,;:!?- \u2014 \u201C\u201D ")]
    public void Should_give_no_tokens_for_text_without_letters_or_digits(string text)
    {
        Assert.Equal(0, Tokenizer.Tokenize(text).Count);
        Assert.True(Tokenizer.Tokenize(text).TokenHashes.IsEmpty);
    }

    [Fact]
    public void Should_pin_token_hashes()
    {
        // Known answers for all-ASCII folded tokens (multiply-rotate over the folded bytes eight at a time, then
        // fmix64), computed once by an independent transcription of the definition in TextFold.
        // "reuse" and "file" take the fast path; "ﬁle" (NFKC ligature) and "FILE" hit HashToken / the fold table;
        // "internationalization" spans three words.
        Assert.Equal([0xDFEFCA70BEED66DBUL, 0x214CB517D3604DB2UL, 0x214CB517D3604DB2UL, 0x214CB517D3604DB2UL, 0xC8AD5B1DB8F5E11BUL],
            Hashes("reuse file \uFB01le FILE InterNationalization"));
        Assert.Equal(0x214CB517D3604DB2UL, TextFold.HashToken("\uFB01le"));
        // A token that does not fold to ASCII keeps XxHash3 over its UTF-16 units (seed TextFold.TokenSeed).
        Assert.Equal(System.IO.Hashing.XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes("\u043C\u0438\u0440".AsSpan()), TextFold.TokenSeed),
            TextFold.HashToken("\u041C\u0438\u0440"));
    }

    [Fact]
    public void Should_fold_Turkish_dotted_and_dotless_i()
    {
        AssertAllEqual(Hashes("\u0130stanbul ISTANBUL istanbul Istanbul \u0131stanbul"));
    }

    [Theory]
    [InlineData("\u041C\u043E\u0441\u043A\u0432\u0430 \u041C\u041E\u0421\u041A\u0412\u0410 \u043C\u043E\u0441\u043A\u0432\u0430")] // Москва МОСКВА москва
    [InlineData("\u0540\u0561\u0575\u0561\u057D\u057F\u0561\u0576 \u0540\u0531\u0545\u0531\u054D\u054F\u0531\u0546")] // Հայաստան ՀԱՅԱՍՏԱՆ
    [InlineData("\u039F\u0394\u039F\u03A3 \u03BF\u03B4\u03BF\u03C2 \u03BF\u03B4\u03BF\u03C3")] // ΟΔΟΣ οδος (final sigma) οδοσ
    [InlineData("\uFB01le file FILE \uFF26\uFF29\uFF2C\uFF25")] // NFKC ligature and full-width
    [InlineData("caf\u00E9 CAFE\u0301 Caf\u00C9")] // precomposed vs combining acute
    [InlineData("\U00010400\U00010401 \U00010428\U00010429")] // Deseret upper/lower (surrogate pairs)
    public void Should_hash_case_and_compatibility_variants_equally(string variants)
    {
        var t = Tokenizer.Tokenize(variants);
        Assert.True(t.Count >= 2);
        AssertAllEqual(t.TokenHashes.ToArray());
    }

    [Fact]
    public void Should_tokenize_curly_and_straight_apostrophes_alike()
    {
        // Given the same words typed with ' and with ’
        var straight = Tokenizer.Tokenize("don't stop 'em");
        var curly = Tokenizer.Tokenize("don\u2019t stop \u2018em");
        // Then the tokens and their offsets agree
        Assert.Equal(straight.TokenHashes.ToArray(), curly.TokenHashes.ToArray());
        Assert.Equal(Offsets(straight), Offsets(curly));
    }

    [Fact]
    public void Should_keep_surrogate_pair_letters_whole_and_skip_symbols()
    {
        // Given a Deseret word (two UTF-16 units per letter) and an emoji (a symbol, not a letter)
        const string text = "\U00010428\U00010429 a\U0001F600b";
        // When
        var t = Tokenizer.Tokenize(text);
        // Then the Deseret word is one token of four units; the emoji separates a from b
        Assert.Equal([(0, 4), (5, 6), (8, 9)], Offsets(t));
    }

    [Fact]
    public void Should_join_words_split_by_a_soft_hyphen()
    {
        // Given a soft hyphen inside a word, and soft hyphens at word edges
        var t = Tokenizer.Tokenize("co\u00ADoperate cooperate co\u00AD \u00ADco");
        // Then the hyphenated word is one token equal to the plain one, and edge hyphens are separators
        Assert.Equal([(0, 10), (11, 20), (21, 23), (26, 28)], Offsets(t));
        Assert.Equal(t.TokenHashes[0], t.TokenHashes[1]);
        Assert.Equal(t.TokenHashes[2], t.TokenHashes[3]);
    }

    [Fact]
    public void Should_hash_long_tokens_without_splitting_a_surrogate_pair()
    {
        // Given tokens longer than the 128-unit hashing prefix, one with a surrogate pair across the cut
        string longAscii = new('a', 300);
        string straddling = new string('a', 127) + "\U00010428";
        // When / Then: no exception, one token each, and the ASCII fast path agrees with the general path
        Assert.Equal(1, Tokenizer.Tokenize(straddling).Count);
        Assert.Equal(TextFold.HashToken(longAscii), Tokenizer.Tokenize(longAscii).TokenHashes[0]);
        Assert.NotEqual(Tokenizer.Tokenize(new string('a', 301)).TokenHashes[0], Tokenizer.Tokenize(longAscii).TokenHashes[0]);
    }

    [Fact]
    public void Should_grow_buffers_for_dense_text()
    {
        // Given more tokens than the initial capacity guess (one per 5 chars)
        string text = string.Join(' ', Enumerable.Repeat("a", 1000));
        // When
        var t = Tokenizer.Tokenize(text);
        // Then
        Assert.Equal(1000, t.Count);
        Assert.Equal(1998, t.StartOf(999));
    }
}

public sealed class AsciiFastPathTests
{
    [Fact]
    public void Should_give_the_same_hash_on_the_ASCII_fast_path_as_by_the_general_fold()
    {
        // Given 20,000 distinct words of 1 to 10 letters and digits in mixed case, each twice, separated by runs of
        // separators that cross the eight-char blocks the fast path reads
        var rng = new Random(17);
        var words = new string[20_000];
        for (int i = 0; i < words.Length; i++)
        {
            var chars = new char[rng.Next(1, 11)];
            for (int j = 0; j < chars.Length; j++) chars[j] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[rng.Next(62)];
            words[i] = new string(chars);
        }
        string[] gaps = [" ", ", ", ".\n\n    ", " -- ", "\t", "        \r\n"];
        string text = string.Join("", words.Select((w, i) => w + gaps[i % gaps.Length])) + " " + string.Join(' ', words.Reverse());
        // When
        var t = Tokenizer.Tokenize(text);
        // Then every token hash equals the general (NFKC + fold) hash of its text
        Assert.Equal(2 * words.Length, t.Count);
        for (int i = 0; i < t.Count; i++)
            Assert.Equal(TextFold.HashToken(text.AsSpan(t.StartOf(i), t.EndOf(i) - t.StartOf(i))), t.TokenHashes[i]);
    }
}

public sealed class TokenizerReferenceTests
{
    // Units a random text is drawn from: ASCII words of every length around the 8-char and 64-char blocks the fast
    // paths read, separators, Latin-1 and Cyrillic letters, curly quotes, a soft hyphen, CJK, a combining mark and a
    // supplementary letter (a surrogate pair, never split).
    static readonly string[] Units =
    [
        "a", "Reuse", "OUTLET", "syndication", "x1", "2026", "internationalization", new string('w', 63), new string('Q', 70),
        " ", " ", "  ", ", ", ".", "\n", "\t", "--", "(", ")", "'",
        "\u00E9", "Stra\u00DFe", "\u0434\u043E\u043C", "\u2019", "\u201C", "\u201D", "\u2014", "\u00AD", "\u4E2D\u6587", "e\u0301", "\U00010428",
    ];

    /// <summary>The tokenizer's rules transcribed char by char, with no fast path: maximal runs of token chars, a soft hyphen joining two of them.</summary>
    static List<(int Start, int End, ulong Hash)> Reference(string text, int start, int end)
    {
        var tokens = new List<(int, int, ulong)>();
        int i = start;
        while (i < end)
        {
            if (!TextFold.IsTokenChar(text, i, out _)) { i++; continue; }
            int s = i;
            while (i < end)
            {
                if (TextFold.IsTokenChar(text, i, out int w)) { i += w; continue; }
                if (TextFold.IsJoiner(text[i]) && i > s && i + 1 < end && TextFold.IsTokenChar(text, i + 1, out _)) { i++; continue; }
                break;
            }
            tokens.Add((s, i, TextFold.HashToken(text.AsSpan(s, i - s))));
        }
        return tokens;
    }

    [Fact]
    public void Should_match_a_char_by_char_reference_on_random_text_and_ranges()
    {
        var rng = new Random(20261123);
        for (int round = 0; round < 1500; round++)
        {
            // Given a random text of 0 to 400 units (up to a few hundred chars: several 64-char windows)
            var sb = new System.Text.StringBuilder();
            int units = rng.Next(0, 400);
            // Some texts are all ASCII (the window fast path throughout), others mix in Unicode at random density.
            bool asciiOnly = round % 3 == 0;
            for (int u = 0; u < units; u++)
            {
                string unit = Units[rng.Next(asciiOnly ? 20 : Units.Length)];
                sb.Append(unit);
            }
            string text = sb.ToString();
            // And a random range that does not split a surrogate pair
            int start = rng.Next(0, text.Length + 1), end = rng.Next(start, text.Length + 1);
            if (round % 2 == 0) (start, end) = (0, text.Length);
            if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start])) start--;
            if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end])) end++;
            // When
            TokenizedText t = Tokenizer.Tokenize(text, start, end);
            // Then tokens, offsets and hashes equal the reference's
            var expected = Reference(text, start, end);
            Assert.Equal(expected.Count, t.Count);
            for (int i = 0; i < t.Count; i++)
            {
                Assert.Equal(expected[i], (t.StartOf(i), t.EndOf(i), t.TokenHashes[i]));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("one")]
    [InlineData("A longer sentence, with punctuation; and numbers 7-3/4 and Ünïcödé wörds. Then more of them.")]
    public void Copied_tokens_hold_exactly_their_count_and_read_the_same(string text)
    {
        TokenizedText t = Tokenizer.Tokenize(text);
        TokenizedText copy = t.Copy();
        Assert.Equal(t.Count, copy.Count);
        Assert.Equal(TokenizerTests.Offsets(t), TokenizerTests.Offsets(copy));
        Assert.Equal(t.TokenHashes.ToArray(), copy.TokenHashes.ToArray());
        Assert.Equal(16L * t.Count, copy.Bytes);
        Assert.NotSame(t, copy);
    }

    [Fact]
    public void A_scratch_tokenizes_text_after_text_as_fresh_arrays_do_and_copies_keep_theirs()
    {
        // Given texts of many lengths (one far past the scratch's first size, one empty) tokenized one after another
        // into one scratch, each copied before the next
        var scratch = new TokenizerScratch();
        string[] texts =
        [
            "A short one.", string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"w{i}")), "", "Ünïcödé wörds, then 7-3/4 more.",
            "The last text, shorter than the long one before it.",
        ];
        var copies = new List<TokenizedText>();
        foreach (string text in texts)
        {
            TokenizedText t = Tokenizer.Tokenize(text, 0, text.Length, scratch);
            copies.Add(t.Copy());
        }
        // Then every copy reads as the text tokenized alone, and holds exactly its tokens
        for (int i = 0; i < texts.Length; i++)
        {
            TokenizedText alone = Tokenizer.Tokenize(texts[i]);
            Assert.Equal(TokenizerTests.Offsets(alone), TokenizerTests.Offsets(copies[i]));
            Assert.Equal(alone.TokenHashes.ToArray(), copies[i].TokenHashes.ToArray());
            Assert.Equal(16L * alone.Count, copies[i].Bytes);
        }
        Assert.True(scratch.Hashes.Length >= 5_000);
    }
}
