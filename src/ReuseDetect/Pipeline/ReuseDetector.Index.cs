using ReuseDetect.Attribution;
using ReuseDetect.Candidates;
using ReuseDetect.Reporting;
using ReuseDetect.Signatures;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseDetector
{
    /// <summary>
    /// Keep the candidate index of the last scan (postings, pairs, near-duplicates) in this detector, so that the next
    /// scan of the same folder updates it with the documents added, changed and removed instead of counting the corpus
    /// again (<c>reuse watch</c> keeps one detector for its folder). The report is the same as a cold scan's. When an
    /// outlet's furniture changes, that outlet's documents are updated as if they had changed; a change that touches more
    /// than a tenth of the documents is counted cold. The candidates stages of scans run at once on one such detector take
    /// turns on its index.
    /// </summary>
    public bool KeepIndex { get; init; }

    /// <summary>Scans of this detector whose candidates came from the kept index, updated (see <see cref="KeepIndex"/>).</summary>
    public int IndexUpdates => Volatile.Read(ref _indexUpdates);

    /// <summary>Scans of this detector that counted the candidates over the whole corpus (with <see cref="KeepIndex"/>: the first, and those whose change the index does not take).</summary>
    public int IndexColdCounts => Volatile.Read(ref _indexColdCounts);

    readonly Lock _keptGate = new();
    KeptIndex? _kept;
    int _indexUpdates, _indexColdCounts;

    /// <summary>What a cold count leaves for a kept index: each document's verbatim fingerprints, pairs with contributions, common content.</summary>
    sealed class ColdCount
    {
        public Fingerprint[][] Verbatim = [];
        public List<(CandidatePair Pair, int Count)> Counts = [];
        public HashSet<ulong> Common = [];
    }

    /// <summary>The index kept between scans: the pairs by slot, and what identifies each slot's document.</summary>
    sealed class KeptIndex(CandidateIndex index, BoilerplateModel model)
    {
        public CandidateIndex Index { get; } = index;
        public BoilerplateModel Model { get; set; } = model;
        public Dictionary<string, int> SlotOf { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, (UInt128 ContentHash, string Group)> Identity { get; } = [];
        /// <summary>Each slot's marks signature (<see cref="DocumentRecord.Marks"/>) under <see cref="Model"/>.</summary>
        public Dictionary<int, ulong> Marks { get; } = [];
        /// <summary>Near-duplicate pairs with slots for documents (A before B in the corpus).</summary>
        public List<NearDuplicatePair> NearDuplicates { get; set; } = [];
    }

    Candidates KeptCandidates(List<DocumentRecord> records, TextCache cache, IScanCache? scanCache, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        try
        {
            return KeptCandidatesOrCold(records, cache, scanCache, progress, ct);
        }
        catch
        {
            // Cancelled or failed half way, the index may be half updated: the next scan counts cold.
            _kept = null;
            _furniture = null;
            throw;
        }
    }

    Candidates KeptCandidatesOrCold(List<DocumentRecord> records, TextCache cache, IScanCache? scanCache, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        BoilerplateModel? model = null;
        if (_kept is { } kept)
        {
            progress?.Report(new ScanProgress(PipelineStage.Candidates, 0, records.Count));
            model = LearnModel(records);
            // Under a model that says the same of every hash, a document that did not change keeps its marks.
            bool sameMarks = model.SameAs(kept.Model);
            // The documents of a group whose furniture changed rest their pairs on other fingerprints: they are taken out
            // and added again as if they had changed.
            var refurnished = model.GroupsWithOtherFurniture(kept.Model).ToHashSet(StringComparer.Ordinal);
            if (Update(kept, records, model, refurnished, cache, scanCache, ct) is { } updated)
            {
                var unmarked = new List<DocumentRecord>();
                foreach (DocumentRecord r in records)
                {
                    if (sameMarks && kept.Marks.TryGetValue(kept.SlotOf[r.Id], out ulong marks)) r.Marks = marks;
                    else unmarked.Add(r);
                }
                SignMarks(unmarked, model);
                kept.Marks.Clear();
                foreach (DocumentRecord r in records) kept.Marks[kept.SlotOf[r.Id]] = r.Marks;
                _indexUpdates++;
                return updated;
            }
            SignMarks(records, model);
            _kept = null;
        }
        var count = new ColdCount();
        Candidates cold = FindCandidatesCold(records, model, count, cache, scanCache, progress, ct);
        _kept = Keep(records, cold, count);
        _indexColdCounts++;
        return cold;
    }

    CandidateIndex.Document IndexDocument(DocumentRecord r, Fingerprint[] verbatim)
    {
        ulong[] bands = [];
        if (r.ShingleCount > 0)
        {
            bands = new ulong[NearDuplicateBanding.Bands];
            NearDuplicateBanding.Keys(r.MinHash, bands);
        }
        return new CandidateIndex.Document([.. verbatim.Select(f => f.Hash)], r.ContentFingerprints, r.ContentPlaces, bands);
    }

    KeptIndex Keep(List<DocumentRecord> records, Candidates cold, ColdCount count)
    {
        var index = new CandidateIndex(_options.MaxDocumentFrequency, _options.CliqueLimit, ContentCap, ContentNearness.MinShared);
        var documents = new CandidateIndex.Document[records.Count];
        System.Threading.Tasks.Parallel.For(0, records.Count, Parallel(CancellationToken.None), i => documents[i] = IndexDocument(records[i], count.Verbatim[i]));
        index.Load(documents, count.Counts, cold.Edited, count.Common, Parallel(CancellationToken.None));
        var kept = new KeptIndex(index, cold.Boilerplate) { NearDuplicates = [.. cold.NearDuplicates] };
        foreach (DocumentRecord r in records)
        {
            kept.SlotOf[r.Id] = r.Index;
            kept.Identity[r.Index] = (r.ContentHash, r.Group);
            kept.Marks[r.Index] = r.Marks;
        }
        return kept;
    }

    /// <summary>
    /// The candidates of <paramref name="records"/> from the kept index, updated with the documents added, changed and
    /// removed since, and those of the <paramref name="refurnished"/> groups (their furniture changed); null when the
    /// change is too large to be worth it (the index is then left as it was and counted again cold).
    /// </summary>
    Candidates? Update(KeptIndex kept, List<DocumentRecord> records, BoilerplateModel model, HashSet<string> refurnished, TextCache cache,
        IScanCache? scanCache, CancellationToken ct)
    {
        var slotOfRecord = new int[records.Count];
        var added = new List<DocumentRecord>();
        var present = new HashSet<int>();
        foreach (DocumentRecord r in records)
        {
            if (kept.SlotOf.TryGetValue(r.Id, out int slot) && kept.Identity[slot] == (r.ContentHash, r.Group) && !refurnished.Contains(r.Group))
            {
                slotOfRecord[r.Index] = slot;
                present.Add(slot);
            }
            else
            {
                slotOfRecord[r.Index] = -1;
                added.Add(r);
            }
        }
        var removed = kept.Identity.Keys.Where(s => !present.Contains(s)).Order().ToList();
        if (added.Count + removed.Count > Math.Max(16, records.Count / 10)) return null;
        ct.ThrowIfCancellationRequested();
        // Removals first, counted with the ranks of the corpus they were in.
        foreach (int slot in removed) kept.Index.Remove(slot);
        var gone = removed.ToHashSet();
        // Then every document that stays takes its rank in the corpus now, and the new ones join at theirs.
        foreach (DocumentRecord r in records)
            if (slotOfRecord[r.Index] >= 0) kept.Index.SetRank(slotOfRecord[r.Index], r.Index);
        var partners = new List<int>();
        var newPairs = new List<(int Slot, int Partner)>();
        foreach (DocumentRecord r in added)
        {
            int slot = kept.Index.Add(IndexDocument(r, model.Outside(r.Group, r.Fingerprints)), r.Index, partners);
            slotOfRecord[r.Index] = slot;
            foreach (int p in partners) newPairs.Add((slot, p));
        }
        kept.Index.Compact();
        var indexOfSlot = new int[kept.Index.SlotCount];
        foreach (DocumentRecord r in records) indexOfSlot[slotOfRecord[r.Index]] = r.Index;
        // Near-duplicates: those between documents that stay keep their figures (a pair's are its two texts' alone);
        // the new documents' band partners are confirmed as a cold scan confirms its candidates.
        double slack = MinHasher.EstimateSlack(_options.NearDuplicateThreshold, _options.Permutations);
        var near = new List<NearDuplicatePair>();
        foreach (NearDuplicatePair p in kept.NearDuplicates)
            if (!gone.Contains(p.A) && !gone.Contains(p.B)) near.Add(p);
        var fresh = new NearDuplicatePair?[newPairs.Count];
        System.Threading.Tasks.Parallel.For(0, newPairs.Count, Parallel(ct), i =>
        {
            var (slot, partner) = newPairs[i];
            int a = indexOfSlot[slot], b = indexOfSlot[partner];
            if (NearDuplicate(records[Math.Min(a, b)], records[Math.Max(a, b)], slack, cache, scanCache) is { } found)
                fresh[i] = a < b ? found with { A = slot, B = partner } : found with { A = partner, B = slot };
        });
        foreach (NearDuplicatePair? f in fresh)
            if (f is { } found) near.Add(found);
        // The kept index and its identities now describe this corpus.
        foreach (int slot in removed) kept.Identity.Remove(slot);
        foreach (var id in kept.SlotOf.Where(e => gone.Contains(e.Value)).Select(e => e.Key).ToList()) kept.SlotOf.Remove(id);
        foreach (DocumentRecord r in added)
        {
            kept.SlotOf[r.Id] = slotOfRecord[r.Index];
            kept.Identity[slotOfRecord[r.Index]] = (r.ContentHash, r.Group);
        }
        kept.NearDuplicates = near;
        kept.Model = model;
        var (pairs, edited) = kept.Index.Pairs(s => indexOfSlot[s]);
        var nearDuplicates = near.ConvertAll(p => indexOfSlot[p.A] < indexOfSlot[p.B]
            ? p with { A = indexOfSlot[p.A], B = indexOfSlot[p.B] }
            : p with { A = indexOfSlot[p.B], B = indexOfSlot[p.A] });
        nearDuplicates.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return new Candidates(nearDuplicates, model, pairs, edited);
    }
}
