using System.Globalization;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ReuseDetect.Text;

/// <summary>
/// Character classes and the token fold: NFKC, culture-invariant lower case, Turkish dotted/dotless I
/// folded to <c>i</c>, final sigma to sigma, combining dot above dropped. Quotes, dashes and ellipses
/// never reach a token (tokens are runs of letters, digits and marks), so their variants are unified by construction.
/// </summary>
static class TextFold
{
    /// <summary>Seed of the token hash of a folded token that is not all ASCII (XxHash3 over its UTF-16 code units).</summary>
    internal const long TokenSeed = 0x5EED_7011;

    /// <summary>Longest token the tokenizer hashes on the ASCII fast path (longer ones go through <see cref="HashToken"/>).</summary>
    internal const int MaxFastChars = 64;

    const int MaxHashedChars = 128;
    const ulong AsciiSeed = 0x5EED_7011_A5C1_1000UL;
    const ulong LengthMul = 0x9E3779B97F4A7C15UL;
    const ulong WordMul = 0xD6E8FEB86659FD93UL;

    // ASCII table: 0 for a separator, otherwise the folded (lower-case) character.
    static readonly byte[] s_ascii = BuildAsciiTable();

    static byte[] BuildAsciiTable()
    {
        var t = new byte[128];
        for (int c = '0'; c <= '9'; c++) t[c] = (byte)c;
        for (int c = 'a'; c <= 'z'; c++) t[c] = (byte)c;
        for (int c = 'A'; c <= 'Z'; c++) t[c] = (byte)(c + 32);
        return t;
    }

    internal static ReadOnlySpan<byte> AsciiTable => s_ascii;

    /// <summary>True when the character at <paramref name="index"/> (a BMP char or a surrogate pair) is part of a token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsTokenChar(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        width = 1;
        if (c < 128) return s_ascii[c] != 0;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return IsTokenCategory(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[index + 1])));
        }
        return IsTokenCategory(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    /// <summary>
    /// True for a format character that continues a token without ending it (soft hyphen: it is dropped by
    /// <see cref="Fold"/>, so <c>co\u00ADoperate</c> and <c>cooperate</c> are the same token).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsJoiner(char c) => c == '\u00AD';

    static bool IsTokenCategory(UnicodeCategory cat) => cat switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };

    /// <summary>
    /// The hash of a folded token: for an all-ASCII token (nearly every English or Latin-script word) a
    /// multiply-rotate over its bytes eight at a time, <see cref="AsciiWord"/>, which the tokenizer computes straight from
    /// the text; otherwise XxHash3 over the UTF-16 code units. Either way a pure function of the folded string.
    /// </summary>
    internal static ulong HashFolded(ReadOnlySpan<char> folded)
    {
        if (!Ascii.IsValid(folded)) return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(folded), TokenSeed);
        ulong h = AsciiStart(folded.Length);
        int p = 0;
        do
        {
            int take = Math.Min(8, folded.Length - p);
            ulong word = 0;
            for (int j = 0; j < take; j++) word |= (ulong)(byte)folded[p + j] << (8 * j);
            h = AsciiWord(h, word);
            p += take;
        }
        while (p < folded.Length);
        return AsciiFinish(h);
    }

    /// <summary>State before the first word of an ASCII token of <paramref name="length"/> chars.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AsciiStart(int length) => AsciiSeed ^ (ulong)length * LengthMul;

    /// <summary>Absorbs up to eight folded bytes (little-endian, zero-padded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AsciiWord(ulong h, ulong word) => BitOperations.RotateLeft((h ^ word) * WordMul, 31);

    /// <summary>Final avalanche (MurmurHash3's fmix64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AsciiFinish(ulong k) => Internal.Mix.Fmix64(k);

    /// <summary>Folds a token (any characters) and hashes it. Allocation-free for tokens up to 128 chars after NFKC.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static ulong HashToken(ReadOnlySpan<char> token)
    {
        Span<char> norm = stackalloc char[MaxHashedChars * 2];
        int take = Math.Min(token.Length, MaxHashedChars);
        // Never cut a surrogate pair in two: NFKC throws on a lone surrogate.
        if (take < token.Length && char.IsHighSurrogate(token[take - 1])) take--;
        ReadOnlySpan<char> src = token[..take];
        if (!src.TryNormalize(norm, out int n, NormalizationForm.FormKC))
        {
            // NFKC can grow a token; past the buffer, hash the raw prefix (still folded below).
            src.CopyTo(norm);
            n = src.Length;
        }
        int w = 0;
        for (int i = 0; i < n; i++)
        {
            char c = norm[i];
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(norm[i + 1]))
            {
                // A supplementary letter (Deseret, Osage, Adlam, ...): fold the whole code point.
                w += Rune.ToLowerInvariant(new Rune(c, norm[i + 1])).EncodeToUtf16(norm[w..]);
                i++;
                continue;
            }
            char f = Fold(c);
            if (f == '\0') continue;
            norm[w++] = f;
        }
        ulong h = HashFolded(norm[..w]);
        return token.Length > MaxHashedChars ? h ^ (ulong)token.Length * 0x9E3779B97F4A7C15UL : h;
    }

    /// <summary>Folds one UTF-16 unit; returns '\0' for a unit to drop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char Fold(char c)
    {
        if (c < 128) return s_ascii[c] == 0 ? c : (char)s_ascii[c];
        switch (c)
        {
            case '\u0130': // İ Latin capital I with dot above
            case '\u0131': // ı dotless i
                return 'i';
            case '\u0307': // combining dot above (left by İ in some decompositions)
                return '\0';
            case '\u03C2': // final sigma
                return '\u03C3';
            case '\u00AD': // soft hyphen
                return '\0';
        }
        return char.ToLowerInvariant(c);
    }
}
