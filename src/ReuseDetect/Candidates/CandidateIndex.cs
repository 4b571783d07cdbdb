using System.Runtime.InteropServices;
using ReuseDetect.Internal;

namespace ReuseDetect.Candidates;

/// <summary>
/// The candidate pairs of a corpus, kept between scans and updated document by document: the verbatim pairs (documents
/// sharing a winnowing fingerprint, as <see cref="FingerprintIndex.SortedPairs"/> gives them), the reworded pairs
/// (documents sharing content fingerprints close together, as <see cref="FingerprintIndex.PairsSharing"/> and
/// <see cref="ContentNearness.Related"/> give them) and the near-duplicate candidates (documents sharing an LSH band).
/// </summary>
/// <remarks>
/// Documents live in slots, which keep their number while the corpus changes around them; each slot has a rank, its
/// place in the corpus's document order, which gives a pair its orientation and a star its centre. A verbatim pair is
/// present while some fingerprint contributes it: the index counts the contributions of each pair (a fingerprint held
/// by at most <c>cliqueLimit</c> documents contributes every pair of its holders, up to <c>maxDocuments</c> a star
/// around the first), and an update takes the old contribution of every fingerprint the document holds and adds the new
/// one, so pairs between other documents come and go exactly as a cold count would have them (a star's centre moves,
/// a clique becomes a star). A reworded pair depends on the set of content fingerprints too common to count: when an
/// update moves a fingerprint across that cap, the reworded pairs of all its holders are counted again. Postings are a
/// sorted array and a small table of what was added since the last <see cref="Compact"/>.
/// </remarks>
sealed class CandidateIndex(int maxDocuments, int cliqueLimit, int contentMaxDocuments, int minShared)
{
    /// <summary>What the index needs of a document.</summary>
    /// <param name="Verbatim">Its winnowing fingerprint hashes outside its group's furniture, as it holds them (repeats included).</param>
    /// <param name="Content">Its content fingerprints, ascending, one per place (<see cref="Places"/>).</param>
    /// <param name="Places">The place of each content fingerprint.</param>
    /// <param name="Bands">Its LSH band keys (none for a document without shingles).</param>
    public readonly record struct Document(ulong[] Verbatim, ulong[] Content, int[] Places, ulong[] Bands);

    sealed class Slot
    {
        public Slot(Document document, int rank)
        {
            Verbatim = SortedSets.SortDistinct<ulong>([.. document.Verbatim]);
            // A fingerprint held twice makes the document a candidate for repeats inside it.
            Repeats = Verbatim.Length != document.Verbatim.Length;
            Content = document.Content;
            Places = document.Places;
            ContentDistinct = SortedSets.SortDistinct<ulong>([.. document.Content]);
            Bands = SortedSets.SortDistinct<ulong>([.. document.Bands]);
            Rank = rank;
        }

        public readonly ulong[] Verbatim, Content, ContentDistinct, Bands;
        public readonly int[] Places;
        public readonly bool Repeats;
        public int Rank;
    }

    readonly List<Slot?> _slots = [];
    readonly Postings _verbatim = new(), _content = new(), _bands = new();
    // Verbatim pairs of distinct slots (low slot in the high half) → the number of fingerprints contributing them.
    readonly Dictionary<ulong, int> _exact = [];
    // Reworded pairs of distinct slots (low slot in the high half).
    readonly HashSet<ulong> _edited = [];
    HashSet<ulong> _common = [];
    readonly List<int> _holders = [], _others = [];

    /// <summary>Slots in use or freed (a freed slot's number is never given out again).</summary>
    public int SlotCount => _slots.Count;

    /// <summary>The content fingerprints held by more than <c>contentMaxDocuments</c> documents.</summary>
    public IReadOnlySet<ulong> Common => _common;

    /// <summary>
    /// Fills the index from a corpus counted cold: the documents in corpus order (slot = rank = position), the verbatim
    /// pairs with their contributions and the reworded pairs found for it, and the common content fingerprints.
    /// </summary>
    public void Load(IReadOnlyList<Document> documents, IReadOnlyCollection<(CandidatePair Pair, int Count)> verbatim, IEnumerable<CandidatePair> edited,
        IEnumerable<ulong> common, ParallelOptions parallel)
    {
        if (_slots.Count > 0) throw new InvalidOperationException("The index is not empty.");
        var slots = new Slot[documents.Count];
        Parallel.For(0, documents.Count, parallel, d => slots[d] = new Slot(documents[d], d));
        _slots.AddRange(slots);
        Fork.Join(parallel,
            () => _verbatim.Load(slots, s => s.Verbatim, parallel),
            () => _content.Load(slots, s => s.ContentDistinct, parallel),
            () => _bands.Load(slots, s => s.Bands, parallel));
        _exact.EnsureCapacity(verbatim.Count);
        foreach (var (pair, count) in verbatim)
            if (pair.A != pair.B) _exact[Key(pair.A, pair.B)] = count;
        foreach (CandidatePair pair in edited) _edited.Add(Key(pair.A, pair.B));
        _common = [.. common];
    }

