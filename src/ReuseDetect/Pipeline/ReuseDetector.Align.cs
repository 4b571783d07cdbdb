using ReuseDetect.Attribution;
using System.Collections.Concurrent;
using ReuseDetect.Alignment;
using ReuseDetect.Candidates;
using ReuseDetect.Clustering;
using ReuseDetect.Internal;
using ReuseDetect.Reporting;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseDetector
{
    /// <summary>LSH candidates (bands chosen for recall at the threshold), kept when the MinHash estimate is near the threshold, confirmed by exact shingle Jaccard.</summary>
    List<NearDuplicatePair> FindNearDuplicates(List<DocumentRecord> records, TextCache cache, IScanCache? scanCache, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        // Bands are chosen for recall at the threshold; the estimate drops candidates clearly below it, with a slack
        // that keeps true pairs (see MinHasher.EstimateSlack), and exact Jaccard decides.
        double slack = MinHasher.EstimateSlack(_options.NearDuplicateThreshold, _options.Permutations);
        List<CandidatePair> checks = CandidateSearch.NearDuplicateChecks(records.ConvertAll(r => r.ShingleCount > 0 ? r.MinHash : null),
            NearDuplicateBanding, _options.NearDuplicateThreshold, slack);
        progress?.Report(new ScanProgress(PipelineStage.Candidates, 0, checks.Count));
        // The checks run in the order that keeps each document's partners together, and the text cache follows that
        // order: a document is read once for all its checks.
        var found = new ConcurrentBag<NearDuplicatePair>();
        ForEachScheduled(records, checks, cache, ct, pair =>
        {
            if (NearDuplicate(records[pair.A], records[pair.B], slack, cache, scanCache) is { } near) found.Add(near);
        });
        var list = found.ToList();
        list.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return list;
    }

    /// <summary>
    /// A near-duplicate candidate (<paramref name="a"/> before <paramref name="b"/>) confirmed: its MinHash estimate not
    /// clearly below the threshold (<paramref name="slack"/>), then its exact Jaccard (from the store or the texts) at it or
    /// above; null otherwise.
    /// </summary>
    NearDuplicatePair? NearDuplicate(DocumentRecord a, DocumentRecord b, double slack, TextCache cache, IScanCache? scanCache)
    {
        double estimate = MinHasher.Estimate(a.MinHash, b.MinHash);
        if (estimate < _options.NearDuplicateThreshold - slack) return null;
        double? known = scanCache?.TryGetJaccard(a.Signed, b.Signed);
        if (known is not double jaccard)
        {
            TextCache.Entry? ta = cache.Get(a), tb = cache.Get(b);
            if (ta is null || tb is null) return null;
            jaccard = ShingleSet.Jaccard(ta.DistinctShingles(_options.ShingleSize), tb.DistinctShingles(_options.ShingleSize));
            scanCache?.PutJaccard(a.Signed, b.Signed, jaccard);
        }
        return jaccard >= _options.NearDuplicateThreshold
            ? new NearDuplicatePair(a.Index, b.Index, jaccard, estimate, SimHasher.Distance(a.SimHash, b.SimHash))
            : null;
    }

    /// <summary>
    /// The candidates stage: near-duplicate pairs, the boilerplate model, and the document pairs worth aligning with those
    /// aligned for reworded passages too. Its three searches share nothing but the records, so they run side by side
    /// (each is also parallel inside): the near-duplicates by LSH; the boilerplate learned and then the pairs sharing a
    /// winnowing fingerprint outside it; the pairs sharing content fingerprints close together. Serial steps of one
    /// (sorting postings) then overlap the others instead of leaving every other core idle.
    /// </summary>
    Candidates FindCandidates(List<DocumentRecord> records, TextCache cache, IScanCache? scanCache, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        if (!KeepIndex) return FindCandidatesCold(records, null, null, cache, scanCache, progress, ct);
        lock (_keptGate)
        {
            return KeptCandidates(records, cache, scanCache, progress, ct);
        }
    }

    /// <summary>What the candidates stage gives: near-duplicates, the boilerplate model, the pairs to align and those of them to align for reworded passages too.</summary>
    internal readonly record struct Candidates(List<NearDuplicatePair> NearDuplicates, BoilerplateModel Boilerplate, List<CandidatePair> Pairs, HashSet<CandidatePair> Edited);

    /// <summary>
    /// The candidates counted over the whole corpus (<paramref name="model"/>: the boilerplate already learned, or null);
    /// with <paramref name="keep"/>, what an index kept for the next scan needs of the count is left there too.
    /// </summary>
    Candidates FindCandidatesCold(List<DocumentRecord> records, BoilerplateModel? model, ColdCount? keep, TextCache cache, IScanCache? scanCache,
        IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        List<NearDuplicatePair> nearDuplicates = [];
        BoilerplateModel boilerplate = BoilerplateModel.Empty;
        List<CandidatePair> exact = [], edited = [];
        Fork.Join(Parallel(ct),
            () => nearDuplicates = FindNearDuplicates(records, cache, scanCache, progress, ct),
            () =>
            {
                boilerplate = model ?? LearnBoilerplate(records);
                exact = ExactPairs(records, boilerplate, keep, ct);
            },
            () => edited = EditedPairs(records, keep, ct));
        return new Candidates(nearDuplicates, boilerplate, CandidateSearch.Union(exact, edited), [.. edited]);
    }

    /// <summary>
    /// Document pairs sharing a winnowing fingerprint (a verbatim run), each group's learned boilerplate left out, sorted
    /// (<see cref="CandidateSearch.VerbatimPairs"/>); with <paramref name="keep"/>, the fingerprints and counts are kept there.
    /// </summary>
    List<CandidatePair> ExactPairs(List<DocumentRecord> records, BoilerplateModel boilerplate, ColdCount? keep, CancellationToken ct)
    {
        // The boilerplate is taken out of each record's fingerprints side by side.
        var kept = new Fingerprint[records.Count][];
        if (boilerplate.Groups.Any())
            System.Threading.Tasks.Parallel.For(0, records.Count, Parallel(ct), i => kept[i] = boilerplate.Outside(records[i].Group, records[i].Fingerprints));
        else
            for (int i = 0; i < records.Count; i++) kept[i] = records[i].Fingerprints;
        if (keep is null) return CandidateSearch.VerbatimPairs(kept, _options.MaxDocumentFrequency, _options.CliqueLimit, Parallel(ct));
        keep.Verbatim = kept;
        keep.Counts = CandidateSearch.VerbatimPairCounts(kept, _options.MaxDocumentFrequency, _options.CliqueLimit, Parallel(ct));
        return keep.Counts.ConvertAll(p => p.Pair);
    }

    /// <summary>Holders past which a content fingerprint is common: it counts for no pair (topic words, not reuse).</summary>
    int ContentCap => Math.Min(CandidateSearch.ContentMaxDocuments, _options.MaxDocumentFrequency);

    /// <summary>The pairs aligned for reworded passages (<see cref="CandidateSearch.EditedPairs"/>); with <paramref name="keep"/>, the common fingerprints are kept there.</summary>
    List<CandidatePair> EditedPairs(List<DocumentRecord> records, ColdCount? keep, CancellationToken ct)
    {
        List<CandidatePair> edited = CandidateSearch.EditedPairs(records.ConvertAll(r => r.ContentFingerprints), records.ConvertAll(r => r.ContentPlaces),
            ContentCap, Parallel(ct), out HashSet<ulong> common);
        if (keep is not null) keep.Common = common;
        return edited;
    }

    /// <summary>Candidate pairs a thread takes at once from the schedule: enough to make taking them cheap, few enough to keep the threads together.</summary>
    const int AlignChunk = 16;

    List<PassageLink> AlignAll(List<DocumentRecord> records, List<CandidatePair> list, HashSet<CandidatePair> edited, BoilerplateModel model, TextCache cache,
        IScanCache? scanCache, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        var results = new List<PassageLink>?[list.Count];
        progress?.Report(new ScanProgress(PipelineStage.Align, 0, list.Count));
        // The pairs the store holds are taken from it first, side by side: they need no text, so only the others go
        // through the pair schedule and the text cache (a rescan after a few files changed aligns only their pairs).
        if (scanCache is not null)
            System.Threading.Tasks.Parallel.For(0, list.Count, Parallel(ct), i =>
            {
                CandidatePair pair = list[i];
                results[i] = StoredLinks(records[pair.A], records[pair.B], !edited.Contains(pair), scanCache);
            });
        var todo = new List<int>();
        for (int i = 0; i < list.Count; i++)
            if (results[i] is null) todo.Add(i);
        List<CandidatePair> pairs = todo.ConvertAll(i => list[i]);
        int done = list.Count - todo.Count;
        // Pairs left per document: a document done with goes first when the text cache needs room.
        var left = new int[records.Count];
        foreach (CandidatePair pair in pairs)
        {
            left[pair.A]++;
            if (pair.B != pair.A) left[pair.B]++;
        }
        // Documents in no pair to align (kept from signing or near-duplicate checks) make room first. A document whose
        // group has learned boilerplate keeps its tokens: the boilerplate passages are found in them after alignment.
        bool Furnished(int d) => model.Count(records[d].Group) > 0;
        for (int d = 0; d < records.Count; d++)
            if (left[d] == 0) cache.Release(records[d], Furnished(d));
        if (done > 0) progress?.Report(new ScanProgress(PipelineStage.Align, done, list.Count));
        if (pairs.Count > 0)
        {
            using var aligners = new ThreadLocal<PassageAligner>(CreateAligner);
            ForEachScheduled(records, pairs, cache, ct, (pair, k) =>
            {
                results[todo[k]] = AlignPair(records[pair.A], records[pair.B], !edited.Contains(pair), model, cache, scanCache, aligners.Value!);
                if (Interlocked.Decrement(ref left[pair.A]) == 0) cache.Release(records[pair.A], Furnished(pair.A));
                if (pair.B != pair.A && Interlocked.Decrement(ref left[pair.B]) == 0) cache.Release(records[pair.B], Furnished(pair.B));
                int d = Interlocked.Increment(ref done);
                if (d % 256 == 0 || d == list.Count) progress?.Report(new ScanProgress(PipelineStage.Align, d, list.Count));
            });
        }
        // Also when nothing was aligned: the documents released above gave their arrays back.
        cache.ClearRecycled();
        int total = 0;
        foreach (List<PassageLink>? r in results) total += r!.Count;
        var all = new List<PassageLink>(total);
        foreach (List<PassageLink>? r in results) all.AddRange(r!);
        return all;
    }

    void ForEachScheduled(List<DocumentRecord> records, List<CandidatePair> pairs, TextCache cache, CancellationToken ct, Action<CandidatePair> work) =>
        ForEachScheduled(records, pairs, cache, ct, (pair, _) => work(pair));

    /// <summary>
    /// Does <paramref name="work"/> for each of <paramref name="pairs"/> (with its index in the list), in an order that
    /// keeps each document's partners together (<see cref="PairSchedule"/>), with the text cache evicting by that order.
    /// The threads take it in small chunks from one shared front, not a range each (Parallel.For's default, which starts
    /// the second thread halfway down the schedule): they then work on the same documents, and the documents in use at
    /// any time, which the text cache must hold, are those of one stretch of the schedule instead of two. What the work
    /// gives must not depend on the order.
    /// </summary>
    void ForEachScheduled(List<DocumentRecord> records, List<CandidatePair> pairs, TextCache cache, CancellationToken ct, Action<CandidatePair, int> work)
    {
        if (pairs.Count == 0) return;
        int[] order = PairSchedule.Order(pairs, records.Count);
        var schedule = new UseSchedule(records, pairs, order);
        cache.Follow(schedule);
        try
        {
            var chunks = System.Collections.Concurrent.Partitioner.Create(0, pairs.Count, AlignChunk);
            System.Threading.Tasks.Parallel.ForEach(chunks, Parallel(ct), range =>
            {
                for (int k = range.Item1; k < range.Item2; k++)
                {
                    CandidatePair pair = pairs[order[k]];
                    work(pair, order[k]);
                    // Counted off once done: while a pair is aligned, its documents are the next use of each.
                    schedule.Take(pair);
                }
            });
        }
        finally
        {
            cache.Follow(null);
        }
    }

    /// <summary>The links of a pair with no passage: never changed (the lists of the pairs are only read, into one).</summary>
    static readonly List<PassageLink> s_noLinks = [];

    /// <summary>The links of a pair as the store holds them (its alignment under the same keys), or null when it holds none.</summary>
    static List<PassageLink>? StoredLinks(DocumentRecord a, DocumentRecord b, bool anchoredOnly, IScanCache scanCache)
    {
        var (keyA, keyB) = AlignmentKeys(a, b, anchoredOnly);
        return scanCache.TryGetPassages(keyA, keyB) is { } passages ? Links(a, b, passages) : null;
    }

    /// <summary>Alignments are remembered under what shapes them: both texts with their marks, and the mode.</summary>
    static (SignedDocument A, SignedDocument B) AlignmentKeys(DocumentRecord a, DocumentRecord b, bool anchoredOnly) =>
        (anchoredOnly ? a.AnchoredAlignmentKey : a.AlignmentKey, b.AlignmentKey);

    static List<PassageLink> Links(DocumentRecord a, DocumentRecord b, IReadOnlyList<CachedPassage> passages)
    {
        // Most candidate pairs share no passage (Reuters-21578: 13,000 links from 143,000 pairs): they share one empty list.
        if (passages.Count == 0) return s_noLinks;
        var links = new List<PassageLink>(passages.Count);
        foreach (CachedPassage p in passages)
            links.Add(new PassageLink(a.Index, p.AStart, p.AEnd, b.Index, p.BStart, p.BEnd, p.Identity, p.Anchored));
        return links;
    }

    /// <summary>The links of a pair the store does not hold: aligned from the texts (and stored).</summary>
    List<PassageLink> AlignPair(DocumentRecord a, DocumentRecord b, bool anchoredOnly, BoilerplateModel model, TextCache cache, IScanCache? scanCache,
        PassageAligner aligner)
    {
        var (keyA, keyB) = AlignmentKeys(a, b, anchoredOnly);
        TextCache.Entry? ea = cache.Get(a), eb = a == b ? ea : cache.Get(b);
        if (ea is null || eb is null) return [];
        TokenizedText ta = ea.Tokens, tb = eb.Tokens;
        SeedGrams ga = ea.Grams(aligner, static (e, s) => s.Detector.MarksOf(s.Record, e, s.Model), (Detector: this, Record: a, Model: model));
        SeedGrams gb = a == b ? ga : eb.Grams(aligner, static (e, s) => s.Detector.MarksOf(s.Record, e, s.Model), (Detector: this, Record: b, Model: model));
        List<AlignedPassage> aligned = a == b ? aligner.AlignSelf(ga) : aligner.AlignEitherWay(ga, gb, anchoredOnly);
        string textA = ea.Document.Text, textB = eb.Document.Text;
        var found = new CachedPassage[aligned.Count];
        for (int i = 0; i < found.Length; i++)
        {
            AlignedPassage p = aligned[i];
            var (aStart, aEnd) = PassageText.CharRange(ta, textA, p.AStart, p.AEnd);
            var (bStart, bEnd) = PassageText.CharRange(tb, textB, p.BStart, p.BEnd);
            found[i] = new CachedPassage(aStart, aEnd, bStart, bEnd, p.Identity, p.Anchored);
        }
        scanCache?.PutPassages(keyA, keyB, found);
        return Links(a, b, found);
    }
}
