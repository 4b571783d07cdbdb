using ReuseDetect.Evaluation;

namespace ReuseDetect.Testbed;

public static partial class TestbedScorer
{
    static readonly string[] s_levels = ["verbatim", "light", "heavy"];

    /// <summary>
    /// PAN measures per edit level. Detections of a case's pair (R, P): for every passage cluster with members in both,
    /// each R member against each P member, P's member projected onto the part R's member shares (<see cref="PairProjection"/>);
    /// and the same with whole members, for comparison.
    /// </summary>
    static (Dictionary<string, PanScore>, Dictionary<string, PanScore>) PlagDet(LocatedTruth located, List<ReportedCluster> passages, Examples examples)
    {
        var byDocument = new Dictionary<string, List<ReportedCluster>>(StringComparer.Ordinal);
        foreach (ReportedCluster c in passages)
            foreach (string id in c.Members.Select(m => m.Id).Distinct())
            {
                if (!byDocument.TryGetValue(id, out var list)) byDocument[id] = list = [];
                list.Add(c);
            }
        var projected = new Dictionary<string, PanScore>();
        var whole = new Dictionary<string, PanScore>();
        foreach (string level in s_levels.Append("all"))
        {
            var cases = located.Cases.Where(c => level == "all" || c.Level == level).ToList();
            var pairs = cases.Select(c => (c.Repost, c.Parent, c.Pair)).Distinct().ToList();
            var detections = new List<PanPassage>();
            var wholeDetections = new List<PanPassage>();
            foreach (var (repost, parent, pair) in pairs)
            {
                foreach (ReportedCluster c in byDocument.GetValueOrDefault(repost) ?? [])
                    foreach (ReportedMember r in c.Members.Where(m => m.Id == repost))
                        foreach (ReportedMember p in c.Members.Where(m => m.Id == parent))
                        {
                            CharRange rRange = located.WithoutLeadingTitle(repost, r.Range), pRange = located.WithoutLeadingTitle(parent, p.Range);
                            CharRange onto = PairProjection.ProjectParent(located.Texts[parent], pRange, located.Texts[repost], rRange);
                            detections.Add(new PanPassage(pair, rRange, onto));
                            wholeDetections.Add(new PanPassage(pair, rRange, pRange));
                        }
            }
            var panCases = cases.Select(c => new PanPassage(c.Pair, c.RepostRange, c.ParentRange)).ToList();
            projected[level] = PanMeasures.Score(panCases, detections);
            if (level == "all") CaseExamples(cases, detections, examples);
            whole[level] = PanMeasures.Score(panCases, wholeDetections);
        }
        return (projected, whole);
    }

    /// <summary>Examples of cases found in pieces, in part, or not at all, and of detections that reach beyond their case.</summary>
    static void CaseExamples(List<ReuseCase> cases, List<PanPassage> detections, Examples examples)
    {
        var byPair = detections.GroupBy(d => d.Pair).ToDictionary(g => g.Key, g => g.ToList());
        foreach (ReuseCase c in cases)
        {
            var s = new PanPassage(c.Pair, c.RepostRange, c.ParentRange);
            var hits = (byPair.GetValueOrDefault(c.Pair) ?? []).Where(r => PanMeasures.Detects(r, s)).ToList();
            string what = $"{c.Level} {c.Repost} [{c.RepostRange.Start}..{c.RepostRange.End}) from {c.Parent} [{c.ParentRange.Start}..{c.ParentRange.End})";
            if (hits.Count == 0)
            {
                examples.Add("case missed", what);
                continue;
            }
            string found = string.Join(", ", hits.Select(h => $"[{h.Suspicious.Start}..{h.Suspicious.End})/[{h.Source.Start}..{h.Source.End})"));
            double recall = (double)(PanMeasures.UnionLength(hits.Select(h => s.Suspicious.Intersect(h.Suspicious))) + PanMeasures.UnionLength(hits.Select(h => s.Source.Intersect(h.Source))))
                / (s.Suspicious.Length + s.Source.Length);
            if (hits.Count > 1) examples.Add("case split", $"{what} in {hits.Count} detections: {found}");
            else if (recall < 0.9) examples.Add("case partly found", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what}: recall {recall:F2} by {found}"));
            foreach (PanPassage h in hits)
            {
                double precision = (double)(s.Suspicious.Intersect(h.Suspicious).Length + s.Source.Intersect(h.Source).Length) / Math.Max(1, h.Suspicious.Length + h.Source.Length);
                if (precision < 0.9) examples.Add("detection overreaches", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what}: precision {precision:F2} of [{h.Suspicious.Start}..{h.Suspicious.End})/[{h.Source.Start}..{h.Source.End})"));
            }
        }
    }