    /// <summary>Gives slot <paramref name="slot"/> the rank <paramref name="rank"/> (its index in the corpus now).</summary>
    public void SetRank(int slot, int rank) => _slots[slot]!.Rank = rank;

    /// <summary>
    /// Takes a document out (its rank still the one of the corpus it was counted in). A content fingerprint it leaves
    /// held by no more than <c>contentMaxDocuments</c> documents is common no longer: the reworded pairs of its other
    /// holders are counted again.
    /// </summary>
    public void Remove(int slot)
    {
        Slot s = _slots[slot] ?? throw new ArgumentException($"Slot {slot} is empty.", nameof(slot));
        var uncommon = new List<ulong>();
        foreach (ulong h in s.ContentDistinct)
            if (_content.Count(h) == contentMaxDocuments + 1) uncommon.Add(h);
        foreach (ulong h in s.Verbatim)
        {
            Holders(_verbatim, h);
            Contribute(-1);
            _holders.Remove(slot);
            Contribute(+1);
        }
        _edited.RemoveWhere(k => (int)(k >> 32) == slot || (int)(uint)k == slot);
        _verbatim.Kill(slot, s.Verbatim.Length);
        _content.Kill(slot, s.ContentDistinct.Length);
        _bands.Kill(slot, s.Bands.Length);
        _slots[slot] = null;
        Recount(uncommon, becomeCommon: false);
    }

    /// <summary>
    /// Adds a document at rank <paramref name="rank"/> (the ranks of the others already set for the corpus it joins) and
    /// returns its slot. A content fingerprint it makes held by more than <c>contentMaxDocuments</c> documents becomes
    /// common: the reworded pairs of its other holders are counted again. Its near-duplicate candidates, the documents
    /// sharing one of its LSH bands, go to <paramref name="bandPartners"/>.
    /// </summary>
    public int Add(Document document, int rank, List<int> bandPartners)
    {
        var s = new Slot(document, rank);
        var common = new List<ulong>();
        foreach (ulong h in s.ContentDistinct)
            if (_content.Count(h) == contentMaxDocuments) common.Add(h);
        // Common from now on, for this document's pairs too.
        _common.UnionWith(common);
        int slot = _slots.Count;
        _slots.Add(s);
        foreach (ulong h in s.Verbatim)
        {
            Holders(_verbatim, h);
            Contribute(-1);
            int at = _holders.FindIndex(x => _slots[x]!.Rank > rank);
            _holders.Insert(at < 0 ? _holders.Count : at, slot);
            Contribute(+1);
        }
        RewordedPairs(slot);
        bandPartners.Clear();
        foreach (ulong k in s.Bands)
        {
            _bands.Holders(k, _others);
            bandPartners.AddRange(_others);
        }
        bandPartners.Sort();
        int distinct = 0;
        for (int i = 0; i < bandPartners.Count; i++)
            if (i == 0 || bandPartners[i] != bandPartners[i - 1]) bandPartners[distinct++] = bandPartners[i];
        bandPartners.RemoveRange(distinct, bandPartners.Count - distinct);
        _verbatim.Add(s.Verbatim, slot);
        _content.Add(s.ContentDistinct, slot);
        _bands.Add(s.Bands, slot);
        Recount(common, becomeCommon: true);
        return slot;
    }

    /// <summary>
    /// The reworded pairs of <paramref name="slot"/> with every other live document: partners sharing at least
    /// <c>minShared</c> content fingerprints that are not common, related by nearness (the pair oriented by rank, as a
    /// cold count orients it).
    /// </summary>
    void RewordedPairs(int slot)
    {
        Slot s = _slots[slot]!;
        var counts = new Dictionary<int, int>();
        foreach (ulong h in s.ContentDistinct)
        {
            if (_common.Contains(h)) continue;
            _content.Holders(h, _others);
            foreach (int x in _others)
                if (x != slot) CollectionsMarshal.GetValueRefOrAddDefault(counts, x, out _)++;
        }
        foreach (var (x, count) in counts)
        {
            if (count < minShared) continue;
            Slot other = _slots[x]!;
            (Slot a, Slot b) = other.Rank < s.Rank ? (other, s) : (s, other);
            if (ContentNearness.Related(a.Content, a.Places, b.Content, b.Places, _common)) _edited.Add(Key(slot, x));
        }
    }

