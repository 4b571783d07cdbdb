using System.Buffers.Binary;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store;

/// <summary>
/// The postings and common content fingerprints of a new <c>query.idx</c>, made from the previous one and what changed
/// since instead of from every stored document (<see cref="QueryIndexFile"/> writes them; the file is byte for byte the
/// one a cold build writes). The previous index's postings are read in order, block by block, each verified as a query
/// verifies it; the postings of documents whose files changed or went are dropped, those of the others renumbered
/// (documents keep their order, so a hash's owners stay ascending), and the sorted postings of the new documents merged
/// in: a linear pass over the file and a sort of what is new, instead of a sort of every posting. A content fingerprint
/// can change its common standing only if a new document holds it (its count rose) or it was common (its count may
/// have fallen), so only those are counted again, from the owners of their postings.
/// <para>
/// The previous index is used only when it is the one the store knows it wrote: its header, front and every block pass
/// their checksums, it names the segments whose files the store's changes are counted from (<see cref="Basis"/>) and the
/// same parameters, and every document it keeps is, by id and content hash, the current one of an unchanged file.
/// Anything else (missing, damaged, stale, another build's format) returns null, and the caller builds the index cold.
/// </para>
/// </summary>
static class QueryIndexUpdate
{
    /// <summary>What an update starts from: the segments the index on disk was built from, and the files put or deleted since.</summary>
    internal sealed record Basis(long[] Segments, IReadOnlySet<string> Changed);

    /// <summary>The postings of an index (the first <see cref="Count"/> of the arrays) and its common content fingerprints.</summary>
    internal readonly record struct Postings(ulong[] Hashes, int[] Owners, int Count, ulong[] CommonContent);

    /// <summary>
    /// The arrays an update merges into, kept by a store open for many commits (the watch worker's) so that each commit
    /// writes into the same two instead of allocating two as large as the index (about 24 MB on 19,000 articles, in the
    /// large-object heap, where every allocation counts toward a full collection). Grown by an eighth beyond need.
    /// </summary>
    internal sealed class Scratch
    {
        ulong[] _hashes = [];
        int[] _owners = [];

        /// <summary>Arrays of at least <paramref name="capacity"/> items (their contents undefined).</summary>
        public (ulong[] Hashes, int[] Owners) Take(int capacity)
        {
            if (_hashes.Length < capacity)
            {
                int size = capacity + capacity / 8;
                (_hashes, _owners) = ([], []); // the old pair is garbage before the new one is allocated
                (_hashes, _owners) = (GC.AllocateUninitializedArray<ulong>(size), GC.AllocateUninitializedArray<int>(size));
            }
            return (_hashes, _owners);
        }
    }

    /// <summary>
    /// The postings of the index of <paramref name="stored"/> (the documents of the live files, in index order), updated
    /// from the index at <paramref name="path"/>; null when that index cannot be the base of an update.
    /// </summary>
    public static Postings? TryUpdate(string path, StoreParameters parameters, Basis basis, IReadOnlyList<(StoredFile File, StoredDocument Document)> stored,
        Scratch? scratch = null)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var (data, meta, _) = FileIndexData.Open(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            if (data is null || meta is null) return null;
            using (data)
            {
                if (meta.Parameters != parameters || !meta.Segments.AsSpan().SequenceEqual(basis.Segments)) return null;
                return Update(data, meta, basis.Changed, stored, scratch ?? new Scratch());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null; // unreadable or damaged: built cold
        }
    }

    static Postings? Update(FileIndexData data, QueryIndexMeta meta, IReadOnlySet<string> changed, IReadOnlyList<(StoredFile File, StoredDocument Document)> stored,
        Scratch scratch)
    {
        int[]? map = Renumbering(data, changed, stored);
        if (map is null) return null;
        // The new documents' postings, sorted, owned by their places in the new index.
        var fresh = new PostingList();
        var freshContent = new List<ulong>();
        for (int d = 0; d < stored.Count; d++)
        {
            var (file, doc) = stored[d];
            if (!changed.Contains(file.FileId)) continue;
            QueryIndexData.AddPostings(fresh, d, doc.FingerprintHashes, doc.Lines ?? [], doc.ContentFingerprints ?? []);
            freshContent.AddRange(doc.ContentFingerprints ?? []);
        }
        var (freshHashes, freshOwners) = QueryIndexData.Sorted(fresh);
        var (hashes, owners) = scratch.Take(checked((int)(data.PostingCount + freshHashes.Length)));
        var merge = new Merge(map, freshHashes, freshOwners, hashes, owners);
        data.ForEachBlock(merge.Add);
        if (!merge.Ordered) return null;
        int count = merge.Finish();
        // A content fingerprint not common before and held by no new document has no more holders than before.
        ulong[] common = QueryIndexData.CommonContentAmong([.. meta.CommonContent, .. freshContent], merge.Hashes.AsSpan(0, count),
            merge.Owners.AsSpan(0, count), d => stored[d].Document.ContentFingerprints);
        return new Postings(merge.Hashes, merge.Owners, count, common);
    }

