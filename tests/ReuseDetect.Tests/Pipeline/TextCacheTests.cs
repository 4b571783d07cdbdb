using ReuseDetect.Candidates;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>Reloading for alignment: a file edited or deleted after it was signed is reported, never aligned against stale offsets.</summary>
public sealed class TextCacheTests
{
    static DocumentRecord Record(SourceFile file, LoadedDocument doc) => new(0, file, new SignedDocument
    {
        Id = doc.Id, Metadata = doc.Metadata, Encoding = doc.Encoding, ContentHash = doc.ContentHash, Length = doc.Text.Length,
        BodyStart = doc.BodyStart, BodyEnd = doc.BodyEnd, TokenCount = 0, ShingleCount = 0, MinHash = [], SimHash = 0, Fingerprints = [], Credits = [],
    });

    [Theory]
    [InlineData("modified")]
    [InlineData("deleted")]
    public void A_file_changed_after_signing_is_reported_and_not_aligned(string change)
    {
        using var tmp = new TempFolder();
        tmp.Write("a.txt", "The text as it was when the scan signed it, long enough to matter.");
        var source = new FolderSource(tmp.Path, new IngestOptions());
        SourceFile file = Assert.Single(source.List().Files);
        DocumentRecord record = Record(file, source.Load(file).Document!);
        // Budget 0: nothing offered at signing is kept, so alignment reloads the file.
        var cache = new TextCache(source.Load, budgetBytes: 0);
        if (change == "modified") tmp.Write("a.txt", "Edited after signing: the offsets computed before no longer fit this text.");
        else File.Delete(file.FullPath);

        Assert.Null(cache.Get(record));
        string reason = cache.Errors[record.Id];
        Assert.StartsWith(change == "modified" ? "document changed during the scan" : "cannot read", reason, StringComparison.Ordinal);
    }

    sealed class OnStage(PipelineStage stage, Action action) : IProgress<ScanProgress>
    {
        int _fired;

        public void Report(ScanProgress value)
        {
            if (value.Stage >= stage && Interlocked.Exchange(ref _fired, 1) == 0) action();
        }
    }

    [Fact]
    public void A_scan_lists_a_document_edited_mid_scan_once_with_its_reason()
    {
        using var tmp = new TempFolder();
        string story = string.Join(' ', Enumerable.Range(0, 120).Select(i => "word" + (i * 7919 % 1000)));
        tmp.Write("wire/story.txt", story);
        string copy = tmp.Write("site/copy.txt", "Reposted: " + story);
        var detector = new ReuseDetector(new ReuseDetectOptions { Parallelism = 1 }) { TextCacheBudgetBytes = 0 };
        // When the copy is edited after signing, before candidates and alignment reload it
        ReuseReport r = detector.Scan(new FolderSource(tmp.Path, detector.Options.Ingest), null,
            new OnStage(PipelineStage.Candidates, () => File.WriteAllText(copy, "Rewritten entirely after it was signed.")));
        // Then it is listed once, with the reason, and nothing is aligned against its stale offsets
        Assert.Equal(r.Documents.Select(d => d.Id).Distinct().Count(), r.Documents.Count);
        ReportDocument edited = r.Documents.Single(d => d.Id == "site/copy.txt");
        Assert.StartsWith("document changed during the scan", edited.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Clusters, c => c.Members.Any(m => m.Id == "site/copy.txt"));
        Assert.Equal(1, r.Summary.Skipped);
    }
    /// <summary>A cache over in-memory documents of 100 characters each, counting reads.</summary>
    sealed class Documents
    {
        readonly Dictionary<string, LoadedDocument> _docs = [];
        public Dictionary<string, int> Reads { get; } = [];

        public DocumentRecord Add(string id, string? body = null)
        {
            string text = body ?? (id + " ").PadRight(100, 'x');
            var doc = new LoadedDocument(id, text, 0, text.Length, new ReuseDetect.Ingestion.DocumentMetadata(), "utf-8", (UInt128)(ulong)text.GetHashCode(StringComparison.Ordinal), text.Length);
            _docs[id] = doc;
            return Record(new SourceFile(id, id), doc);
        }

