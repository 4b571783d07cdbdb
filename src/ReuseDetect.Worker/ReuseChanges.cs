using ReuseDetect.Reporting;

namespace ReuseDetect.Worker;

/// <summary>
/// What a rescan found that the previous report did not have: for each document pair, the number of passages
/// they newly share, phrased from the reposting document's side ("ann/x.txt reposts 3 passages from rferl/y.txt").
/// </summary>
static class ReuseChanges
{
    /// <summary>
    /// One line per document pair with new shared passages, in a stable order. Without a known origin, a document
    /// in <paramref name="changed"/> (new or edited in this scan) is the one that reposts.
    /// </summary>
    public static List<string> Describe(ReuseReport? before, ReuseReport after, IReadOnlySet<string>? changed = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        changed ??= new HashSet<string>();
        var old = before is null ? [] : Edges(before, changed).ToHashSet();
        var fresh = Edges(after, changed).Where(e => !old.Contains(e)).ToList();
        var lines = new List<string>();
        foreach (var g in fresh.GroupBy(e => (e.Reposter, e.Source)).OrderBy(g => g.Key.Reposter, StringComparer.Ordinal).ThenBy(g => g.Key.Source, StringComparer.Ordinal))
        {
            int n = g.Count();
            string verb = g.All(e => e.FromOrigin) ? "reposts" : "shares";
            string prep = verb == "reposts" ? "from" : "with";
            // Names go to a log that may be a terminal: control and bidi characters are shown, never obeyed.
            lines.Add($"{DisplayText.Name(g.Key.Reposter)} {verb} {n} passage{(n == 1 ? "" : "s")} {prep} {DisplayText.Name(g.Key.Source)}");
        }
        return lines;
    }

    /// <summary>(reposter, source, passage key, source is the origin) for every cross-document passage.</summary>
    static IEnumerable<(string Reposter, string Source, string Passage, bool FromOrigin)> Edges(ReuseReport report, IReadOnlySet<string> changed)
    {
        foreach (ReportCluster c in report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate))
        {
            var ids = c.Members.Select(m => m.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            string key = string.Join('|', c.Members.Select(m => $"{m.Id}:{m.Start}-{m.End}"));
            if (c.Origin.Id is { } origin && ids.Contains(origin))
            {
                foreach (string id in ids.Where(i => i != origin)) yield return (id, origin, key, true);
                continue;
            }
            // No origin among the members: a changed document shares with an unchanged one (else the later id with the first).
            string anchor = ids.FirstOrDefault(i => !changed.Contains(i)) ?? ids[0];
            foreach (string id in ids.Where(i => i != anchor)) yield return (id, anchor, key, false);
        }
    }
}
