using System.Buffers;
using ReuseDetect.Internal;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Shingling;

/// <summary>
/// Fingerprints that survive rewording, for finding edited reuse among many documents: each pair of consecutive content
/// words (function words skipped, words stemmed by <see cref="WordStems"/>), taken unordered, so "talks resumed" and
/// "resumed the talk" share one, winnowed with a window of <see cref="Window"/> (any run of <see cref="Window"/> + 1
/// content word pairs shares a fingerprint). A verbatim run of five words shares a 5-gram fingerprint; a copy with a
/// word changed in every few keeps most of its content word pairs.
/// </summary>
/// <remarks>
/// Each fingerprint keeps its place: a reworded passage keeps the pairs it shares together, while two long texts on one
/// topic share a few scattered through them (<see cref="Candidates.ContentNearness"/>).
/// </remarks>
static class ContentShingles
{
    /// <summary>The winnowing window over content word pairs.</summary>
    public const int Window = 3;

    /// <summary>Tag that keeps a content pair's hash apart from a word n-gram of the same words.</summary>
    const ulong Tag = 0x7C3A_91D5_E4B2_0F68UL;

    /// <summary>The fingerprints of a tokenized text with their places (see <see cref="Located(TokenizedText, ulong[])"/>).</summary>
    public static ContentPrints Located(TokenizedText tokens, ReadOnlySpan<char> text) => Located(tokens, WordStems.Of(tokens, text));

    /// <summary>
    /// The fingerprints of a tokenized text whose stems (<see cref="WordStems.Of"/>) are known, each with its place (the
    /// index of its content word pair), ordered by hash, then place: a hash winnowing selects at two places is listed twice.
    /// </summary>
    public static ContentPrints Located(TokenizedText tokens, ulong[] stems) => OfContent(tokens, stems, Located);

    /// <summary>The fingerprints of a text's content word stems (<see cref="ContentStems"/>), as the other overload gives them.</summary>
    public static ContentPrints Located(ReadOnlySpan<ulong> content)
    {
        if (content.Length < 2) return new ContentPrints([], []);
        int pairCount = content.Length - 1;
        ulong[] pairs = ArrayPool<ulong>.Shared.Rent(pairCount);
        Fingerprint[] selected = ArrayPool<Fingerprint>.Shared.Rent(Winnower.MaxCount(pairCount, Window));
        try
        {
            Span<ulong> two = stackalloc ulong[2];
            for (int i = 0; i < pairCount; i++)
            {
                two[0] = Math.Min(content[i], content[i + 1]);
                two[1] = Math.Max(content[i], content[i + 1]);
                pairs[i] = Shingler.Mix(two) ^ Tag;
            }
            int count = Winnower.Select(pairs.AsSpan(0, pairCount), Window, selected);
            var hashes = new ulong[count];
            var places = new int[count];
            for (int i = 0; i < count; i++)
            {
                hashes[i] = selected[i].Hash;
                places[i] = selected[i].Position;
            }
            // A few hundred entries: a comparison sort in place, then the places of a recurring hash put back in order.
            Array.Sort(hashes, places);
            RadixSort.SortRuns(hashes, places);
            return new ContentPrints(hashes, places);
        }
        finally
        {
            ArrayPool<Fingerprint>.Shared.Return(selected);
            ArrayPool<ulong>.Shared.Return(pairs);
        }
    }

    /// <summary>The distinct stems of the content words of a text (function words left out), ascending.</summary>
    public static ulong[] Words(TokenizedText tokens, ulong[] stems) => OfContent(tokens, stems, Words);

    /// <summary>The distinct values of a text's content word stems (<see cref="ContentStems"/>), ascending.</summary>
    public static ulong[] Words(ReadOnlySpan<ulong> content) => SortedSets.SortDistinct(content);

    delegate T ContentReader<T>(ReadOnlySpan<ulong> content);

    /// <summary>What <paramref name="read"/> makes of the content word stems of a text, gathered in pooled scratch.</summary>
    static T OfContent<T>(TokenizedText tokens, ulong[] stems, ContentReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ulong[] content = ArrayPool<ulong>.Shared.Rent(Math.Max(1, stems.Length));
        try
        {
            return read(content.AsSpan(0, ContentStems(tokens, stems, content)));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(content);
        }
    }

    /// <summary>
    /// Writes the stems of the content words of a text (function words left out), in text order, to
    /// <paramref name="content"/> (room for every token); returns their count.
    /// </summary>
    public static int ContentStems(TokenizedText tokens, ReadOnlySpan<ulong> stems, Span<ulong> content)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ReadOnlySpan<ulong> hashes = tokens.TokenHashes;
        int count = 0;
        for (int i = 0; i < stems.Length; i++)
            if (!StopWords.Contains(hashes[i])) content[count++] = stems[i];
        return count;
    }
}

/// <summary>Content fingerprints of a text and their places (parallel arrays), ordered by hash, then place.</summary>
readonly record struct ContentPrints(ulong[] Hashes, int[] Places);