        public (LoadedDocument?, IngestError?) Load(SourceFile file, string id)
        {
            Reads[id] = Reads.GetValueOrDefault(id) + 1;
            return (_docs[id], null);
        }
    }

    [Fact]
    public void A_read_document_gets_a_second_chance_and_a_released_one_goes_first()
    {
        // Given room for two documents: reading a third evicts the oldest once a round has cleared every mark
        var docs = new Documents();
        DocumentRecord a = docs.Add("a"), b = docs.Add("b"), c = docs.Add("c"), d = docs.Add("d");
        var cache = new TextCache(docs.Load, budgetBytes: 2 * OneEntryBytes(docs, a));
        Assert.NotNull(cache.Get(a));
        Assert.NotNull(cache.Get(b));
        Assert.NotNull(cache.Get(c));
        Assert.Null(cache.TryPeek(a));
        // When b is read again before d comes
        Assert.NotNull(cache.Get(b));
        Assert.NotNull(cache.Get(d));
        // Then c, not read since, goes instead of the older b
        Assert.NotNull(cache.TryPeek(b));
        Assert.Null(cache.TryPeek(c));
        Assert.Equal(1, docs.Reads["b"]);
        // And when b is released, it goes before the older d
        cache.Release(b);
        Assert.NotNull(cache.Get(a));
        Assert.Null(cache.TryPeek(b));
        Assert.NotNull(cache.TryPeek(d));
        // A document evicted is simply read again when asked for
        Assert.Equal(2, docs.Reads["a"]);
        Assert.NotNull(cache.Get(b));
        Assert.Equal(2, docs.Reads["b"]);
    }

    [Fact]
    public void A_use_schedule_tells_each_document_its_next_pair_as_pairs_are_taken()
    {
        var docs = new Documents();
        DocumentRecord[] r = [.. new[] { "a", "b", "c" }.Select((id, i) => Reindex(docs.Add(id), i))];
        CandidatePair[] pairs = [new(0, 1), new(2, 0), new(1, 2)];
        // In list order
        var schedule = new UseSchedule(r, pairs);
        Assert.Equal([0, 0, 1], r.Select(x => schedule.NextUse(x.Id)));
        schedule.Take(pairs[0]);
        Assert.Equal([1, 2, 1], r.Select(x => schedule.NextUse(x.Id)));
        schedule.Take(pairs[1]);
        Assert.Equal([int.MaxValue, 2, 2], r.Select(x => schedule.NextUse(x.Id)));
        schedule.Take(pairs[2]);
        Assert.All(r, x => Assert.Equal(int.MaxValue, schedule.NextUse(x.Id)));
        // In another order, positions are those of that order; a document outside the schedule is never needed
        var reversed = new UseSchedule(r, pairs, [2, 1, 0]);
        Assert.Equal([1, 0, 0], r.Select(x => reversed.NextUse(x.Id)));
        Assert.Equal(int.MaxValue, reversed.NextUse("elsewhere"));
    }

    [Fact]
    public void Following_a_schedule_evicts_the_document_needed_furthest_ahead_not_the_oldest()
    {
        // Given room for two documents and a half, and the pairs (a, b), (c, a), (b, c) to be taken in that order
        var docs = new Documents();
        DocumentRecord[] r = [.. new[] { "a", "b", "c" }.Select((id, i) => Reindex(docs.Add(id), i))];
        CandidatePair[] pairs = [new(0, 1), new(2, 0), new(1, 2)];
        var cache = new TextCache(docs.Load, budgetBytes: 5 * OneEntryBytes(docs, r[0]) / 2);
        var schedule = new UseSchedule(r, pairs);
        cache.Follow(schedule);
        Assert.NotNull(cache.Get(r[0]));
        Assert.NotNull(cache.Get(r[1]));
        schedule.Take(pairs[0]);
        // When c is read for the second pair
        Assert.NotNull(cache.Get(r[2]));
        // Then b (next needed by the third pair) goes, though a is older (oldest first would evict a, needed now)
        Assert.Null(cache.TryPeek(r[1]));
        Assert.NotNull(cache.TryPeek(r[0]));
        Assert.NotNull(cache.TryPeek(r[2]));
        Assert.Equal(3, cache.Loads);
        // And once the schedule is done with, eviction is oldest first again, over the documents cached
        cache.Follow(null);
        Assert.NotNull(cache.Get(r[1]));
        Assert.Equal(4, cache.Loads);
        Assert.NotNull(cache.TryPeek(r[1]));
        Assert.Equal(2, new[] { r[0], r[1], r[2] }.Count(x => cache.TryPeek(x) is not null));
    }