    /// <summary>Origin and source of each story with two or more carriers, read from the cluster that covers most of its text.</summary>
    static (Ratio Origin, Dictionary<string, Ratio> ByEvidence, Ratio Source) Origins(LocatedTruth located, List<ReportedCluster> passages, Examples examples)
    {
        int right = 0, total = 0, sourceRight = 0;
        var byEvidence = new Dictionary<string, Ratio>(StringComparer.Ordinal);
        foreach (TruthStory s in located.Truth.Stories.Where(s => s.Carriers.Count >= 2))
        {
            total++;
            ReportedCluster? cluster = passages.Select(c => (c, Overlap(located, c, s.Id))).Where(x => x.Item2 > 0)
                .OrderByDescending(x => x.Item2).Select(x => x.c).FirstOrDefault();
            bool ok = cluster is not null && s.AcceptedOrigins.Contains(cluster.OriginId);
            bool sourceOk = cluster is not null && Names.Same(cluster.SourceName, s.Source);
            if (ok) right++;
            if (sourceOk) sourceRight++;
            Ratio r = byEvidence.GetValueOrDefault(s.OriginEvidence);
            byEvidence[s.OriginEvidence] = new Ratio(r.Right + (ok ? 1 : 0), r.Total + 1);
            if (cluster is null) examples.Add("origin", $"story {s.Id} ({s.Carriers.Count} carriers): no passage cluster covers it");
            else if (!ok)
                examples.Add("origin", $"story {s.Id} ({s.OriginEvidence}): expected {string.Join(" or ", s.AcceptedOrigins.Select(o => o ?? "null"))}, cluster {cluster.Id} says {cluster.OriginId ?? "null"} ({cluster.OriginBasis})");
            if (!sourceOk) examples.Add("source", $"story {s.Id}: expected {s.Source ?? "null"}, cluster {cluster?.Id ?? "none"} says {cluster?.SourceName ?? "null"}");
        }
        return (new Ratio(right, total), byEvidence, new Ratio(sourceRight, total));
    }

    /// <summary>Credited flags of the members of each matched cluster that carry its story and are not its origin (the truth's, or an accepted one the report names).</summary>
    static Ratio Credited(LocatedTruth located, List<ReportedCluster> passages, List<TruthStory?> best, Examples examples)
    {
        int right = 0, total = 0;
        for (int i = 0; i < passages.Count; i++)
        {
            if (best[i] is not { } story) continue;
            foreach (ReportedMember m in passages[i].Members)
            {
                // Not the story's origin, nor the member the report takes for origin where the truth accepts it as one
                // (an undated wire story's first copy): the report makes no credited claim for its origin.
                if (m.Id == story.Origin || (m.Id == passages[i].OriginId && story.AcceptedOrigins.Contains(m.Id))
                    || story.Carriers.FirstOrDefault(c => c.Document == m.Id) is not { } carrier) continue;
                total++;
                if (m.Credited == carrier.Credited) right++;
                else examples.Add("credited", $"{m.Id} in cluster {passages[i].Id} (story {story.Id}, credits {(carrier.Credits.Count == 0 ? "nobody" : string.Join(", ", carrier.Credits))}): expected {carrier.Credited}, reported {m.Credited?.ToString() ?? "null"}");
            }
        }
        return new Ratio(right, total);
    }

