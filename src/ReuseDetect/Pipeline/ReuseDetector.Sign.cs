using System.Buffers;
using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseDetector
{
    List<DocumentRecord> SignAll(FolderSource source, List<SourceFile> files, List<IngestError> errors, TextCache cache,
        IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var minHasher = new MinHasher(_options.Permutations, _options.Seed);
        var results = new (DocumentRecord? Record, IngestError? Error)[files.Count];
        int done = 0;
        progress?.Report(new ScanProgress(PipelineStage.Sign, 0, files.Count));
        System.Threading.Tasks.Parallel.For(0, files.Count, Parallel(cancellationToken), i =>
        {
            (LoadedDocument? doc, IngestError? error) = source.Load(files[i]);
            if (doc is null)
            {
                results[i] = (null, error);
            }
            else
            {
                TokenizedText tokens = Tokenizer.Tokenize(doc.Text, doc.BodyStart, doc.BodyEnd);
                results[i] = (Sign(files[i], doc, tokens, minHasher), null);
                // Small corpora keep their text for alignment; large ones reload it then (bounded cache).
                cache.Offer(doc, tokens);
            }
            int d = Interlocked.Increment(ref done);
            if (d % 64 == 0 || d == files.Count) progress?.Report(new ScanProgress(PipelineStage.Sign, d, files.Count));
        });
        var records = new List<DocumentRecord>(files.Count);
        foreach (var (record, error) in results)
        {
            if (error is not null) errors.Add(error);
            if (record is null) continue;
            // Indexes are assigned in id order after the parallel loop, so they never depend on timing.
            var indexed = new DocumentRecord
            {
                Index = records.Count, File = record.File, Metadata = record.Metadata, Encoding = record.Encoding,
                ContentHash = record.ContentHash, Length = record.Length, BodyStart = record.BodyStart, BodyEnd = record.BodyEnd,
                TokenCount = record.TokenCount, ShingleCount = record.ShingleCount, MinHash = record.MinHash,
                SimHash = record.SimHash, Fingerprints = record.Fingerprints, Credits = record.Credits,
            };
            records.Add(indexed);
        }
        return records;
    }

    DocumentRecord Sign(SourceFile file, LoadedDocument doc, TokenizedText tokens, MinHasher minHasher)
    {
        int n = _options.ShingleSize;
        int count = Shingler.CountFor(tokens.Count, n);
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(Math.Max(1, count));
        try
        {
            Span<ulong> shingles = rented.AsSpan(0, count);
            Shingler.Hash(tokens.TokenHashes, n, shingles);
            var minHash = new uint[minHasher.Permutations];
            minHasher.Sign(shingles, minHash);
            return new DocumentRecord
            {
                Index = -1, File = file, Metadata = doc.Metadata, Encoding = doc.Encoding, ContentHash = doc.ContentHash,
                Length = doc.Text.Length, BodyStart = doc.BodyStart, BodyEnd = doc.BodyEnd, TokenCount = tokens.Count,
                ShingleCount = count, MinHash = minHash, SimHash = SimHasher.Hash(shingles),
                Fingerprints = tokens.Count >= n ? Winnower.Select(shingles, _options.WinnowWindow) : [],
                Credits = CreditLineDetector.Find(doc.Text, doc.BodyStart, doc.BodyEnd),
            };
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }
}
