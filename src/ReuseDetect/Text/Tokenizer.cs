using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReuseDetect.Text;

/// <summary>
/// Splits text into tokens (maximal runs of letters, digits and combining marks) and hashes each token's
/// normalized form. Offsets refer to the text as given, so a passage can be quoted exactly as printed.
/// </summary>
[SkipLocalsInit]
public static class Tokenizer
{
    /// <summary>Tokenizes the whole of <paramref name="text"/>.</summary>
    public static TokenizedText Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>Tokenizes <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) with offsets into the whole text.</summary>
    public static TokenizedText Tokenize(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        // Upper bound on the token count: one token per two chars; grown on demand for pathological input.
        int capacity = Math.Max(16, (end - start) / 5);
        var starts = new int[capacity];
        var ends = new int[capacity];
        var hashes = new ulong[capacity];
        int count = Scan(text.AsSpan(), start, end, ref starts, ref ends, ref hashes);
        return new TokenizedText(starts, ends, hashes, count);
    }

    /// <summary>Counts and hashes tokens into caller-owned buffers (grown when too small). Returns the token count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Scan(ReadOnlySpan<char> text, int start, int end, ref int[] starts, ref int[] ends, ref ulong[] hashes)
    {
        // Hot loop rules: the char loop keeps only i and c live (the JIT spilled a key carried through it), the
        // class table is constant data, short tokens hit a memo, everything else (Unicode, long tokens, misses) is out of line.
        ref char t0 = ref MemoryMarshal.GetReference(text);
        ulong[] memo = TextFold.ShortTokenCache;
        int[] st = starts, en = ends;
        ulong[] hs = hashes;
        int count = 0;
        int i = start;
        while (i < end)
        {
            uint c = Unsafe.Add(ref t0, i);
            if (c < 128 && AsciiTokenChar[(int)c] == 0) { i++; continue; }
            int tokenStart = i;
            // Eight chars at a time: the first char that is not an ASCII letter or digit ends the ASCII run
            // (one predictable branch per token instead of one per char).
            while (i + 8 <= text.Length)
            {
                uint stop = ~AsciiTokenMask(Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref t0), (nuint)i)) & 0xFF;
                if (stop != 0)
                {
                    i += BitOperations.TrailingZeroCount(stop);
                    break;
                }
                i += 8;
                if (i >= end) break;
            }
            if (i >= end) i = end;
            else if (i + 8 > text.Length)
            {
                while (i < end && Unsafe.Add(ref t0, i) < 128 && AsciiTokenChar[Unsafe.Add(ref t0, i)] != 0) i++;
            }
            c = i < end ? Unsafe.Add(ref t0, i) : 0u;
            ulong h;
            if (i < end && c >= 128)
            {
                // A non-ASCII char ends or continues the token: the general rules decide.
                int tokenEnd = ContinueToken(text, tokenStart, i, end);
                if (tokenEnd == tokenStart) { i++; continue; } // a non-token char (punctuation, space): skip it
                if (tokenEnd != i)
                {
                    i = tokenEnd;
                    h = TextFold.HashToken(text[tokenStart..i]);
                    goto Store;
                }
            }
            int length = i - tokenStart;
            if (length <= TextFold.CachedTokenChars)
            {
                // Short ASCII token: memoized by its folded characters.
                ulong key = ShortKey(ref t0, tokenStart, length, text.Length);
                int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - TextFold.CacheBits)) * 2;
                if (memo[slot] == key) h = memo[slot + 1];
                else
                {
                    h = TextFold.HashAscii(text.Slice(tokenStart, length));
                    memo[slot] = key;
                    memo[slot + 1] = h;
                }
            }
            else
            {
                h = TextFold.HashAscii(text.Slice(tokenStart, length));
            }
        Store:
            if (count == st.Length)
            {
                Grow(ref starts, ref ends, ref hashes);
                st = starts;
                en = ends;
                hs = hashes;
            }
            st[count] = tokenStart;
            en[count] = i;
            hs[count] = h;
            count++;
        }
        return count;
    }

    /// <summary>The end of the token that began at <paramref name="tokenStart"/>, scanning on from <paramref name="i"/> with the full Unicode rules.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ContinueToken(ReadOnlySpan<char> text, int tokenStart, int i, int end)
    {
        ReadOnlySpan<byte> ascii = TextFold.AsciiTable;
        while (i < end)
        {
            char c = text[i];
            if (c < 128)
            {
                if (ascii[c] == 0) break;
                i++;
                continue;
            }
            if (!TextFold.IsTokenChar(text, i, out int width))
            {
                // A soft hyphen inside a word joins its halves; elsewhere it separates.
                if (!TextFold.IsJoiner(c) || i == tokenStart || i + 1 >= end
                    || !TextFold.IsTokenChar(text, i + 1, out _)) break;
            }
            i += width;
        }
        return i;
    }

    /// <summary>Bit j set when char j of <paramref name="v"/> is an ASCII letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint AsciiTokenMask(Vector128<ushort> v)
    {
        Vector128<ushort> letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
        Vector128<ushort> digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        return (letter | digit).ExtractMostSignificantBits();
    }

    /// <summary>
    /// The memo key of a 1..8-char ASCII token: its folded chars (<c>c | 0x20</c> folds letters and keeps digits) as
    /// bytes, zero-padded. Token chars are never 0, so the key is never 0 and implies the length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong ShortKey(ref char t0, int start, int length, int textLength)
    {
        ulong mask = length == 8 ? ulong.MaxValue : (1UL << (8 * length)) - 1;
        if (start + 8 <= textLength)
        {
            Vector128<ushort> v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref t0), (nuint)start) | Vector128.Create((ushort)0x20);
            return Vector128.Narrow(v, v).AsUInt64().ToScalar() & mask;
        }
        ulong key = 0;
        for (int j = 0; j < length; j++) key |= (ulong)(byte)(Unsafe.Add(ref t0, start + j) | 0x20) << (8 * j);
        return key;
    }

    /// <summary>1 for an ASCII letter or digit (a token char), else 0; constant data, so no register holds its address.</summary>
    static ReadOnlySpan<byte> AsciiTokenChar =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Grow(ref int[] starts, ref int[] ends, ref ulong[] hashes)
    {
        int n = starts.Length * 2;
        Array.Resize(ref starts, n);
        Array.Resize(ref ends, n);
        Array.Resize(ref hashes, n);
    }
}
