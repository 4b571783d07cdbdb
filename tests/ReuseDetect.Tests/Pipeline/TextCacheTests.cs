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
}