    static DocumentRecord Reindex(DocumentRecord record, int index) => new(index, record.File, record.Signed);

    [Fact]
    public void Seed_grams_are_made_once_per_cached_document()
    {
        var docs = new Documents();
        DocumentRecord a = docs.Add("a");
        var cache = new TextCache(docs.Load, budgetBytes: 1 << 20);
        var aligner = new ReuseDetect.Alignment.PassageAligner(new ReuseDetect.Alignment.AlignmentOptions());
        TextCache.Entry entry = cache.Get(a)!;
        Assert.Same(entry.Grams(aligner), entry.Grams(aligner));
        Assert.Same(entry.DistinctShingles(5), entry.DistinctShingles(5));
        // Other options get their own grams
        var pan = new ReuseDetect.Alignment.PassageAligner(ReuseDetect.Alignment.AlignmentOptions.Pan);
        Assert.True(pan.CanUse(entry.Grams(pan)));
    }

    /// <summary>The bytes one document of <paramref name="docs"/> holds once cached (all are alike in size).</summary>
    static long OneEntryBytes(Documents docs, DocumentRecord record)
    {
        var probe = new TextCache(docs.Load, budgetBytes: 1 << 20);
        long bytes = probe.Get(record)!.Bytes;
        docs.Reads.Clear();
        return bytes;
    }

    [Fact]
    public void The_budget_counts_tokens_and_seed_grams_not_just_characters()
    {
        var docs = new Documents();
        DocumentRecord a = docs.Add("a");
        var cache = new TextCache(docs.Load, budgetBytes: 1 << 20);
        var aligner = new ReuseDetect.Alignment.PassageAligner(new ReuseDetect.Alignment.AlignmentOptions());
        // A cached document counts its text (two bytes a character), and its tokens once they are made
        TextCache.Entry entry = cache.Get(a)!;
        long text = cache.Bytes;
        Assert.True(text >= 2 * entry.Document.Text.Length);
        long tokens = entry.Tokens.Bytes;
        Assert.True(tokens > 0);
        Assert.Same(entry.Tokens, entry.Tokens);
        long loaded = cache.Bytes;
        Assert.Equal(text + tokens, loaded);
        Assert.Equal(entry.Bytes, loaded);
        // Its seed grams and shingles count while it holds them
        long grams = entry.Grams(aligner).Bytes;
        long shingles = 8L * entry.DistinctShingles(1).Length;
        Assert.True(grams > 0 && shingles > 0);
        Assert.Equal(loaded + grams + shingles, cache.Bytes);
        // And no longer once it is released: then its text alone is counted (the tokens are made again if asked for)
        cache.Release(a);
        Assert.Equal(text, cache.Bytes);
        Assert.Equal(text, entry.Bytes);
        Assert.Equal(tokens, entry.Tokens.Bytes);
        Assert.Equal(loaded, cache.Bytes);
    }

    [Fact]
    public void A_document_released_for_a_later_stage_keeps_its_tokens_and_drops_its_grams()
    {
        var docs = new Documents();
        DocumentRecord a = docs.Add("a");
        var cache = new TextCache(docs.Load, budgetBytes: 1 << 20);
        TextCache.Entry entry = cache.Get(a)!;
        TokenizedText tokens = entry.Tokens;
        long loaded = cache.Bytes;
        entry.Grams(new ReuseDetect.Alignment.PassageAligner(new ReuseDetect.Alignment.AlignmentOptions()));
        Assert.True(cache.Bytes > loaded);
        // Released with its tokens kept (its group's boilerplate passages are found in them later)
        cache.Release(a, keepTokens: true);
        // Then the tokens are the same object, still counted, and only the grams went
        Assert.Same(tokens, entry.Tokens);
        Assert.Equal(loaded, cache.Bytes);
    }

