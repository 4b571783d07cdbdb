using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        // Hot loop rules: locals only, ASCII table lookups inline, the slow Unicode path out of line.
        ReadOnlySpan<byte> ascii = TextFold.AsciiTable;
        Span<char> folded = stackalloc char[64];
        int count = 0;
        int i = start;
        ref char t0 = ref MemoryMarshal.GetReference(text);
        while (i < end)
        {
            char c = Unsafe.Add(ref t0, i);
            if (c < 128 && ascii[c] == 0) { i++; continue; }
            int tokenStart = i;
            bool allAscii = true;
            int f = 0;
            while (i < end)
            {
                c = Unsafe.Add(ref t0, i);
                if (c < 128)
                {
                    byte b = ascii[c];
                    if (b == 0) break;
                    if (f < folded.Length) folded[f] = (char)b;
                    f++;
                    i++;
                    continue;
                }
                if (!TextFold.IsTokenChar(text, i, out int width))
                {
                    // A soft hyphen inside a word joins its halves; elsewhere it separates.
                    if (!TextFold.IsJoiner(c) || i == tokenStart || i + 1 >= end
                        || !TextFold.IsTokenChar(text, i + 1, out _)) break;
                }
                allAscii = false;
                i += width;
            }
            if (i == tokenStart)
            {
                // A non-token non-ASCII char (punctuation, space): skip it.
                i++;
                continue;
            }
            if (count == starts.Length) Grow(ref starts, ref ends, ref hashes);
            starts[count] = tokenStart;
            ends[count] = i;
            hashes[count] = allAscii && f <= folded.Length
                ? TextFold.HashFolded(folded[..f])
                : TextFold.HashToken(text[tokenStart..i]);
            count++;
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Grow(ref int[] starts, ref int[] ends, ref ulong[] hashes)
    {
        int n = starts.Length * 2;
        Array.Resize(ref starts, n);
        Array.Resize(ref ends, n);
        Array.Resize(ref hashes, n);
    }
}
