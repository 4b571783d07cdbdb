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
static class Tokenizer
{
    /// <summary>Tokenizes the whole of <paramref name="text"/>.</summary>
    public static TokenizedText Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>Tokenizes <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) with offsets into the whole text.</summary>
    public static TokenizedText Tokenize(string text, int start, int end)
    {
        CheckRange(text, start, end);
        // Upper bound on the token count: one token per two chars; grown on demand for pathological input.
        int capacity = Math.Max(16, (end - start) / 5);
        var starts = new int[capacity];
        var ends = new int[capacity];
        var hashes = new ulong[capacity];
        int count = Scan(text.AsSpan(), start, end, ref starts, ref ends, ref hashes);
        return new TokenizedText(starts, ends, hashes, count);
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) into <paramref name="scratch"/>'s
    /// arrays: the tokens read only until the next call with the same scratch (copy them to keep them,
    /// <see cref="TokenizedText.Copy(Internal.Recyclers?)"/>). A caller tokenizing many texts one after another allocates nothing per text.
    /// </summary>
    internal static TokenizedText Tokenize(string text, int start, int end, TokenizerScratch scratch)
    {
        CheckRange(text, start, end);
        int count = Scan(text.AsSpan(), start, end, ref scratch.Starts, ref scratch.Ends, ref scratch.Hashes);
        return new TokenizedText(scratch.Starts, scratch.Ends, scratch.Hashes, count);
    }

    /// <summary>Throws unless <c>[start, end)</c> is a range of <paramref name="text"/>.</summary>
    static void CheckRange(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
    }

    /// <summary>Counts and hashes tokens into caller-owned buffers (grown when too small). Returns the token count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Scan(ReadOnlySpan<char> text, int start, int end, ref int[] starts, ref int[] ends, ref ulong[] hashes)
    {
        // Hot loop rules: separators and ASCII token chars are found eight chars at a time (one predictable branch
        // per run instead of one per char); an ASCII token is folded and hashed straight from the text, eight chars
        // per multiply; everything else (Unicode, very long tokens, the last chars of the text) is out of line.
        ref char t0 = ref MemoryMarshal.GetReference(text);
        int[] st = starts, en = ends;
        ulong[] hs = hashes;
        int count = 0;
        int i = start;
        int vectorEnd = text.Length - 8; // a vector load at i reads [i, i + 8)
        while (i < end)
        {
            if (i + Window <= end)
            {
                // Window fast path: token and non-ASCII bitmaps of the next 64 chars; tokens that end before the
                // first non-ASCII char (and before the window's end) are cut from the bitmap with tzcnt, no branch
                // per char. A token that may run on past that limit is left to the general step below.
                ulong nonAscii = WindowMasks(ref t0, i, out ulong tokenBits);
                int limit = nonAscii == 0 ? Window : BitOperations.TrailingZeroCount(nonAscii);
                ulong m = limit == Window ? tokenBits : tokenBits & ((1UL << limit) - 1);
                // A token's first char (bit set, the one below clear) and last char (bit set, the one above clear):
                // the k-th set bits of the two maps are the k-th token's ends, so each step clears one bit of each
                // instead of shifting the token map past the token (a chain of five dependent ops per token).
                ulong firsts = m & ~(m << 1), lasts = m & ~(m >> 1);
                // Where the next step starts, and whether it is another window: after a whole window, or from the
                // start of a token that runs past the window's end (a token of ASCII letters and digits is the same
                // token wherever the window starts, so it is cut whole from the next window instead of the general
                // step). A token that reaches the first non-ASCII char, or fills a whole window, goes to the general step.
                int advance = limit;
                bool window = limit == Window;
                while (firsts != 0)
                {
                    int s = BitOperations.TrailingZeroCount(firsts);
                    int e = BitOperations.TrailingZeroCount(lasts) + 1;
                    if (e >= limit)
                    {
                        advance = s;
                        window = limit == Window && s > 0;
                        break;
                    }
                    if (count == st.Length)
                    {
                        Grow(ref starts, ref ends, ref hashes);
                        st = starts;
                        en = ends;
                        hs = hashes;
                    }
                    st[count] = i + s;
                    en[count] = i + e;
                    hs[count] = HashAsciiToken(ref t0, i + s, e - s, text.Length);
                    count++;
                    firsts &= firsts - 1;
                    lasts &= lasts - 1;
                }
                i += advance;
                if (window) continue;
            }
            if (i >= end) break;
            // General step (one token or one run of separators). Skip separators: stop at the first ASCII letter or
            // digit or non-ASCII char.
            if (i <= vectorEnd)
            {
                Vector128<ushort> v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref t0), (nuint)i);
                uint stop = (AsciiTokenMask(v) | NonAsciiMask(v)) & 0xFF;
                if (stop == 0)
                {
                    i += 8;
                    continue;
                }
                i += BitOperations.TrailingZeroCount(stop);
                if (i >= end) break;
            }
            uint c = Unsafe.Add(ref t0, i);
            if (c < 128 && AsciiTokenChar[(int)c] == 0) { i++; continue; }
            int tokenStart = i;
            // Eight chars at a time: the first char that is not an ASCII letter or digit ends the ASCII run.
            while (i <= vectorEnd)
            {
                uint run = ~AsciiTokenMask(Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref t0), (nuint)i)) & 0xFF;
                if (run != 0)
                {
                    i += BitOperations.TrailingZeroCount(run);
                    break;
                }
                i += 8;
                if (i >= end) break;
            }
            if (i >= end) i = end;
            else if (i > vectorEnd)
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
            h = HashAsciiToken(ref t0, tokenStart, i - tokenStart, text.Length);
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

    /// <summary>
    /// The hash of an ASCII token of letters and digits at <paramref name="start"/>: its chars folded by <c>| 0x20</c>
    /// (lower-cases letters, keeps digits) and packed eight to a word, exactly as <see cref="TextFold.HashFolded"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong HashAsciiToken(ref char t0, int start, int length, int textLength)
    {
        if (length > TextFold.MaxFastChars)
            return TextFold.HashToken(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref t0, start), length));
        ulong h = TextFold.AsciiStart(length);
        int p = start, last = start + length;
        while (last - p > 8)
        {
            h = TextFold.AsciiWord(h, Packed(ref t0, p));
            p += 8;
        }
        int rest = last - p;
        ulong mask = rest == 8 ? ulong.MaxValue : (1UL << (8 * rest)) - 1;
        ulong word = p + 8 <= textLength ? Packed(ref t0, p) & mask : PackedTail(ref t0, p, rest);
        return TextFold.AsciiFinish(TextFold.AsciiWord(h, word));
    }

    /// <summary>Eight chars at <paramref name="p"/>, each <c>| 0x20</c>, as the bytes of a little-endian word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Packed(ref char t0, int p)
    {
        Vector128<ushort> v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref t0), (nuint)p) | Vector128.Create((ushort)0x20);
        return Vector128.Narrow(v, v).AsUInt64().ToScalar();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static ulong PackedTail(ref char t0, int p, int count)
    {
        ulong word = 0;
        for (int j = 0; j < count; j++) word |= (ulong)(byte)(Unsafe.Add(ref t0, p + j) | 0x20) << (8 * j);
        return word;
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
    static uint AsciiTokenMask(Vector128<ushort> v) => AsciiTokenLanes(v).ExtractMostSignificantBits();

    const int Window = 64;

    /// <summary>
    /// For chars [<paramref name="i"/>, <paramref name="i"/> + 64): returns the bitmap of non-ASCII chars and sets
    /// <paramref name="tokenBits"/> to the bitmap of ASCII letters and digits (bit j for char i + j).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong WindowMasks(ref char t0, int i, out ulong tokenBits)
    {
        ref ushort u = ref Unsafe.As<char, ushort>(ref t0);
        ulong tokens = 0, nonAscii = 0;
        for (int k = 0; k < Window; k += 16)
        {
            Vector128<ushort> v0 = Vector128.LoadUnsafe(ref u, (nuint)(i + k)), v1 = Vector128.LoadUnsafe(ref u, (nuint)(i + k + 8));
            // Compare results are all-ones or zero per char, so narrowing them to bytes is exact: 16 bits per mask.
            tokens |= (ulong)Vector128.Narrow(AsciiTokenLanes(v0), AsciiTokenLanes(v1)).ExtractMostSignificantBits() << k;
            nonAscii |= (ulong)Vector128.Narrow(NonAsciiLanes(v0), NonAsciiLanes(v1)).ExtractMostSignificantBits() << k;
        }
        tokenBits = tokens;
        return nonAscii;
    }

    /// <summary>All-ones lanes for ASCII letters and digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector128<ushort> AsciiTokenLanes(Vector128<ushort> v) =>
        Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26))
        | Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));

    /// <summary>All-ones lanes for chars that are not ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector128<ushort> NonAsciiLanes(Vector128<ushort> v) => Vector128.GreaterThan(v, Vector128.Create((ushort)127));

    /// <summary>Bit j set when char j of <paramref name="v"/> is not ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint NonAsciiMask(Vector128<ushort> v) => NonAsciiLanes(v).ExtractMostSignificantBits();

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

/// <summary>
/// The token arrays one thread tokenizes text after text into (<see cref="Tokenizer.Tokenize(string, int, int, TokenizerScratch)"/>),
/// grown to the longest text met and kept.
/// </summary>
sealed class TokenizerScratch
{
    internal int[] Starts = new int[1024];
    internal int[] Ends = new int[1024];
    internal ulong[] Hashes = new ulong[1024];
}
