using ReuseDetect.Internal;

namespace ReuseDetect.Reporting;

/// <summary>Groups near-duplicate pairs into sets of documents that are near-duplicates of one another (connected components).</summary>
public static class NearDuplicateGroups
{
    /// <summary>The groups, each sorted by id, largest first.</summary>
    public static List<List<string>> From(IReadOnlyList<ReportNearDuplicate> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var ids = pairs.SelectMany(p => p.Ids).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var uf = new UnionFind(ids.Count);
        foreach (ReportNearDuplicate p in pairs) uf.Union(index[p.Ids[0]], index[p.Ids[1]]);
        return [.. uf.Groups().Select(g => g.Select(i => ids[i]).ToList()).OrderByDescending(g => g.Count).ThenBy(g => g[0], StringComparer.Ordinal)];
    }
}
