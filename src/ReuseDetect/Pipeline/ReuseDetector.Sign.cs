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
        IScanCache? scanCache, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var minHasher = new MinHasher(_options.Permutations, _options.Seed);
        var results = new (IReadOnlyList<SignedDocument> Documents, IngestError? Error)[files.Count];
        int done = 0;
        progress?.Report(new ScanProgress(PipelineStage.Sign, 0, files.Count));
        System.Threading.Tasks.Parallel.For(0, files.Count, Parallel(cancellationToken), i =>
        {
            results[i] = SignFile(source, files[i], cache, scanCache, minHasher);
            int d = Interlocked.Increment(ref done);
            if (d % 64 == 0 || d == files.Count) progress?.Report(new ScanProgress(PipelineStage.Sign, d, files.Count));
        });
        var records = new List<DocumentRecord>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            if (results[i].Error is { } error) errors.Add(error);
            // Indexes are assigned in id order after the parallel loop, so they never depend on timing.
            foreach (SignedDocument signed in results[i].Documents) records.Add(new DocumentRecord(records.Count, files[i], signed));
        }
        return records;
    }

    (IReadOnlyList<SignedDocument>, IngestError?) SignFile(FolderSource source, SourceFile file, TextCache cache, IScanCache? scanCache, MinHasher minHasher)
    {
        FileStamp? stamp = scanCache is null ? null : FileStamp.Of(file.FullPath);
        if (stamp is { } s && scanCache!.TryGetFile(file, s, out var cached, out string? cachedError))
            return (cached, cachedError is null ? null : new IngestError(file.Id, cachedError));
        (LoadedDocument? doc, IngestError? error) = source.Load(file);
        IReadOnlyList<SignedDocument> signed = [];
        if (doc is not null)
        {
            TokenizedText tokens = Tokenizer.Tokenize(doc.Text, doc.BodyStart, doc.BodyEnd);
            signed = [Sign(doc, tokens, minHasher)];
            // Small corpora keep their text for alignment; large ones reload it then (bounded cache).
            cache.Offer(doc, tokens);
        }
        // A file that could not be read at all is not remembered: it may be readable next time.
        if (stamp is { } st && (doc is not null || error?.Reason.StartsWith("cannot read", StringComparison.Ordinal) == false))
            scanCache!.PutFile(file, st, signed, error?.Reason);
        return (signed, error);
    }

    SignedDocument Sign(LoadedDocument doc, TokenizedText tokens, MinHasher minHasher)
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
            return new SignedDocument
            {
                Id = doc.Id, Metadata = doc.Metadata, Encoding = doc.Encoding, ContentHash = doc.ContentHash,
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
