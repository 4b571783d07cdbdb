using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ReuseDetect.Ingestion;

/// <summary>
/// Tells a binary file from text by evidence, not by one byte: a known format's magic number (PDF, ZIP and the Office
/// and e-book formats built on it, OLE2 Office files, images, archives, executables, audio and video, fonts,
/// databases), then the make-up of the first 64 KiB. Binary formats either carry many NUL bytes (executables,
/// databases, fonts: 15–75 %) or look like random bytes (compressed and media data: about 11 % control bytes, half the
/// bytes above 0x7F, never valid UTF-8). Text with a few stray control bytes — or even, as in some PAN documents,
/// 7-bit noise with 14 % of them — is valid UTF-8 with almost no NULs, and is read.
/// </summary>
static class BinarySniffer
{
    /// <summary>Bytes looked at for the shares.</summary>
    const int SampleBytes = 64 * 1024;

    /// <summary>The file is binary when this share of the sample or more is NUL (and at least <see cref="MinNuls"/> of them).</summary>
    const double NulShare = 1.0 / 32;
    const int MinNuls = 4;

    /// <summary>Control bytes (C0 other than tab, line feed, vertical tab, form feed, carriage return) at this share make invalid UTF-8 binary…</summary>
    const double ControlShareInvalidUtf8 = 0.08;

    /// <summary>…and at this share any file.</summary>
    const double ControlShare = 0.30;

    /// <summary>Why <paramref name="bytes"/> (with no known magic number, not UTF-16) is binary, or null when it is text.</summary>
    public static string? Why(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        int nul = sample.Count((byte)0);
        if (nul >= MinNuls && nul >= sample.Length * NulShare)
            return $"binary file ({nul:N0} NUL bytes in the first {sample.Length:N0})";
        int control = 0;
        foreach (byte b in sample) if (IsControl(b)) control++;
        if (control >= sample.Length * ControlShare)
            return $"binary file ({control:N0} control bytes in the first {sample.Length:N0})";
        if (control >= sample.Length * ControlShareInvalidUtf8 && !IsUtf8(sample, isWhole: sample.Length == bytes.Length))
            return $"binary file ({control:N0} control bytes and invalid UTF-8 in the first {sample.Length:N0})";
        return null;
    }

    /// <summary>
    /// UTF-16 without a byte-order mark, recognised by its NUL bytes: in mostly-Latin text every other byte is NUL
    /// (odd offsets for little-endian, even for big-endian) and the other half nearly never is. Null when not so.
    /// </summary>
    public static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes, out string name)
    {
        name = "";
        ReadOnlySpan<byte> sample = bytes[..(Math.Min(bytes.Length, SampleBytes) & ~1)];
        if (sample.Length < 8) return null;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenNul++;
            if (sample[i + 1] == 0) oddNul++;
        }
        int pairs = sample.Length / 2;
        if (oddNul * 10 >= pairs * 6 && evenNul * 50 <= pairs)
        {
            name = "utf-16le (no BOM; by its NUL bytes)";
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        }
        if (evenNul * 10 >= pairs * 6 && oddNul * 50 <= pairs)
        {
            name = "utf-16be (no BOM; by its NUL bytes)";
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        }
        return null;
    }

    static bool IsControl(byte b) => b < 0x20 && b is not (0x09 or 0x0A or 0x0B or 0x0C or 0x0D);

    /// <summary>Valid UTF-8; a sequence cut by the end of a sample that is not the whole file counts as valid.</summary>
    static bool IsUtf8(ReadOnlySpan<byte> sample, bool isWhole)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(sample.Length);
        try
        {
            return Utf8.ToUtf16(sample, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isWhole) != System.Buffers.OperationStatus.InvalidData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The name of the binary format whose signature starts <paramref name="b"/>, or null.</summary>
    internal static string? Magic(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF-"u8)) return "PDF document";
        if (b.StartsWith("PK\x03\x04"u8) || b.StartsWith("PK\x05\x06"u8) || b.StartsWith("PK\x07\x08"u8))
            return "ZIP archive: also .docx, .xlsx, .pptx, .odt, .epub";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return "Microsoft Office 97-2003 document";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return "PNG image";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return "GIF image";
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return "TIFF image";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0x00])) return "icon image";
        if (Riff(b, "WEBP"u8)) return "WebP image";
        if (Riff(b, "WAVE"u8)) return "WAV audio";
        if (Riff(b, "AVI "u8)) return "AVI video";
        if (b.Length >= 12 && b[4..].StartsWith("ftyp"u8)) return "MP4/QuickTime media";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return "Matroska/WebM video";
        if (b.StartsWith("OggS"u8)) return "Ogg audio/video";
        if (b.StartsWith("fLaC"u8)) return "FLAC audio";
        if (b.Length >= 10 && b.StartsWith("ID3"u8) && b[3] <= 4 && b[4] == 0) return "MP3 audio";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F'])) return "ELF executable";
        if (IsPortableExecutable(b)) return "Windows executable";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
            || b.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || b.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])) return "Mach-O executable";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE])) return "Java class or Mach-O universal binary";
        if (b.StartsWith("\0asm"u8)) return "WebAssembly module";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "gzip archive";
        if (b.Length >= 10 && b.StartsWith("BZh"u8) && b[3] is >= (byte)'1' and <= (byte)'9' && b[4..].StartsWith((ReadOnlySpan<byte>)[0x31, 0x41, 0x59, 0x26, 0x53, 0x59])) return "bzip2 archive";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00])) return "xz archive";
        if (b.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C])) return "7-Zip archive";
        if (b.StartsWith("Rar!\x1A\x07"u8)) return "RAR archive";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD])) return "Zstandard archive";
        if (b.Length >= 262 && b[257..].StartsWith("ustar"u8)) return "tar archive";
        if (b.StartsWith("SQLite format 3\0"u8)) return "SQLite database";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x01, 0x00, 0x00, 0x00]) || b.StartsWith("OTTO"u8) || b.StartsWith("wOFF"u8) || b.StartsWith("wOF2"u8)) return "font";
        return null;
    }

    static bool Riff(ReadOnlySpan<byte> b, ReadOnlySpan<byte> form) => b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..].StartsWith(form);

    /// <summary>"MZ", and at the offset the DOS header names (0x3C), the "PE\0\0" signature.</summary>
    static bool IsPortableExecutable(ReadOnlySpan<byte> b)
    {
        if (b.Length < 0x40 || !b.StartsWith("MZ"u8)) return false;
        int pe = BitConverter.ToInt32(b[0x3C..]);
        return pe >= 0x40 && pe <= b.Length - 4 && b[pe..].StartsWith("PE\0\0"u8);
    }
}
