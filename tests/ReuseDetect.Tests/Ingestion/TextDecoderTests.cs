using System.Text;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Ingestion;

public sealed class TextDecoderTests
{
    [Fact]
    public void Should_decode_plain_utf8()
    {
        var r = TextDecoder.Decode(Encoding.UTF8.GetBytes("Pashinyan’s “quote”"));
        Assert.Equal("Pashinyan’s “quote”", r.Text);
        Assert.Equal("utf-8", r.Encoding);
        Assert.Null(r.Error);
    }

    [Theory]
    [InlineData("utf-8 (BOM)")]
    [InlineData("utf-16le (BOM)")]
    [InlineData("utf-16be (BOM)")]
    [InlineData("utf-32le (BOM)")]
    public void Should_follow_the_byte_order_mark_and_drop_it(string name)
    {
        // Given the same text in an encoding with its BOM
        Encoding enc = name switch
        {
            "utf-8 (BOM)" => new UTF8Encoding(true),
            "utf-16le (BOM)" => new UnicodeEncoding(false, true),
            "utf-16be (BOM)" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        byte[] bytes = [.. enc.GetPreamble(), .. enc.GetBytes("Ереван, Երևան, İstanbul")];
        // When
        var r = TextDecoder.Decode(bytes);
        // Then offsets count from the first character after the BOM
        Assert.Equal("Ереван, Երևան, İstanbul", r.Text);
        Assert.Equal(name, r.Encoding);
    }

    [Fact]
    public void Should_fall_back_to_windows_1252_and_say_so()
    {
        // Given "£5 café" in Windows-1252 (0xA3 and 0xE9 are not valid UTF-8 here)
        byte[] bytes = [0xA3, (byte)'5', (byte)' ', (byte)'c', (byte)'a', (byte)'f', 0xE9];
        var r = TextDecoder.Decode(bytes);
        Assert.Equal("£5 café", r.Text);
        Assert.StartsWith("windows-1252 (invalid UTF-8 at byte 0", r.Encoding, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_binary_and_empty_files_with_a_reason()
    {
        var binary = TextDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]);
        Assert.Null(binary.Text);
        Assert.Contains("binary file (NUL byte at offset 4)", binary.Error, StringComparison.Ordinal);
        var control = TextDecoder.Decode([.. Enumerable.Repeat((byte)0x01, 50), .. "text"u8.ToArray()]);
        Assert.Contains("control bytes", control.Error, StringComparison.Ordinal);
        Assert.Equal("empty file", TextDecoder.Decode([]).Error);
    }

    [Fact]
    public void Should_report_broken_utf16()
    {
        // A lone high surrogate after a UTF-16LE BOM
        var r = TextDecoder.Decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8]);
        Assert.Null(r.Text);
        Assert.Contains("broken utf-16le", r.Error, StringComparison.Ordinal);
    }
}