    [Fact]
    public void A_released_document_gives_its_arrays_to_the_next_one_prepared_and_the_grams_are_the_same()
    {
        // Given a story and documents of varied lengths that repost parts of it among other words
        var random = new Random(7);
        string[] vocabulary = [.. Enumerable.Range(0, 400).Select(i => "w" + i)];
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        string story = Words(300);
        string[] storyWords = story.Split(' ');
        var docs = new Documents();
        DocumentRecord[] records = [docs.Add("story", story), .. Enumerable.Range(1, 8).Select(i =>
        {
            int from = random.Next(200), length = random.Next(20, 100);
            return docs.Add("d" + i, Words(random.Next(10, 400)) + ". " + string.Join(' ', storyWords.AsSpan(from, length).ToArray()) + ". " + Words(random.Next(10, 400)));
        })];
        var cache = new TextCache(docs.Load, budgetBytes: 1 << 24);
        var aligner = new ReuseDetect.Alignment.PassageAligner(new ReuseDetect.Alignment.AlignmentOptions());
        var fresh = new TextCache(docs.Load, budgetBytes: 1 << 24);
        TextCache.Entry partner = fresh.Get(records[0])!;
        ReuseDetect.Alignment.SeedGrams partnerGrams = partner.Grams(aligner);
        long given = 0;
        foreach (DocumentRecord r in records.Skip(1))
        {
            // When each is prepared after the one before was released (its arrays reused, their old contents in them)
            TextCache.Entry entry = cache.Get(r)!;
            ReuseDetect.Alignment.SeedGrams grams = entry.Grams(aligner);
            // Then its tokens and alignments are those made from new arrays
            TextCache.Entry reference = fresh.Get(r)!;
            Assert.Equal(reference.Tokens.TokenHashes.ToArray(), entry.Tokens.TokenHashes.ToArray());
            Assert.Equal(aligner.Align(reference.Grams(aligner), partnerGrams), aligner.Align(grams, partnerGrams));
            Assert.Equal(aligner.AlignSelf(reference.Grams(aligner)), aligner.AlignSelf(grams));
            given += entry.Tokens.Bytes + grams.Bytes;
            cache.Release(r);
        }
        // And some of the released arrays were taken up again: less is free than was given back
        Assert.InRange(cache.RecycledBytes, 1, given - 1);
        cache.ClearRecycled();
        Assert.Equal(0, cache.RecycledBytes);
    }

    [Fact]
    public void Seed_grams_that_overflow_the_budget_evict_another_document()
    {
        // Given room for two documents and a little more
        var docs = new Documents();
        DocumentRecord a = docs.Add("a"), b = docs.Add("b");
        long one = OneEntryBytes(docs, a);
        var cache = new TextCache(docs.Load, budgetBytes: 2 * one + 8);
        Assert.NotNull(cache.Get(a));
        TextCache.Entry eb = cache.Get(b)!;
        Assert.NotNull(cache.TryPeek(a));
        // When b's seed grams are made
        eb.Grams(new ReuseDetect.Alignment.PassageAligner(new ReuseDetect.Alignment.AlignmentOptions()));
        // Then the older a makes room, and the cache counts b alone
        Assert.Null(cache.TryPeek(a));
        Assert.Same(eb, cache.TryPeek(b));
        Assert.Equal(eb.Bytes, cache.Bytes);
        Assert.True(cache.Bytes <= 2 * one + 8);
    }

    [Fact]
    public void Evicted_entries_are_no_longer_counted()
    {
        var docs = new Documents();
        DocumentRecord[] records = [.. Enumerable.Range(0, 20).Select(i => docs.Add("d" + i))];
        long one = OneEntryBytes(docs, records[0]);
        var cache = new TextCache(docs.Load, budgetBytes: 3 * one);
        foreach (DocumentRecord r in records) Assert.NotNull(cache.Get(r));
        // Twenty read through room for three: the cache holds at most three, and counts exactly those it holds
        int held = records.Count(r => cache.TryPeek(r) is not null);
        Assert.InRange(held, 1, 3);
        Assert.Equal(records.Sum(r => cache.TryPeek(r)?.Bytes ?? 0), cache.Bytes);
    }
}
