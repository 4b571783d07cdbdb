using ReuseDetect.Alignment;
using ReuseDetect.Clustering;
using ReuseDetect.Internal;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Attribution;

/// <summary>
/// The passages made of learned boilerplate, as clusters (one per group of regions that share boilerplate
/// fingerprints). Boilerplate fingerprints are kept out of alignment, so these spans are found here without pairwise
/// alignment, however many documents hold them: each document's hits are merged into regions (hits at most a window
/// apart), and each region's edges are made exact by extending it token by token against the group's first region, at
/// the offset of a fingerprint they share.
/// </summary>
static class BoilerplatePassages
{
    /// <summary>A document as the search reads it: its index, its source group and its winnowing fingerprints.</summary>
    public readonly record struct Holder(int Document, string Group, Fingerprint[] Fingerprints);

    /// <summary>A document's text and its tokens, for the exact edges of its regions.</summary>
    public sealed record Body(string Text, TokenizedText Tokens);

    /// <summary>A run of tokens in one document covered by its group's boilerplate fingerprints.</summary>
    sealed record Region(int Document, List<Fingerprint> Hits)
    {
        public int Start { get; set; }
        public int End { get; set; }
    }

    /// <summary>
    /// The boilerplate passages of <paramref name="documents"/> under <paramref name="model"/>: fingerprints of
    /// <paramref name="shingle"/> words winnowed with <paramref name="window"/>, passages of at least
    /// <paramref name="minWords"/> words. <paramref name="body"/> gives a document's text (null: it cannot be read now, and
    /// its regions are left out); it is called from several threads. The documents' regions are found side by side, and
    /// the groups of regions extended side by side; the clusters come in the order of each group's first region.
    /// </summary>
    public static List<SpanCluster> Find(IReadOnlyList<Holder> documents, BoilerplateModel model, Func<int, Body?> body, int shingle, int window, int minWords,
        ParallelOptions parallel)
    {
        List<Region> regions = Regions(documents, model, shingle, window, parallel);
        var sets = new UnionFind(regions.Count);
        var firstHolder = new Dictionary<ulong, int>();
        for (int i = 0; i < regions.Count; i++)
            foreach (Fingerprint f in regions[i].Hits)
                if (!firstHolder.TryAdd(f.Hash, i)) sets.Union(firstHolder[f.Hash], i);
        // Groups of regions in more than one document, each in region order, by their first region.
        List<List<Region>> groups = [.. Enumerable.Range(0, regions.Count).GroupBy(sets.Find).OrderBy(g => g.Min())
            .Select(g => g.Select(i => regions[i]).ToList()).Where(g => g.Select(m => m.Document).Distinct().Count() >= 2)];
        var found = new SpanCluster?[groups.Count];
        Parallel.For(0, groups.Count, parallel, g => found[g] = Passage(groups[g], body, minWords));
        return [.. found.OfType<SpanCluster>()];
    }

    /// <summary>
    /// The passage of one group of regions: the first region is extended against the next one whose text can be read,
    /// every other region against the first; null when fewer than two documents keep a span of <paramref name="minWords"/>.
    /// </summary>
    static SpanCluster? Passage(List<Region> members, Func<int, Body?> body, int minWords)
    {
        if (body(members[0].Document) is not { } reference) return null;
        var spans = new List<ClusterMember>();
        for (int i = 0; i < members.Count; i++)
        {
            Region m = members[i];
            Body? own = i == 0 ? reference : body(m.Document);
            if (own is null) continue;
            (Region other, Body? against) = i > 0 ? (members[0], reference) : NextReadable(members, body);
            if (against is null) continue;
            Extend(m, own.Tokens, other, against.Tokens);
            if (m.End - m.Start < minWords) continue;
            var (start, end) = PassageText.CharRange(own.Tokens, own.Text, m.Start, m.End);
            spans.Add(new ClusterMember(m.Document, start, end));
        }
        if (spans.Select(s => s.Document).Distinct().Count() < 2) return null;
        spans.Sort((a, b) => a.Document != b.Document ? a.Document.CompareTo(b.Document) : a.Start.CompareTo(b.Start));
        return new SpanCluster(spans, 1.0);
    }

