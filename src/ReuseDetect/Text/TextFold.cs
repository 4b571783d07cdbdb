using System.Globalization;
using System.IO.Hashing;
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
    /// <summary>Seed of the token hash (XxHash3 over the folded UTF-16 code units).</summary>
    internal const long TokenSeed = 0x5EED_7011;

    const int MaxHashedChars = 128;

    /// <summary>ASCII tokens up to this many chars are memoized (their 8 folded bytes are the 64-bit key).</summary>
    internal const int CachedTokenChars = 8;

    /// <summary>log2 of the memo's slot count.</summary>
    internal const int CacheBits = 12;

    // Direct-mapped memo of short-token hashes, one per thread: slot 2j holds the key (never 0), slot 2j+1 the hash. A memo, not state: a hit returns exactly what hashing would.
    [ThreadStatic]
    static ulong[]? t_shortTokens;

    internal static ulong[] ShortTokenCache => t_shortTokens ??= new ulong[2 << CacheBits];

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

    /// <summary>Hashes an all-ASCII token already folded into <paramref name="folded"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HashFolded(ReadOnlySpan<char> folded) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(folded), TokenSeed);

    /// <summary>Hashes an all-ASCII token: folded through the table (tokens over 64 chars take <see cref="HashToken"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static ulong HashAscii(ReadOnlySpan<char> token)
    {
        if (token.Length > 64) return HashToken(token);
        Span<char> folded = stackalloc char[64];
        for (int i = 0; i < token.Length; i++) folded[i] = (char)s_ascii[token[i]];
        return HashFolded(folded[..token.Length]);
    }

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
