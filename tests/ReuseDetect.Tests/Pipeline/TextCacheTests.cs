using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

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
        var cache = new TextCache(source.Load, budgetChars: 0);
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
        var detector = new ReuseDetector(new ReuseDetectOptions { Parallelism = 1 }) { TextCacheBudgetChars = 0 };
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

        public DocumentRecord Add(string id)
        {
            string text = (id + " ").PadRight(100, 'x');
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
        var cache = new TextCache(docs.Load, budgetChars: 200);
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
    public void Seed_grams_are_made_once_per_cached_document()
    {
        var docs = new Documents();
        DocumentRecord a = docs.Add("a");
        var cache = new TextCache(docs.Load, budgetChars: 1000);
        var aligner = new ReuseDetect.Alignment.PassageAligner(new ReuseDetect.Alignment.AlignmentOptions());
        TextCache.Entry entry = cache.Get(a)!;
        Assert.Same(entry.Grams(aligner), entry.Grams(aligner));
        Assert.Same(entry.DistinctShingles(5), entry.DistinctShingles(5));
        // Other options get their own grams
        var pan = new ReuseDetect.Alignment.PassageAligner(ReuseDetect.Alignment.AlignmentOptions.Pan);
        Assert.True(pan.CanUse(entry.Grams(pan)));
    }
}
