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
        Assert.StartsWith("binary file (ZIP archive", binary.Error, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("PDF document", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A })]
    [InlineData("ZIP archive", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 })] // a .docx or .xlsx
    [InlineData("Microsoft Office 97-2003 document", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00 })]
    [InlineData("PNG image", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D })]
    [InlineData("JPEG image", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 })]
    [InlineData("GIF image", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00 })]
    [InlineData("ELF executable", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })]
    [InlineData("gzip archive", new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00 })]
    [InlineData("MP4/QuickTime media", new byte[] { 0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D })]
    [InlineData("SQLite database", new byte[] { 0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6F, 0x72, 0x6D, 0x61, 0x74, 0x20, 0x33, 0x00 })]
    public void Should_name_a_binary_format_by_its_magic_number(string format, byte[] head)
    {
        // Given the format's first bytes followed by text, so only the magic number can tell
        byte[] bytes = [.. head, .. "plain words follow the header of the file"u8];
        // When
        var r = TextDecoder.Decode(bytes);
        // Then
        Assert.Null(r.Text);
        Assert.StartsWith($"binary file ({format}", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_text_with_a_few_NUL_and_control_bytes()
    {
        // Given a text with stray NUL, ESC and SUB bytes (as in 11 PAN 2013 training documents)
        byte[] bytes = [.. "The party registered with tradecarview"u8, 0x00, .. "in your country. "u8, 0x1B, 0x1A, .. " The end."u8];
        // When
        var r = TextDecoder.Decode(bytes);
        // Then it is text (the reader replaces the control characters, see FolderSourceTests)
        Assert.Null(r.Error);
        Assert.Equal("utf-8", r.Encoding);
        Assert.Equal(bytes.Length, r.Text!.Length);
    }

    [Fact]
    public void Should_tell_random_bytes_and_NUL_heavy_data_from_noisy_seven_bit_text()
    {
        var rng = new Random(20260101);
        // Random bytes (compressed or media data without a known header): about 11 % control bytes, invalid UTF-8
        var random = new byte[20_000];
        rng.NextBytes(random);
        random[0] = (byte)'x'; // no magic number
        Assert.Contains("control bytes and invalid UTF-8", TextDecoder.Decode(random).Error, StringComparison.Ordinal);
        // Records padded with NULs (an executable, a database, a font)
        byte[] padded = [.. Enumerable.Range(0, 2000).SelectMany(i => new byte[] { (byte)('a' + i % 26), 0, 0, (byte)(i % 7), 0x20 })];
        Assert.Contains("NUL bytes", TextDecoder.Decode(padded).Error, StringComparison.Ordinal);
        // 7-bit noise with 14 % control bytes and a few NULs, as PAN's source-document00575.txt: valid UTF-8, read
        byte[] noise = [.. Enumerable.Range(0, 5000).Select(_ => rng.Next(100) < 14 ? (byte)rng.Next(1, 0x20) : (byte)rng.Next(0x20, 0x7F))];
        noise[100] = 0;
        var r = TextDecoder.Decode(noise);
        Assert.Null(r.Error);
        Assert.Equal(noise.Length, r.Text!.Length);
    }

    [Fact]
    public void Should_recognise_utf16_without_a_byte_order_mark_by_its_NUL_bytes()
    {
        byte[] le = Encoding.Unicode.GetBytes("Yerevan, 14 December: the talks resumed.");
        byte[] be = Encoding.BigEndianUnicode.GetBytes("Yerevan, 14 December: the talks resumed.");
        Assert.Equal(("Yerevan, 14 December: the talks resumed.", "utf-16le (no BOM; by its NUL bytes)"), (TextDecoder.Decode(le).Text, TextDecoder.Decode(le).Encoding));
        Assert.Equal("utf-16be (no BOM; by its NUL bytes)", TextDecoder.Decode(be).Encoding);
    }
}
