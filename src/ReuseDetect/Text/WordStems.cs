using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ReuseDetect.Text;

/// <summary>
/// A light English stemmer for matching reworded text: inflections a paraphrase or a translation round trip changes
/// ("talks"/"talk", "agreed"/"agree", "signing"/"sign", "quickly"/"quick", "parties"/"party") reduce to one stem. It
/// only strips (s, es, ies, ed, ing, ly, and a doubled final consonant left by them), never rewrites a word otherwise,
/// and it is applied to both texts, so a word it mishandles still matches itself. Function words keep their token
/// hash. Words in other scripts pass through lower-cased.
/// </summary>
static class WordStems
{
    const long Seed = 0x57E3_5EED;
    const int MaxChars = 64;

    /// <summary>The stem hash of each token of <paramref name="text"/> (the token hash for function words and long tokens).</summary>
    public static ulong[] Of(TokenizedText tokens, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var stems = new ulong[tokens.Count];
        Write(tokens, text, stems);
        return stems;
    }

    /// <summary>
    /// Writes the stem hash of each token of <paramref name="text"/> into <paramref name="stems"/> (its first
    /// <see cref="TokenizedText.Count"/> entries), as <see cref="Of"/> gives them.
    /// </summary>
    public static void Write(TokenizedText tokens, ReadOnlySpan<char> text, Span<ulong> stems)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        stems = stems[..tokens.Count];
        Span<char> word = stackalloc char[MaxChars];
        ReadOnlySpan<ulong> hashes = tokens.TokenHashes;
        for (int i = 0; i < stems.Length; i++)
        {
            int start = tokens.StartOf(i), length = tokens.EndOf(i) - start;
            if (StopWords.Contains(hashes[i]) || length > MaxChars || start + length > text.Length)
            {
                stems[i] = hashes[i];
                continue;
            }
            for (int c = 0; c < length; c++) word[c] = char.ToLowerInvariant(text[start + c]);
            int kept = Strip(word[..length]);
            stems[i] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word[..kept]), Seed);
        }
    }

    /// <summary>The length of <paramref name="w"/> (lower case) without its inflectional suffix.</summary>
    internal static int Strip(Span<char> w)
    {
        int n = w.Length;
        if (n <= 3) return n;
        ReadOnlySpan<char> r = w;
        if (r.EndsWith("ies") && n > 4) return Replace(w, n - 3, 'y');
        if (r.EndsWith("sses")) return n - 2;
        if (r.EndsWith("ing") && n >= 6 && HasVowel(r[..(n - 3)])) return Undouble(w, n - 3);
        if (r.EndsWith("ied") && n > 4) return Replace(w, n - 3, 'y');
        if (r.EndsWith("ed") && n >= 5 && HasVowel(r[..(n - 2)])) return Undouble(w, n - 2);
        if (r.EndsWith("ly") && n >= 6) return n - 2;
        if (r.EndsWith("es") && n >= 5 && (w[n - 3] is 's' or 'x' or 'z' || r[..(n - 2)].EndsWith("ch") || r[..(n - 2)].EndsWith("sh"))) return n - 2;
        if (w[n - 1] == 's' && w[n - 2] is not ('s' or 'u' or 'i')) return DropSilentE(w, n - 1);
        return DropSilentE(w, n);
    }

    // A base form loses the final e its -ed and -ing forms drop ("agree"/"agreed", "make"/"making", "hopes"/"hoped").
    static int DropSilentE(Span<char> w, int n) => n > 3 && w[n - 1] == 'e' ? n - 1 : n;

    // The stem ends in 'y' in place of the suffix ("parties" → "party").
    static int Replace(Span<char> w, int at, char c)
    {
        w[at] = c;
        return at + 1;
    }

    // "signing" → "sign", "stopped" → "stop", "planned" → "plan"; "falling" keeps "fall".
    static int Undouble(Span<char> w, int end) =>
        end >= 3 && w[end - 1] == w[end - 2] && w[end - 1] is not ('l' or 's' or 'z') && !IsVowel(w[end - 1]) ? end - 1 : end;

    static bool HasVowel(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (IsVowel(c)) return true;
        return false;
    }

    static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
