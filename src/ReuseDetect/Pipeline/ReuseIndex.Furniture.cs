using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ReuseDetect.Attribution;
using ReuseDetect.Signatures;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseIndex
{
    /// <summary>
    /// What the index says about the fingerprints and line hashes of a query and of the documents it is aligned with, by
    /// the rules a scan learns the corpus's boilerplate with (<see cref="BoilerplateLearner"/>), applied to the postings of
    /// these hashes only: a hash that enough documents of one source group hold, more than half of its holders, is that
    /// group's furniture (a header, footer, widget or teaser line); one that many documents of several groups hold is a
    /// stock phrase. The documents that share with the query a fingerprint that is neither furniture of the query's group
    /// nor of the document's own (as a scan pairs documents), with how many they share, are the candidates.
    /// </summary>
    sealed class Furniture(ReuseIndex index)
    {
        readonly Dictionary<string, HashSet<ulong>> _byGroup = new(StringComparer.Ordinal);
        readonly HashSet<ulong> _common = [];
        readonly HashSet<ulong> _seen = [];
        readonly List<int> _owners = [];
        readonly Dictionary<string, int> _perGroup = new(StringComparer.Ordinal);

        /// <summary>The candidates: documents sharing a fingerprint with the query that is no furniture of either, and how many.</summary>
        public Dictionary<int, int> Shared { get; } = [];

        BoilerplateModel? _model;
        bool _changed = true;

        /// <summary>The furniture and stock phrases judged so far, as a model for page marks (made again only after a change).</summary>
        public BoilerplateModel Model()
        {
            if (_changed) (_model, _changed) = (new BoilerplateModel(_byGroup, _common, index._commonWords.Value), false);
            return _model!;
        }

        /// <summary>
        /// Judges the hashes of one text not judged yet: the query's (<paramref name="query"/>: it counts as a holder unless
        /// the index lists it, and its fingerprints make the candidates), or an indexed document's.
        /// </summary>
        public void Judge(IReadOnlyList<Fingerprint> fingerprints, ulong[] lines, string group, string? id, bool query)
        {
            ReuseDetectOptions options = index._options;
            // The fingerprints first, then the lines (which tell furniture only: documents are paired by fingerprints).
            for (int x = 0; x < fingerprints.Count + lines.Length; x++)
            {
                bool line = x >= fingerprints.Count;
                ulong hash = line ? lines[x - fingerprints.Count] : fingerprints[x].Hash;
                if (!_seen.Add(hash)) continue;
                _owners.Clear();
                index._data.Postings(hash, int.MaxValue, _owners);
                // Held by more documents than any pair is made from: a stock phrase, whoever holds it.
                if (_owners.Count > options.MaxDocumentFrequency)
                {
                    _changed |= _common.Add(hash);
                    continue;
                }
                // Most hashes have too few holders to be anything but text: their holders' groups are not looked up.
                int total = _owners.Count + (query ? 1 : 0);
                string? furnitureOf = null;
                if (total >= options.BoilerplateMinDocuments)
                {
                    _perGroup.Clear();
                    bool listed = !query;
                    foreach (int owner in _owners)
                    {
                        (string ownerId, string ownerGroup) = index.Keys(owner);
                        listed |= query && ownerId == id;
                        CollectionsMarshal.GetValueRefOrAddDefault(_perGroup, ownerGroup, out _)++;
                    }
                    if (!listed) CollectionsMarshal.GetValueRefOrAddDefault(_perGroup, group, out _)++;
                    else if (query) total--;
                    (string best, int count) = _perGroup.MaxBy(p => (p.Value, p.Key), s_countThenName);
                    switch (BoilerplateLearner.Judge(best, count, total, options.BoilerplateMinDocuments, new IndexShare(index, best, best == group && !listed)))
                    {
                        case BoilerplateLearner.Recurrence.Furniture:
                            furnitureOf = best;
                            if (!_byGroup.TryGetValue(best, out var set)) _byGroup[best] = set = [];
                            _changed |= set.Add(hash);
                            break;
                        case BoilerplateLearner.Recurrence.Stock:
                            _changed |= _common.Add(hash);
                            break;
                    }
                }
                // Furniture pairs nobody of its own group (as in a scan).
                if (!query || line || furnitureOf == group) continue;
                foreach (int owner in _owners)
                    if (furnitureOf is null || index.GroupOf(owner) != furnitureOf)
                        CollectionsMarshal.GetValueRefOrAddDefault(Shared, owner, out _)++;
            }
        }
    }

    static readonly Comparer<(int Count, string Name)> s_countThenName =
        Comparer<(int Count, string Name)>.Create((x, y) => x.Count != y.Count ? x.Count.CompareTo(y.Count) : string.CompareOrdinal(y.Name, x.Name));

    readonly ConcurrentDictionary<int, (string Id, string Group)> _keys = new();

    readonly Dictionary<string, int> _groupSizes = new(StringComparer.Ordinal);
    readonly Lock _sizing = new();
    int _sized;

    /// <summary>The id and source group (<see cref="SourceGroups"/>) of the indexed document at <paramref name="index"/>, read once.</summary>
    (string Id, string Group) Keys(int index) => _keys.GetOrAdd(index, static (i, data) =>
    {
        IndexedDocument doc = data.Document(i);
        return (doc.Id, SourceGroups.Key(doc.Id, doc.Metadata));
    }, _data);

    /// <summary>The source group (<see cref="SourceGroups"/>) of the indexed document at <paramref name="index"/>.</summary>
    string GroupOf(int index) => Keys(index).Group;

    /// <summary>A group of the index (with the query, when it belongs and is not indexed), sized as far as an answer needs.</summary>
    readonly struct IndexShare(ReuseIndex index, string group, bool withQuery) : BoilerplateLearner.IGroupShare
    {
        public bool HeldByShare(int count) => index.HoldsShare(group, withQuery, count, BoilerplateLearner.InferredShare);
    }

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
