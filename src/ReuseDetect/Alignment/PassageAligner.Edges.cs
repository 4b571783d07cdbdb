namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>
    /// Least share of the ordinary words of the shorter rest of a sentence that matched words must make up for the rest to
    /// join its passage (<see cref="CompleteSentences"/>): the share a reworded passage must keep in order.
    /// </summary>
    const double SentenceRestShare = 0.3;

    /// <summary>Least matched words the rest of a sentence must hold on both sides to join its passage.</summary>
    const int SentenceRestWords = 2;

    /// <summary>
    /// Completes the first and the last sentence of each passage that opens, or ends, inside a sentence in both texts:
    /// where the rest of that sentence (before the passage's start, after its end) in A and in B still shares
    /// <see cref="SentenceRestWords"/> ordinary words (seeds pairing the two rests), that many being
    /// <see cref="SentenceRestShare"/> of the ordinary words of the shorter rest, the rest belongs to the passage. An edited
    /// copy rewords a sentence's opening or close ("Try to write or print so" for "Seek to compose or publish therefore")
    /// and trimming then stops the passage at its first or last dense match, mid-sentence; the rest keeps some of its
    /// words. The pair is linked already by the passage's own evidence, so this only moves ends, never links two texts;
    /// a rest holding page furniture, or reaching into another passage, stays out. Texts prepared without their
    /// sentences keep their passages as found.
    /// </summary>
    static void CompleteSentences(ReadOnlySpan<Seed> seeds, List<Box> kept, Evidence evidence)
    {
        SeedGrams a = evidence.A, b = evidence.B;
        if (a.SentenceStarts is null || b.SentenceStarts is null) return;
        for (int i = 0; i < kept.Count; i++)
        {
            Box box = kept[i];
            int a0 = a.SentenceAround(box.AStart, box.AStart, 0, a.TokenCount).Start;
            int b0 = b.SentenceAround(box.BStart, box.BStart, 0, b.TokenCount).Start;
            if (a0 < box.AStart && b0 < box.BStart && RestJoins(seeds, evidence, kept, i, a0, box.AStart, b0, box.BStart))
                box = box with { AStart = a0, BStart = b0 };
            int a1 = a.SentenceAround(box.AEnd - 1, box.AEnd - 1, 0, a.TokenCount).End;
            int b1 = b.SentenceAround(box.BEnd - 1, box.BEnd - 1, 0, b.TokenCount).End;
            if (a1 > box.AEnd && b1 > box.BEnd && RestJoins(seeds, evidence, kept, i, box.AEnd, a1, box.BEnd, b1))
                box = box with { AEnd = a1, BEnd = b1 };
            kept[i] = box;
        }
    }

    /// <summary>
    /// Whether the rests <c>[a0, a1)</c> of A and <c>[b0, b1)</c> of B share enough ordinary words (see
    /// <see cref="CompleteSentences"/>), hold no page furniture and meet no passage of <paramref name="kept"/> but the
    /// <paramref name="self"/>-th.
    /// </summary>
    static bool RestJoins(ReadOnlySpan<Seed> seeds, Evidence evidence, List<Box> kept, int self, int a0, int a1, int b0, int b1)
    {
        SeedGrams a = evidence.A, b = evidence.B;
        if (a.Walled(a0, a1) || b.Walled(b0, b1)) return false;
        for (int k = 0; k < kept.Count; k++)
        {
            if (k == self) continue;
            Box o = kept[k];
            if ((o.AStart < a1 && a0 < o.AEnd) || (o.BStart < b1 && b0 < o.BEnd)) return false;
        }
        int shorter = Math.Min(a.OrdinaryIn(a0, a1), b.OrdinaryIn(b0, b1));
        if (shorter < SentenceRestWords) return false;
        // Seeds are sorted by A: the first at a0 or after, by binary search, then the words of A that pair into B's rest.
        int lo = 0, hi = seeds.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (seeds[mid].A < a0) lo = mid + 1;
            else hi = mid;
        }
        int matched = 0, lastA = -1;
        for (int i = lo; i < seeds.Length && seeds[i].A < a1; i++)
        {
            Seed s = seeds[i];
            if (s.A == lastA || s.B < b0 || s.B >= b1) continue;
            if (!WordKinds.IsOrdinary(a.Kinds[s.A]) || !WordKinds.IsOrdinary(b.Kinds[s.B])) continue;
            matched++;
            lastA = s.A;
        }
        return matched >= SentenceRestWords && matched >= SentenceRestShare * shorter;
    }
}