    /// <summary>
    /// Content fingerprints that became common (or ceased to be) change what every pair of their holders shares and what
    /// nearness counts: each holder's reworded pairs are dropped and counted again (a pair of two holders twice, to the
    /// same answer). Pairs of documents holding none of them do not change.
    /// </summary>
    void Recount(List<ulong> crossed, bool becomeCommon)
    {
        if (crossed.Count == 0) return;
        if (!becomeCommon) _common.ExceptWith(crossed);
        var holders = new SortedSet<int>();
        foreach (ulong h in crossed)
        {
            _content.Holders(h, _others);
            holders.UnionWith(_others);
        }
        _edited.RemoveWhere(k => holders.Contains((int)(k >> 32)) || holders.Contains((int)(uint)k));
        foreach (int x in holders) RewordedPairs(x);
    }

    /// <summary>
    /// Folds what was added and removed into the sorted postings once it is an eighth of them: every posting is then
    /// copied at most a bounded number of times over the index's life, and a rescan that changes one document copies
    /// none (it used to rewrite every posting array, the rescan's largest allocation). The answers do not depend on it:
    /// every reader of holders looks in both parts and orders what it takes. <paramref name="force"/> folds in
    /// whatever there is.
    /// </summary>
    public void Compact(bool force = false)
    {
        _verbatim.Compact(force);
        _content.Compact(force);
        _bands.Compact(force);
    }

    /// <summary>
    /// The candidate pairs by document index (<paramref name="indexOf"/> of a slot), sorted, and those of them to align
    /// for reworded passages too: what <c>ReuseDetector.FindCandidates</c> gives for the corpus cold.
    /// </summary>
    public (List<CandidatePair> Pairs, HashSet<CandidatePair> Edited) Pairs(Func<int, int> indexOf)
    {
        var pairs = new List<CandidatePair>(_exact.Count + _edited.Count + 16);
        foreach (ulong k in _exact.Keys) pairs.Add(Pair(k, indexOf));
        for (int slot = 0; slot < _slots.Count; slot++)
            if (_slots[slot] is { Repeats: true }) pairs.Add(new CandidatePair(indexOf(slot), indexOf(slot)));
        var edited = new HashSet<CandidatePair>(_edited.Count);
        foreach (ulong k in _edited)
        {
            CandidatePair p = Pair(k, indexOf);
            if (edited.Add(p)) pairs.Add(p);
        }
        pairs.Sort();
        int distinct = 0;
        for (int i = 0; i < pairs.Count; i++)
            if (i == 0 || pairs[i] != pairs[i - 1]) pairs[distinct++] = pairs[i];
        pairs.RemoveRange(distinct, pairs.Count - distinct);
        return (pairs, edited);
    }

    static CandidatePair Pair(ulong key, Func<int, int> indexOf)
    {
        int a = indexOf((int)(key >> 32)), b = indexOf((int)(uint)key);
        return a <= b ? new CandidatePair(a, b) : new CandidatePair(b, a);
    }

    static ulong Key(int a, int b) => a <= b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;

    /// <summary>The live holders of <paramref name="hash"/> into <see cref="_holders"/>, by rank.</summary>
    void Holders(Postings postings, ulong hash)
    {
        postings.Holders(hash, _holders);
        _holders.Sort((x, y) => _slots[x]!.Rank.CompareTo(_slots[y]!.Rank));
    }

    /// <summary>Adds (or takes away) the pairs one fingerprint held by <see cref="_holders"/> (by rank) contributes.</summary>
    void Contribute(int sign)
    {
        int n = _holders.Count;
        if (n < 2 || n > maxDocuments) return;
        if (n <= cliqueLimit)
        {
            for (int x = 0; x < n; x++)
                for (int y = x + 1; y < n; y++) Count(Key(_holders[x], _holders[y]), sign);
        }
        else
        {
            for (int y = 1; y < n; y++) Count(Key(_holders[0], _holders[y]), sign);
        }
    }

    void Count(ulong key, int sign)
    {
        ref int count = ref CollectionsMarshal.GetValueRefOrAddDefault(_exact, key, out _);
        count += sign;
        if (count == 0) _exact.Remove(key);
    }

    /// <summary>
    /// Postings (hash, slot): a sorted array (by hash, then slot) of what was there at the last <see cref="Compact"/>,
    /// the slots taken out since, and a table of what was added since.
    /// </summary>
    sealed class Postings
    {
        ulong[] _hashes = [];
        int[] _slots = [];
        readonly HashSet<int> _dead = [];
        readonly Dictionary<ulong, List<int>> _added = [];
        // Postings added, and postings of slots taken out, since the last compaction.
        long _pending;

