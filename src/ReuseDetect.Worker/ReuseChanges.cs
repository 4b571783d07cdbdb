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
        // An edge is new when no cluster of the last report gave it. A cluster object the last report holds too (the
        // worker's detector keeps a cluster's object while it stays the same) gives only edges it gave then, so only the
        // others are looked at; and an edge names its passage by every member span, so only last clusters with the same
        // number of members and first member can have given one of theirs. A rescan that changed a few clusters looks at
        // those, not at every cluster of both reports again (Reuters-21578: 2,881 clusters, some of 240 members).
        var kept = before is null ? [] : before.Clusters.ToHashSet(ReferenceEqualityComparer.Instance);
        List<ReportCluster> added = [.. Passages(after).Where(c => !kept.Contains(c))];
        if (added.Count == 0) return [];
        var shapes = added.Select(Shape).ToHashSet();
        var old = before is null ? [] : Edges(Passages(before).Where(c => shapes.Contains(Shape(c))), changed).ToHashSet();
        var fresh = Edges(added, changed).Where(e => !old.Contains(e)).ToList();
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

    /// <summary>The clusters of passages shared across documents (boilerplate and internal repeats left out).</summary>
    static IEnumerable<ReportCluster> Passages(ReuseReport report) => report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate);

    /// <summary>What two clusters giving the same edge (the same member spans) have in common: their member count and first member.</summary>
    static (int, string?, int, int) Shape(ReportCluster c) =>
        c.Members.Count == 0 ? (0, null, 0, 0) : (c.Members.Count, c.Members[0].Id, c.Members[0].Start, c.Members[0].End);

    /// <summary>(reposter, source, passage key, source is the origin) for every member of <paramref name="clusters"/>.</summary>
    static IEnumerable<(string Reposter, string Source, string Passage, bool FromOrigin)> Edges(IEnumerable<ReportCluster> clusters, IReadOnlySet<string> changed)
    {
        foreach (ReportCluster c in clusters)
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
