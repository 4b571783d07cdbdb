using System.Xml;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

/// <summary>The display-safe text every writer and the console use for strings that come from the input.</summary>
public sealed class DisplayTextTests
{
    /// <summary>Names a hostile folder may hold: escape sequences, bidi overrides, formulas, Markdown and HTML.</summary>
    public static readonly TheoryData<string> HostileNames =
    [
        "Daily\u001bNews",
        "\u001b]0;pwned\u0007\u001b[2J title.txt",
        "nul\u0000del\u007fcsi\u009b[31m",
        "abc\u202Etxt.exe",
        "\u2066isolated\u2069 \u200Emark\u200F \u061Calm",
        "=cmd|' /C calc'!A0",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "lone \uD800 high, lone \uDC00 low, \uFFFE\uFFFF",
        "two\nlines\r\tand tab\u2028sep",
    ];

    [Theory]
    [InlineData("plain name.txt")]
    [InlineData("000_f10bc7b7f9047a21.txt")]
    [InlineData("Армения – “quoted” ’ 😀 مرحبا")]
    [InlineData("")]
    public void Should_return_normal_names_unchanged(string name)
    {
        // Given a name with nothing unsafe (letters of any script, emoji as surrogate pairs, punctuation)
        // When / Then the very same string comes back
        Assert.Same(name, DisplayText.Name(name));
        Assert.Same(name, DisplayText.Text(name));
    }

    [Theory]
    [InlineData("a\u001bb", "a\u241Bb")]
    [InlineData("\u0000\u0007\u007f", "\u2400\u2407\u2421")]
    [InlineData("t\ta\nb\rc", "t\u2409a\u240Ab\u240Dc")]
    [InlineData("csi\u009b", "csi\uFFFD")]
    [InlineData("abc\u202Etxt", "abc\uFFFDtxt")]
    [InlineData("\u2066x\u2069\u200E\u200F\u061C\u2028\u2029", "\uFFFDx\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")]
    public void Should_show_each_unsafe_char_of_a_name_as_one_visible_char(string name, string expected)
    {
        // Given a name with control, bidi or invalid UTF-16 chars
        // When
        string shown = DisplayText.Name(name);
        // Then each became a control picture or U+FFFD, one for one
        Assert.Equal(expected, shown);
        Assert.Equal(name.Length, shown.Length);
    }

    [Fact]
    public void Should_replace_lone_surrogates_and_non_characters_but_keep_pairs()
    {
        // Given (built in code: attribute arguments cannot carry a lone surrogate)
        string name = "\uD800x\uDC00\uFFFE\uFFFF \uD83D\uDE00 \uDE00\uD83D";
        // When / Then
        Assert.Equal("\uFFFDx\uFFFD\uFFFD\uFFFD \uD83D\uDE00 \uFFFD\uFFFD", DisplayText.Name(name));
        Assert.Equal("\uFFFDx\uFFFD\uFFFD\uFFFD \uD83D\uDE00 \uFFFD\uFFFD", DisplayText.Text(name));
    }

    [Fact]
    public void Should_keep_line_breaks_tabs_and_bidi_marks_in_text_but_not_overrides()
    {
        // Given passage text with line breaks, a right-to-left mark and an override
        const string text = "line one\r\n\tline two \u200Fمرحبا\u200F \u202Eevil\u202C \u001b[31m";
        // When
        string shown = DisplayText.Text(text);
        // Then
        Assert.Equal("line one\r\n\tline two \u200Fمرحبا\u200F \uFFFDevil\uFFFD \u241B[31m", shown);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Should_give_valid_XML_and_nothing_a_terminal_obeys(string name)
    {
        foreach (string shown in new[] { DisplayText.Name(name), DisplayText.Text(name) })
        {
            // Then XmlConvert accepts every char, and no C0/C1 control (but tab and line breaks in text) nor bidi override is left
            XmlConvert.VerifyXmlChars(shown);
            Assert.DoesNotContain(shown, c => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is (>= '\u007f' and <= '\u009f') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));
        }
        Assert.DoesNotContain(DisplayText.Name(name), c => c < 0x20 || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029');
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Should_neutralise_CSV_cells_a_spreadsheet_would_read_as_formulas(string value, string expected)
    {
        Assert.Equal(expected, DisplayText.CsvText(value, multiline: false));
        Assert.Equal(expected, DisplayText.CsvText(value, multiline: true));
    }

    [Fact]
    public void Should_neutralise_CSV_text_that_starts_with_a_tab_or_line_break()
    {
        Assert.Equal("'\tx", DisplayText.CsvText("\tx", multiline: true));
        Assert.Equal("'\r\nx", DisplayText.CsvText("\r\nx", multiline: true));
        Assert.Equal("\u2409x", DisplayText.CsvText("\tx", multiline: false));
        Assert.Equal("\u241B[31m red", DisplayText.CsvText("\u001b[31m red", multiline: true));
    }

    [Theory]
    [InlineData("000_f10bc7b7f9047a21.txt", "000_f10bc7b7f9047a21.txt")]
    [InlineData("RFE/RL (c) 2023, Inc.", "RFE/RL (c) 2023, Inc.")]
    [InlineData("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert(1))")]
    [InlineData("![i](data:image/png)", "!\\[i\\]\\(data:image/png)")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;")]
    [InlineData("a|b *c* _d_ `e` ~~f~~ \\g &amp;", "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\~\\~f\\~\\~ \\\\g &amp;amp;")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("12. item", "12\\. item")]
    [InlineData("a\u001bb", "a\u241Bb")]
    public void Should_escape_Markdown_names(string name, string expected)
    {
        Assert.Equal(expected, DisplayText.MarkdownName(name));
    }

    [Theory]
    [InlineData("a.txt", "`a.txt`")]
    [InlineData("000_f10bc7b7f9047a21.txt", "`000_f10bc7b7f9047a21.txt`")]
    [InlineData("a`b.txt", "a\\`b.txt")]
    [InlineData("x` <img src=x onerror=alert(1)> `", "x\\` &lt;img src=x onerror=alert(1)&gt; \\`")]
    [InlineData("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert(1))")]
    [InlineData(" padded", " padded")]
    public void Should_use_a_code_span_only_for_names_Markdown_would_not_read(string name, string expected)
    {
        Assert.Equal(expected, DisplayText.MarkdownCode(name));
    }

    [Fact]
    public void Should_put_Markdown_text_on_one_line()
    {
        Assert.Equal("one two\u241B three", DisplayText.MarkdownText("one\r\ntwo\u001b\tthree"));
    }
}
