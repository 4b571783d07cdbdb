using ReuseDetect.Alignment;
using ReuseDetect.Attribution;
using ReuseDetect.Clustering;
using ReuseDetect.Internal;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseDetector
{
    /// <summary>A run of tokens in one document covered by its outlet's boilerplate fingerprints.</summary>
    sealed record BoilerplateRegion(int Document, List<Fingerprint> Hits)
    {
        public int Start { get; set; }
        public int End { get; set; }
    }

    /// <summary>Learns each source group's furniture and the corpus's stock phrases, and gives every record its marks signature.</summary>
    BoilerplateModel LearnBoilerplate(List<DocumentRecord> records)
    {
        BoilerplateModel model = LearnModel(records);
        SignMarks(records, model);
        return model;
    }

    /// <summary>Each source group's furniture, the corpus's stock phrases and common words.</summary>
    BoilerplateModel LearnModel(List<DocumentRecord> records) =>
        new BoilerplateLearner(_options.BoilerplateMinDocuments)
            .Learn(records.ConvertAll(r => r.Group), records.ConvertAll(r => r.Fingerprints), records.ConvertAll(r => r.Lines), records.ConvertAll(r => r.Words), _options.Parallelism);

    /// <summary>Gives each of <paramref name="records"/> its marks signature under <paramref name="model"/> (each its own: side by side).</summary>
    void SignMarks(IReadOnlyList<DocumentRecord> records, BoilerplateModel model) =>
        System.Threading.Tasks.Parallel.For(0, records.Count, Parallel(CancellationToken.None), i =>
        {
            DocumentRecord r = records[i];
            r.Marks = PageFurniture.Signature(r.Fingerprints, r.Lines, r.Words, r.Group, model);
        });

    /// <summary>The token marks of a cached document under <paramref name="model"/>.</summary>
    byte[]? MarksOf(DocumentRecord record, TextCache.Entry entry, BoilerplateModel model) =>
        record.Marks == 0 ? null : PageFurniture.Marks(entry.Tokens, entry.Document.Text, record.Fingerprints, record.Group, model, _options.ShingleSize);

    /// <summary>
    /// The passages made of learned boilerplate, as clusters (one per group of regions that share boilerplate
    /// fingerprints). Boilerplate fingerprints are kept out of alignment (<see cref="ExactPairs"/>), so these
    /// spans are found here without pairwise alignment, however many documents hold them: each document's hits are
    /// merged into regions (hits at most a window apart), and each region's edges are made exact by extending it token
    /// by token against the group's first region, at the offset of a fingerprint they share.
    /// </summary>
    List<SpanCluster> FindBoilerplate(List<DocumentRecord> records, BoilerplateModel model, TextCache cache)
    {
        int n = _options.ShingleSize, w = _options.WinnowWindow;
        var regions = new List<BoilerplateRegion>();
        foreach (DocumentRecord r in records)
        {
            if (model.Count(r.Group) == 0) continue;
            BoilerplateRegion? open = null;
            foreach (Fingerprint f in r.Fingerprints.Where(f => model.IsBoilerplate(r.Group, f.Hash)).OrderBy(f => f.Position))
            {
                if (open is null || f.Position > open.End + w)
                {
                    open = new BoilerplateRegion(r.Index, []) { Start = f.Position, End = f.Position + n };
                    regions.Add(open);
                }
                open.Hits.Add(f);
                open.End = Math.Max(open.End, f.Position + n);
            }
        }
        var sets = new UnionFind(regions.Count);
        var firstHolder = new Dictionary<ulong, int>();
        for (int i = 0; i < regions.Count; i++)
            foreach (Fingerprint f in regions[i].Hits)
                if (!firstHolder.TryAdd(f.Hash, i)) sets.Union(firstHolder[f.Hash], i);
        var clusters = new List<SpanCluster>();
        foreach (var group in Enumerable.Range(0, regions.Count).GroupBy(sets.Find).OrderBy(g => g.Min()))
        {
            List<BoilerplateRegion> members = [.. group.Select(i => regions[i])];
            if (members.Select(m => m.Document).Distinct().Count() < 2) continue;
            if (cache.Get(records[members[0].Document]) is not { } reference) continue;
            var spans = new List<ClusterMember>();
            // The first region is extended against the second, every other region against the first.
            for (int i = 0; i < members.Count; i++)
            {
                BoilerplateRegion m = members[i], other = members[i == 0 ? 1 : 0];
                TextCache.Entry? entry = i == 0 ? reference : cache.Get(records[m.Document]);
                TextCache.Entry? otherEntry = i == 1 ? reference : i == 0 ? cache.Get(records[other.Document]) : reference;
                if (entry is null || otherEntry is null) continue;
                Extend(m, entry.Tokens, other, otherEntry.Tokens);
                if (m.End - m.Start < _options.Alignment.MinWords) continue;
                var (start, end) = PassageText.Widen(entry.Document.Text, entry.Tokens.StartOf(m.Start), entry.Tokens.EndOf(m.End - 1));
                spans.Add(new ClusterMember(m.Document, start, end));
            }
            if (spans.Select(s => s.Document).Distinct().Count() < 2) continue;
            spans.Sort((a, b) => a.Document != b.Document ? a.Document.CompareTo(b.Document) : a.Start.CompareTo(b.Start));
            clusters.Add(new SpanCluster(spans, 1.0));
        }
        return clusters;
    }

    /// <summary>Widens <paramref name="region"/> while its tokens equal <paramref name="other"/>'s at the offset of a shared fingerprint.</summary>
    static void Extend(BoilerplateRegion region, TokenizedText tokens, BoilerplateRegion other, TokenizedText otherTokens)
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
