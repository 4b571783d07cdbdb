using System.Text.Json;

namespace ReuseDetect.Evaluation;

/// <summary>
/// PAN 2013 scored the way a user runs the tool: the documents of some pairs of each category are put in one folder,
/// a plain <c>reuse scan</c> runs over it, and each pair's detections are read back from <c>report.json</c>. A pair
/// (suspicious, source) is detected where a passage cluster has a member in each: every suspicious member against
/// every source member of that cluster. Nothing here changes how the scan detects; it only lays out and scores.
/// </summary>
public static class PanScanEvaluation
{
    /// <summary>The first <paramref name="perCategory"/> pairs of each category (all of them when null), in corpus order.</summary>
    public static List<PanPair> SelectPairs(PanCorpus corpus, int? perCategory, string? onlyCategory = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var pairs = new List<PanPair>();
        foreach (string category in corpus.Categories())
        {
            if (onlyCategory is not null && category != onlyCategory) continue;
            IReadOnlyList<PanPair> all = corpus.Pairs(category);
            pairs.AddRange(perCategory is int n ? all.Take(n) : all);
        }
        return pairs;
    }

    /// <summary>Copies the documents of <paramref name="pairs"/> into <paramref name="folder"/> as <c>susp/…</c> and <c>src/…</c>.</summary>
    public static void Lay(PanCorpus corpus, IEnumerable<PanPair> pairs, string folder)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(pairs);
        Directory.CreateDirectory(Path.Combine(folder, "susp"));
        Directory.CreateDirectory(Path.Combine(folder, "src"));
        foreach (PanPair p in pairs)
        {
            CopyOnce(corpus.SuspiciousPath(p), Path.Combine(folder, SuspiciousId(p)));
            CopyOnce(corpus.SourcePath(p), Path.Combine(folder, SourceId(p)));
        }
    }

    static void CopyOnce(string from, string to)
    {
        if (!File.Exists(to)) File.Copy(from, to);
    }

    /// <summary>The document id a scan of the laid-out folder gives the pair's suspicious document.</summary>
    internal static string SuspiciousId(PanPair pair) => "susp/" + pair.Suspicious;

    /// <summary>The document id a scan of the laid-out folder gives the pair's source document.</summary>
    internal static string SourceId(PanPair pair) => "src/" + pair.Source;

    /// <summary>
    /// The detections of every pair in a scan report, from each passage cluster (not boilerplate, not internal) holding
    /// members of both documents of a pair: with <paramref name="fromAlignments"/>, the cluster's aligned pairs between
    /// the two documents (what the suspicious document shares with the source); otherwise every suspicious member against
    /// every source member (a member is the whole passage its document carries, which may be more than this pair shares).
    /// </summary>
    internal static Dictionary<PanPair, List<PanPassage>> Detections(string reportJson, IReadOnlyCollection<PanPair> pairs, bool fromAlignments = true)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var wanted = new Dictionary<(string, string), PanPair>();
        foreach (PanPair p in pairs) wanted[(SuspiciousId(p), SourceId(p))] = p;
        var result = pairs.ToDictionary(p => p, _ => new List<PanPassage>());
        using JsonDocument json = JsonDocument.Parse(reportJson);
        foreach (JsonElement cluster in json.RootElement.GetProperty("clusters").EnumerateArray())
        {
            if (cluster.GetProperty("kind").GetString() != "passage" || cluster.GetProperty("boilerplate").GetBoolean()) continue;
            var members = cluster.GetProperty("members").EnumerateArray()
                .Select(m => (Id: m.GetProperty("id").GetString()!, Range: new CharRange(m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32())))
                .ToList();
            if (fromAlignments && cluster.TryGetProperty("alignments", out JsonElement alignments))
            {
                foreach (JsonElement a in alignments.EnumerateArray())
                {
                    var (x, xr) = (members[a.GetProperty("a").GetInt32()].Id, new CharRange(a.GetProperty("aStart").GetInt32(), a.GetProperty("aEnd").GetInt32()));
                    var (y, yr) = (members[a.GetProperty("b").GetInt32()].Id, new CharRange(a.GetProperty("bStart").GetInt32(), a.GetProperty("bEnd").GetInt32()));
                    if (wanted.TryGetValue((x, y), out PanPair p1)) result[p1].Add(new PanPassage(p1.Key, xr, yr));
                    else if (wanted.TryGetValue((y, x), out PanPair p2)) result[p2].Add(new PanPassage(p2.Key, yr, xr));
                }
                continue;
            }
            foreach (var s in members.Where(m => m.Id.StartsWith("susp/", StringComparison.Ordinal)))
                foreach (var r in members.Where(m => m.Id.StartsWith("src/", StringComparison.Ordinal)))
                    if (wanted.TryGetValue((s.Id, r.Id), out PanPair pair))
                        result[pair].Add(new PanPassage(pair.Key, s.Range, r.Range));
        }
        return result;
    }

    /// <summary>Scores each category's pairs, and all pairs together (<see cref="PanEvaluator.EntireCorpus"/>), from a scan report.</summary>
    public static List<PanCategoryResult> Score(PanCorpus corpus, IReadOnlyList<PanPair> pairs, string reportJson, bool fromAlignments = true)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        Dictionary<PanPair, List<PanPassage>> detections = Detections(reportJson, pairs, fromAlignments);
        return PanEvaluator.ScoreAll(pairs, corpus.Cases, p => detections[p]);
    }
}