    /// <summary>Members of passage clusters that overlap planted furniture of their document.</summary>
    static int Boilerplate(LocatedTruth located, List<ReportedCluster> passages, Examples examples, out long chars)
    {
        int members = 0;
        chars = 0;
        foreach (ReportedCluster c in passages)
        {
            foreach (ReportedMember m in c.Members)
            {
                var hits = (located.Furniture.GetValueOrDefault(m.Id) ?? []).Where(f => f.Range.Intersect(m.Range).Length > 0).ToList();
                if (hits.Count == 0) continue;
                members++;
                chars += PanMeasures.UnionLength(hits.Select(f => f.Range.Intersect(m.Range)));
                examples.Add("boilerplate", $"cluster {c.Id} member {m.Id} [{m.Range.Start}..{m.Range.End}) holds {hits[0].Furniture.Kind} \"{Clip(hits[0].Furniture.Text)}\"");
            }
        }
        return members;
    }

    /// <summary>Passage clusters without two documents that carry one story where the cluster's members lie.</summary>
    static int FalseClusters(LocatedTruth located, List<ReportedCluster> passages, Examples examples)
    {
        int count = 0;
        foreach (ReportedCluster c in passages)
        {
            var docsByStory = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (ReportedMember m in c.Members)
                foreach (LocatedBlock b in located.BlocksByDocument.GetValueOrDefault(m.Id) ?? [])
                    if (b.Range.Intersect(m.Range).Length > 0)
                    {
                        if (!docsByStory.TryGetValue(b.Story.Id, out var docs)) docsByStory[b.Story.Id] = docs = [];
                        docs.Add(m.Id);
                    }
            if (docsByStory.Values.Any(d => d.Count >= 2)) continue;
            count++;
            ReportedMember first = c.Members[0];
            examples.Add("false cluster", $"{c.Id} ({c.Members.Count} members, e.g. {first.Id}): \"{Clip(located.Texts.GetValueOrDefault(first.Id) is { } t && first.Range.End <= t.Length ? t[first.Range.Start..first.Range.End] : "")}\"");
        }
        return count;
    }

    /// <summary>Stories whose text, in some document, is covered by members of two or more clusters.</summary>
    static int Nested(LocatedTruth located, List<ReportedCluster> passages, Examples examples, out int storiesInClusters)
    {
        var spans = new Dictionary<string, List<(int Cluster, string Document, CharRange Range)>>(StringComparer.Ordinal);
        for (int i = 0; i < passages.Count; i++)
            foreach (ReportedMember m in passages[i].Members)
                foreach (LocatedBlock b in located.BlocksByDocument.GetValueOrDefault(m.Id) ?? [])
                    if (b.Range.Intersect(m.Range) is { Length: > 0 } inside)
                    {
                        if (!spans.TryGetValue(b.Story.Id, out var list)) spans[b.Story.Id] = list = [];
                        list.Add((i, m.Id, inside));
                    }
        storiesInClusters = spans.Count;
        int nested = 0;
        foreach (var (story, list) in spans.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var clash = list.SelectMany(a => list.Where(b => b.Cluster > a.Cluster && b.Document == a.Document && a.Range.Intersect(b.Range).Length > 0)
                .Select(b => (a, b))).FirstOrDefault();
            if (clash.a.Document is null) continue;
            nested++;
            examples.Add("nested", $"story {story}: {clash.a.Document} [{clash.a.Range.Start}..{clash.a.Range.End}) in {passages[clash.a.Cluster].Id} and [{clash.b.Range.Start}..{clash.b.Range.End}) in {passages[clash.b.Cluster].Id}");
        }
        return nested;
    }

    static double MemberPrecision(LocatedTruth located, List<ReportedCluster> passages)
    {
        long inside = 0, all = 0;
        foreach (ReportedMember m in passages.SelectMany(c => c.Members))
        {
            CharRange range = located.WithoutLeadingTitle(m.Id, m.Range);
            all += range.Length;
            inside += PanMeasures.UnionLength((located.BlocksByDocument.GetValueOrDefault(m.Id) ?? []).Select(b => b.Range.Intersect(range)));
        }
        return all == 0 ? double.NaN : (double)inside / all;
    }

    static string Clip(string s)
    {
        string one = TextTools.CollapseSpaces(s);
        return one.Length <= 90 ? one : one[..87] + "...";
    }
}
