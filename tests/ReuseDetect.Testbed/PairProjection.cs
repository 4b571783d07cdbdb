using ReuseDetect.Evaluation;

namespace ReuseDetect.Testbed;

/// <summary>
/// Turns a cluster into a pairwise detection. A cluster says its members carry one passage; a member may carry only
/// part of it (an outlet that took three of five paragraphs). For the pair (repost R, parent P), the detection is R's
/// member against the part of P's member that R's member shares: from the first to the last word 5-gram that occurs
/// once in each member and in both, extended word by word while the words before (after) it agree in both, widened to
/// the white space around the words, and to the member's edge when no word of P's member is left out on that side.
/// Without a shared 5-gram P's member is taken whole.
/// </summary>
static class PairProjection
{
    public const int Gram = 5;

    public static CharRange ProjectParent(string parentText, CharRange parentMember, string reuseText, CharRange reuseMember)
    {
        List<Word> p = TextTools.Words(parentText, parentMember.Start, Math.Min(parentMember.End, parentText.Length));
        List<Word> r = TextTools.Words(reuseText, reuseMember.Start, Math.Min(reuseMember.End, reuseText.Length));
        Dictionary<string, int> pOnce = Unique(p), rOnce = Unique(r);
        (int P, int R) first = (int.MaxValue, 0), last = (-1, 0);
        foreach (var (gram, at) in pOnce)
        {
            if (!rOnce.TryGetValue(gram, out int rAt)) continue;
            if (at < first.P) first = (at, rAt);
            if (at > last.P) last = (at, rAt);
        }
        if (last.P < 0) return parentMember;
        var (ps, rs) = first;
        while (ps > 0 && rs > 0 && p[ps - 1].Text == r[rs - 1].Text) (ps, rs) = (ps - 1, rs - 1);
        int pe = last.P + Gram - 1, re = last.R + Gram - 1;
        while (pe + 1 < p.Count && re + 1 < r.Count && p[pe + 1].Text == r[re + 1].Text) (pe, re) = (pe + 1, re + 1);
        int start = ps == 0 ? parentMember.Start : WidenLeft(parentText, p[ps].Start, parentMember.Start);
        int end = pe == p.Count - 1 ? parentMember.End : WidenRight(parentText, p[pe].End, parentMember.End);
        return new CharRange(start, end);
    }

    static Dictionary<string, int> Unique(List<Word> words)
    {
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (string gram in TextTools.Grams(words, Gram))
        {
            if (!at.TryAdd(gram, i)) repeated.Add(gram);
            i++;
        }
        foreach (string g in repeated) at.Remove(g);
        return at;
    }

    static int WidenLeft(string text, int at, int limit)
    {
        while (at > limit && !char.IsWhiteSpace(text[at - 1])) at--;
        return at;
    }

    static int WidenRight(string text, int at, int limit)
    {
        while (at < limit && !char.IsWhiteSpace(text[at])) at++;
        return at;
    }
}