        public void Add(ReadOnlySpan<ulong> distinct, int slot)
        {
            foreach (ulong h in distinct)
            {
                ref List<int>? list = ref CollectionsMarshal.GetValueRefOrAddDefault(_added, h, out _);
                (list ??= []).Add(slot);
            }
            _pending += distinct.Length;
        }

        /// <summary>Takes out <paramref name="slot"/>, which holds <paramref name="postings"/> postings.</summary>
        public void Kill(int slot, int postings)
        {
            if (_dead.Add(slot)) _pending += postings;
        }

        /// <summary>Lays out the postings of <paramref name="slots"/> (slot = position) at once, sorted.</summary>
        public void Load(Slot[] slots, Func<Slot, ulong[]> hashesOf, ParallelOptions parallel)
        {
            int count = 0;
            foreach (Slot s in slots) count += hashesOf(s).Length;
            var hashes = GC.AllocateUninitializedArray<ulong>(count);
            var owners = GC.AllocateUninitializedArray<int>(count);
            for (int d = 0, at = 0; d < slots.Length; d++)
            {
                ulong[] own = hashesOf(slots[d]);
                own.CopyTo(hashes, at);
                owners.AsSpan(at, own.Length).Fill(d);
                at += own.Length;
            }
            RadixSort.Sort(hashes, owners, count, parallel);
            RadixSort.SortRuns(hashes, owners);
            (_hashes, _slots) = (hashes, owners);
            _added.Clear();
            _dead.Clear();
            _pending = 0;
        }

        /// <summary>The live holders of <paramref name="hash"/>, into <paramref name="into"/> (cleared first).</summary>
        public void Holders(ulong hash, List<int> into)
        {
            into.Clear();
            var (from, to) = Run(hash);
            for (int i = from; i < to; i++)
                if (!_dead.Contains(_slots[i])) into.Add(_slots[i]);
            if (_added.TryGetValue(hash, out List<int>? more))
                foreach (int s in more)
                    if (!_dead.Contains(s)) into.Add(s);
        }

        /// <summary>The number of live holders of <paramref name="hash"/>.</summary>
        public int Count(ulong hash)
        {
            Holders(hash, _counted);
            return _counted.Count;
        }

        readonly List<int> _counted = [];

        (int From, int To) Run(ulong hash)
        {
            int i = Array.BinarySearch(_hashes, hash);
            if (i < 0) return (0, 0);
            int from = i, to = i + 1;
            while (from > 0 && _hashes[from - 1] == hash) from--;
            while (to < _hashes.Length && _hashes[to] == hash) to++;
            return (from, to);
        }

        /// <summary>
        /// Merges the added postings into the sorted part and drops those of dead slots: always when
        /// <paramref name="force"/>, else once they are an eighth of the sorted part (at least 4,096), so the copying
        /// is amortized over the changes that caused it.
        /// </summary>
        public void Compact(bool force)
        {
            if (_pending == 0 || (!force && _pending < Math.Max(4096, _hashes.Length / 8))) return;
            int added = 0;
            foreach (List<int> list in _added.Values) added += list.Count;
            var fresh = new ulong[added];
            var freshSlots = new int[added];
            int k = 0;
            foreach (var (h, list) in _added)
                foreach (int s in list)
                    if (!_dead.Contains(s)) (fresh[k], freshSlots[k++]) = (h, s);
            Span<ulong> fh = fresh.AsSpan(0, k);
            Span<int> fs = freshSlots.AsSpan(0, k);
            RadixSort.Sort(fh, fs);
            RadixSort.SortRuns(fh, fs);
            var hashes = new ulong[_hashes.Length - CountDead() + k];
            var slots = new int[hashes.Length];
            int i = 0, j = 0, o = 0;
            while (i < _hashes.Length || j < k)
            {
                if (i < _hashes.Length && _dead.Contains(_slots[i])) { i++; continue; }
                bool takeOld = j == k || (i < _hashes.Length && (_hashes[i] < fh[j] || (_hashes[i] == fh[j] && _slots[i] < fs[j])));
                if (takeOld) (hashes[o], slots[o++], i) = (_hashes[i], _slots[i], i + 1);
                else (hashes[o], slots[o++], j) = (fh[j], fs[j], j + 1);
            }
            (_hashes, _slots) = (hashes, slots);
            _added.Clear();
            _dead.Clear();
            _pending = 0;
        }

        int CountDead()
        {
            if (_dead.Count == 0) return 0;
            int dead = 0;
            foreach (int s in _slots)
                if (_dead.Contains(s)) dead++;
            return dead;
        }
    }
}
