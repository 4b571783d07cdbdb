using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ReuseDetect.Attribution;
using ReuseDetect.Signatures;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseIndex
{
    /// <summary>
    /// What the index says about the query's own fingerprints, by the rules a scan learns the corpus's boilerplate with
    /// (<see cref="BoilerplateLearner"/>), applied to the postings of these fingerprints only: a fingerprint that enough
    /// documents of one source group hold, more than half of its holders, is that group's furniture (a header, footer or
    /// widget); one that many documents of several groups hold is a stock phrase. The documents that share with the query
    /// a fingerprint that is neither furniture of the query's group nor of the document's own (as a scan pairs
    /// documents), with how many they share, are the candidates.
    /// </summary>
    (BoilerplateModel Model, Dictionary<int, int> Shared) Learn(IReadOnlyList<Fingerprint> fingerprints, string selfGroup, string? selfId)
    {
        var byGroup = new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal);
        var common = new HashSet<ulong>();
        var shared = new Dictionary<int, int>();
        var owners = new List<int>();
        var perGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<ulong>();
        foreach (Fingerprint f in fingerprints)
        {
            if (!seen.Add(f.Hash)) continue;
            owners.Clear();
            _data.Postings(f.Hash, int.MaxValue, owners);
            // Held by more documents than any pair is made from: a stock phrase, whoever holds it.
            if (owners.Count > _options.MaxDocumentFrequency)
            {
                common.Add(f.Hash);
                continue;
            }
            // The query is one of the holders a scan counts, unless the index holds it already.
            perGroup.Clear();
            bool selfListed = false;
            foreach (int owner in owners)
            {
                selfListed |= _data.Document(owner).Id == selfId;
                CollectionsMarshal.GetValueRefOrAddDefault(perGroup, GroupOf(owner), out _)++;
            }
            int total = owners.Count;
            if (!selfListed)
            {
                total++;
                CollectionsMarshal.GetValueRefOrAddDefault(perGroup, selfGroup, out _)++;
            }
            string? furnitureOf = null;
            if (total >= _options.BoilerplateMinDocuments)
            {
                (string best, int count) = perGroup.MaxBy(p => (p.Value, p.Key), s_countThenName);
                if (count >= _options.BoilerplateMinDocuments && count * 2 > total
                    && (!SourceGroups.IsInferred(best) || (count >= BoilerplateLearner.InferredMinDocuments
                        && HoldsShare(best, best == selfGroup && !selfListed, count, BoilerplateLearner.InferredShare))))
                {
                    furnitureOf = best;
                    if (!byGroup.TryGetValue(best, out var set)) byGroup[best] = set = [];
                    set.Add(f.Hash);
                }
                else if (total >= BoilerplateLearner.CommonDocuments)
                {
                    common.Add(f.Hash);
                }
            }
            // Furniture pairs nobody of its own group (as in a scan).
            if (furnitureOf == selfGroup) continue;
            foreach (int owner in owners)
                if (furnitureOf is null || GroupOf(owner) != furnitureOf)
                    CollectionsMarshal.GetValueRefOrAddDefault(shared, owner, out _)++;
        }
        return (new BoilerplateModel(byGroup, common, []), shared);
    }

    static readonly Comparer<(int Count, string Name)> s_countThenName =
        Comparer<(int Count, string Name)>.Create((x, y) => x.Count != y.Count ? x.Count.CompareTo(y.Count) : string.CompareOrdinal(y.Name, x.Name));

    readonly ConcurrentDictionary<int, string> _groups = new();
    readonly Dictionary<string, int> _groupSizes = new(StringComparer.Ordinal);
    readonly Lock _sizing = new();
    int _sized;

    /// <summary>The source group (<see cref="SourceGroups"/>) of the indexed document at <paramref name="index"/>.</summary>
    string GroupOf(int index) => _groups.GetOrAdd(index, static (i, data) => SourceGroups.Key(data.Document(i).Id, data.Document(i).Metadata), _data);

    /// <summary>
    /// True when <paramref name="count"/> documents are at least <paramref name="share"/> of <paramref name="group"/> (plus
    /// the query, when it belongs and is not indexed). The groups are counted as far as the answer needs, once per index:
    /// in a folder of 19,000 articles, a few thousand tell that no fingerprint a thousand hold is a share of it.
    /// </summary>
    bool HoldsShare(string group, bool withQuery, int count, double share)
    {
        lock (_sizing)
        {
            while (true)
            {
                int known = _groupSizes.GetValueOrDefault(group) + (withQuery ? 1 : 0);
                if (count < share * known) return false;
                if (_sized == _data.Count) return true;
                for (int end = Math.Min(_data.Count, _sized + 256); _sized < end; _sized++)
                    CollectionsMarshal.GetValueRefOrAddDefault(_groupSizes, GroupOf(_sized), out _)++;
            }
        }
    }
}
