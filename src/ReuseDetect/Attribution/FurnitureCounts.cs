using System.Runtime.InteropServices;
using ReuseDetect.Internal;
using ReuseDetect.Signatures;

namespace ReuseDetect.Attribution;

/// <summary>
/// What <see cref="BoilerplateLearner"/> counts, kept between scans of one folder (a detector that keeps its index:
/// <c>reuse watch</c>) and updated with the documents added, changed and removed, so that a rescan does not count every
/// document's hashes again: the (hash, group) postings, sorted as the learner sorts them, from which the documents that
/// changed are taken out and into which their new versions are merged, and each word's number of documents. The model
/// it gives is the learner's for the same documents (tested against it), whatever their order. A change to more than a tenth of the documents is counted again from scratch.
/// </summary>
sealed class FurnitureCounts(int minDocuments)
{
    /// <summary>What the counts know of a document: its identity and the hashes it was counted with.</summary>
    internal sealed record Holder(string Id, UInt128 ContentHash, string Group, Fingerprint[] Fingerprints, ulong[] Lines, ulong[] Words);

    readonly Dictionary<string, Holder> _holders = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
    readonly List<string> _names = [];
    readonly Dictionary<ulong, int> _words = [];
    // The postings (first _count items), sorted by hash, then group number; and the arrays the next merge writes into.
    ulong[] _hashes = [], _spareHashes = [];
    int[] _groups = [], _spareGroups = [];
    int _count;

    /// <summary>Learns that counted every document (the first, and those after a large change).</summary>
    public int Counts { get; private set; }

    /// <summary>Learns that updated the counts with the documents that changed.</summary>
    public int Updates { get; private set; }

    /// <summary>The model of <paramref name="documents"/> (in corpus order), counting only what changed since the last call.</summary>
    public BoilerplateModel Learn(IReadOnlyList<Holder> documents, ParallelOptions options)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var added = new List<Holder>();
        var removed = new List<Holder>();
        var ids = new HashSet<string>(documents.Count, StringComparer.Ordinal);
        foreach (Holder d in documents)
        {
            ids.Add(d.Id);
            if (!_holders.TryGetValue(d.Id, out Holder? old)) added.Add(d);
            else if (old.ContentHash != d.ContentHash || !string.Equals(old.Group, d.Group, StringComparison.Ordinal))
            {
                removed.Add(old);
                added.Add(d);
            }
        }
        foreach (var (id, old) in _holders)
            if (!ids.Contains(id)) removed.Add(old);
        if (Counts == 0 || added.Count + removed.Count > Math.Max(16, documents.Count / 10) || !TryUpdate(removed, added))
            Count(documents, options);
        return Model(documents);
    }

    /// <summary>Counts <paramref name="documents"/> from scratch.</summary>
    void Count(IReadOnlyList<Holder> documents, ParallelOptions options)
    {
        _holders.Clear();
        _groupIds.Clear();
        _names.Clear();
        _words.Clear();
        var (names, groupOf) = BoilerplateLearner.Number([.. documents.Select(d => d.Group)]);
        foreach (string name in names) GroupId(name);
        (_hashes, _groups, _count) = BoilerplateLearner.Postings(groupOf, [.. documents.Select(d => d.Fingerprints)], [.. documents.Select(d => d.Lines)], options);
        _spareHashes = [];
        _spareGroups = [];
        foreach (Holder d in documents) Hold(d);
        Counts++;
    }

    /// <summary>
    /// Takes the postings of <paramref name="removed"/> out and merges those of <paramref name="added"/> in; false (nothing
    /// changed) when a removed document's postings are not all there, which only a broken invariant can cause.
    /// </summary>
    bool TryUpdate(List<Holder> removed, List<Holder> added)
    {
        var (outHashes, outGroups) = Postings(removed);
        var (inHashes, inGroups) = Postings(added);
        int count = _count - outHashes.Length + inHashes.Length;
        if (_spareHashes.Length < count)
        {
            _spareHashes = GC.AllocateUninitializedArray<ulong>(count + count / 8);
            _spareGroups = GC.AllocateUninitializedArray<int>(_spareHashes.Length);
        }
        ulong[] hashes = _spareHashes;
        int[] groups = _spareGroups;
        int i = 0, r = 0, a = 0, o = 0;
        while (i < _count || a < inHashes.Length)
        {
            if (i < _count && r < outHashes.Length && _hashes[i] == outHashes[r] && _groups[i] == outGroups[r])
            {
                i++;
                r++;
                continue;
            }
            if (o == count) return false;
            bool kept = a == inHashes.Length
                || (i < _count && (_hashes[i] < inHashes[a] || (_hashes[i] == inHashes[a] && _groups[i] <= inGroups[a])));
            if (kept)
            {
                (hashes[o], groups[o]) = (_hashes[i], _groups[i]);
                i++;
            }
            else
            {
                (hashes[o], groups[o]) = (inHashes[a], inGroups[a]);
                a++;
            }
            o++;
        }
        if (r != outHashes.Length || o != count) return false;
        (_hashes, _spareHashes) = (hashes, _hashes);
        (_groups, _spareGroups) = (groups, _groups);
        _count = count;
        foreach (Holder d in removed)
        {
            _holders.Remove(d.Id);
            foreach (ulong stem in d.Words)
            {
                ref int n = ref CollectionsMarshal.GetValueRefOrNullRef(_words, stem);
                if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref n) && --n == 0) _words.Remove(stem);
            }
        }
        foreach (Holder d in added) Hold(d);
        Updates++;
        return true;
    }

    /// <summary>The (hash, group) postings of a few documents, sorted as the counts are.</summary>
    (ulong[] Hashes, int[] Groups) Postings(List<Holder> documents)
    {
        var hashes = new List<ulong>();
        var groups = new List<int>();
        foreach (Holder d in documents)
        {
            int g = GroupId(d.Group);
            foreach (ulong h in BoilerplateLearner.DistinctHashes(d.Fingerprints, d.Lines))
            {
                hashes.Add(h);
                groups.Add(g);
            }
        }
        ulong[] hashArray = [.. hashes];
        int[] groupArray = [.. groups];
        RadixSort.Sort(hashArray, groupArray);
        RadixSort.SortRuns(hashArray, groupArray);
        return (hashArray, groupArray);
    }

    int GroupId(string group)
    {
        ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_groupIds, group, out bool exists);
        if (!exists)
        {
            id = _names.Count;
            _names.Add(group);
        }
        return id;
    }

    void Hold(Holder d)
    {
        _holders[d.Id] = d;
        foreach (ulong stem in d.Words) CollectionsMarshal.GetValueRefOrAddDefault(_words, stem, out _)++;
    }

    /// <summary>The model of the counts, which are those of <paramref name="documents"/>.</summary>
    BoilerplateModel Model(IReadOnlyList<Holder> documents)
    {
        var sizes = new int[_names.Count];
        foreach (Holder d in documents) sizes[_groupIds[d.Group]]++;
        var (byGroup, common) = BoilerplateLearner.Recurring(_hashes.AsSpan(0, _count), _groups.AsSpan(0, _count), _names, sizes, minDocuments);
        return new BoilerplateModel(byGroup, common, BoilerplateLearner.CommonWordsOf(_words, documents.Count));
    }
}
