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
        // One file may give several documents (JSON arrays, JSONL): each slot holds a file's records and errors.
        var results = new (List<DocumentRecord> Records, IReadOnlyList<IngestError> Errors)[files.Count];
        int done = 0;
        progress?.Report(new ScanProgress(PipelineStage.Sign, 0, files.Count));
        System.Threading.Tasks.Parallel.For(0, files.Count, Parallel(cancellationToken), i =>
        {
            FileLoad load = source.LoadAll(files[i]);
            var signed = new List<DocumentRecord>(load.Documents.Count);
            foreach (LoadedDocument doc in load.Documents)
            {
                TokenizedText tokens = Tokenizer.Tokenize(doc.Text, doc.BodyStart, doc.BodyEnd);
                signed.Add(Sign(files[i], doc, tokens, minHasher));
                // Small corpora keep their text for alignment; large ones reload it then (bounded cache).
                cache.Offer(doc, tokens);
            }
            results[i] = (signed, load.Errors);
            int d = Interlocked.Increment(ref done);
            if (d % 64 == 0 || d == files.Count) progress?.Report(new ScanProgress(PipelineStage.Sign, d, files.Count));
        });
        var records = new List<DocumentRecord>(files.Count);
        foreach (var (signed, fileErrors) in results)
        {
            errors.AddRange(fileErrors);
            foreach (DocumentRecord record in signed)
            {
                // Indexes are assigned in file order, then record order, after the parallel loop: never timing-dependent.
                var indexed = new DocumentRecord
                {
                    Index = records.Count, Id = record.Id, File = record.File, Metadata = record.Metadata, Encoding = record.Encoding,
                    ContentHash = record.ContentHash, Length = record.Length, BodyStart = record.BodyStart, BodyEnd = record.BodyEnd,
                    TokenCount = record.TokenCount, ShingleCount = record.ShingleCount, MinHash = record.MinHash,
                    SimHash = record.SimHash, Fingerprints = record.Fingerprints, Credits = record.Credits,
                };
                records.Add(indexed);
            }
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
                Index = -1, Id = doc.Id, File = file, Metadata = doc.Metadata, Encoding = doc.Encoding, ContentHash = doc.ContentHash,
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