    /// <summary>
    /// For each document of the previous index, its place in the new one, or -1 when its file changed or went; null when
    /// the previous index does not hold exactly the current documents of the unchanged files, in order.
    /// </summary>
    static int[]? Renumbering(FileIndexData data, IReadOnlySet<string> changed, IReadOnlyList<(StoredFile File, StoredDocument Document)> stored)
    {
        // Where each unchanged file's documents start in the new index.
        var firstOf = new Dictionary<string, int>(stored.Count, StringComparer.Ordinal);
        int unchanged = 0;
        for (int d = 0; d < stored.Count; d++)
        {
            string fileId = stored[d].File.FileId;
            if (changed.Contains(fileId)) continue;
            firstOf.TryAdd(fileId, d);
            unchanged++;
        }
        var map = new int[data.Count];
        int kept = 0, previous = -1, within = 0;
        string? previousFile = null;
        for (int i = 0; i < map.Length; i++)
        {
            var old = data.Key(i);
            within = string.Equals(old.FileId, previousFile, StringComparison.Ordinal) ? within + 1 : 0;
            previousFile = old.FileId;
            if (changed.Contains(old.FileId))
            {
                map[i] = -1;
                continue;
            }
            // An unchanged file the store no longer holds, or holds with other documents: not the index the store wrote.
            if (!firstOf.TryGetValue(old.FileId, out int first)) return null;
            int d = first + within;
            if (d >= stored.Count || d <= previous || !ReferenceEquals(stored[d].File, stored[first].File)) return null;
            StoredDocument now = stored[d].Document;
            if (!string.Equals(now.Id, old.Id, StringComparison.Ordinal) || now.ContentHash.Length != 16
                || BinaryPrimitives.ReadUInt128LittleEndian(now.ContentHash) != old.ContentHash)
                return null;
            map[i] = previous = d;
            kept++;
        }
        return kept == unchanged ? map : null;
    }

    /// <summary>
    /// Merges the previous index's postings, renumbered, with the new documents' (both sorted by hash, then owner), in
    /// blocks as they are read; notes whether the previous ones were in order (they are, unless the file lies).
    /// </summary>
    sealed class Merge(int[] map, ulong[] freshHashes, int[] freshOwners, ulong[] hashes, int[] owners)
    {
        int _fresh, _count;
        ulong _lastHash;
        int _lastOwner = -1;

        /// <summary>The merged postings (the first <see cref="Finish"/>'s count of them).</summary>
        public ulong[] Hashes { get; } = hashes;

        public int[] Owners { get; } = owners;

        public bool Ordered { get; private set; } = true;

        public void Add(ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> owners)
        {
            // Fields in locals for the loop; written back at its end.
            ulong[] outHashes = Hashes, fHashes = freshHashes;
            int[] outOwners = Owners, fOwners = freshOwners, renumber = map;
            int fresh = _fresh, count = _count, lastOwner = _lastOwner;
            ulong lastHash = _lastHash;
            bool ordered = Ordered;
            for (int i = 0; i < hashes.Length; i++)
            {
                ulong h = hashes[i];
                int owner = renumber[owners[i]];
                if (owner < 0) continue;
                ordered &= h > lastHash || (h == lastHash && owner >= lastOwner);
                (lastHash, lastOwner) = (h, owner);
                while (fresh < fHashes.Length && (fHashes[fresh] < h || (fHashes[fresh] == h && fOwners[fresh] < owner)))
                {
                    outHashes[count] = fHashes[fresh];
                    outOwners[count++] = fOwners[fresh++];
                }
                outHashes[count] = h;
                outOwners[count++] = owner;
            }
            (_fresh, _count, _lastHash, _lastOwner, Ordered) = (fresh, count, lastHash, lastOwner, ordered);
        }

        /// <summary>Appends the new postings above every previous one; the count of postings.</summary>
        public int Finish()
        {
            int rest = freshHashes.Length - _fresh;
            freshHashes.AsSpan(_fresh, rest).CopyTo(Hashes.AsSpan(_count));
            freshOwners.AsSpan(_fresh, rest).CopyTo(Owners.AsSpan(_count));
            _fresh = freshHashes.Length;
            return _count += rest;
        }
    }
}