    /// <summary>The first region after the first whose document can be read, with its text (the second region and null when none can).</summary>
    static (Region Region, Body? Body) NextReadable(List<Region> members, Func<int, Body?> body)
    {
        for (int j = 1; j < members.Count; j++)
            if (body(members[j].Document) is { } b) return (members[j], b);
        return (members[1], null);
    }

    /// <summary>
    /// Each document's boilerplate hits merged into regions (hits at most <paramref name="window"/> tokens apart), the
    /// documents side by side, the regions in document order.
    /// </summary>
    static List<Region> Regions(IReadOnlyList<Holder> documents, BoilerplateModel model, int shingle, int window, ParallelOptions parallel)
    {
        var byDocument = new List<Region>?[documents.Count];
        Parallel.For(0, documents.Count, parallel, d =>
        {
            Holder holder = documents[d];
            if (model.FurnitureOf(holder.Group) is not { } furniture) return;
            List<Region>? found = null;
            Region? open = null;
            foreach (Fingerprint f in FurnitureHits(holder.Fingerprints, furniture))
            {
                if (open is null || f.Position > open.End + window)
                {
                    open = new Region(holder.Document, []) { Start = f.Position, End = f.Position + shingle };
                    (found ??= []).Add(open);
                }
                open.Hits.Add(f);
                open.End = Math.Max(open.End, f.Position + shingle);
            }
            byDocument[d] = found;
        });
        var regions = new List<Region>();
        foreach (List<Region>? found in byDocument)
            if (found is not null) regions.AddRange(found);
        return regions;
    }

    /// <summary>
    /// The fingerprints of <paramref name="fingerprints"/> that are <paramref name="furniture"/>, by position (equal
    /// positions in their order). Winnowing gives them in position order already, so they are only filtered; a watch
    /// rescan goes through every furnished document, and a query sorting each one's hits was most of this stage's
    /// allocations.
    /// </summary>
    static IEnumerable<Fingerprint> FurnitureHits(Fingerprint[] fingerprints, IReadOnlySet<ulong> furniture)
    {
        for (int i = 1; i < fingerprints.Length; i++)
            if (fingerprints[i].Position < fingerprints[i - 1].Position)
                return fingerprints.Where(f => furniture.Contains(f.Hash)).OrderBy(f => f.Position);
        var hits = new List<Fingerprint>();
        foreach (Fingerprint f in fingerprints)
            if (furniture.Contains(f.Hash)) hits.Add(f);
        return hits;
    }

    /// <summary>Widens <paramref name="region"/> while its tokens equal <paramref name="other"/>'s at the offset of a shared fingerprint.</summary>
    static void Extend(Region region, TokenizedText tokens, Region other, TokenizedText otherTokens)
    {
        var otherHits = other.Hits.GroupBy(h => h.Hash).ToDictionary(g => g.Key, g => g.First().Position);
        Fingerprint? shared = region.Hits.Cast<Fingerprint?>().FirstOrDefault(h => otherHits.ContainsKey(h!.Value.Hash));
        if (shared is not { } s) return;
        int offset = s.Position - otherHits[s.Hash];
        ReadOnlySpan<ulong> a = tokens.TokenHashes, b = otherTokens.TokenHashes;
        while (region.Start > 0 && region.Start - 1 - offset >= 0 && region.Start - 1 - offset < b.Length && a[region.Start - 1] == b[region.Start - 1 - offset])
            region.Start--;
        while (region.End < a.Length && region.End - offset >= 0 && region.End - offset < b.Length && a[region.End] == b[region.End - offset])
            region.End++;
        region.End = Math.Min(region.End, a.Length);
    }
}
