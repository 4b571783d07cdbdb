using System.Buffers;
using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseDetector
{
    List<DocumentRecord> SignAll(FolderSource source, FolderListing listing, List<SourceFile> files, List<IngestError> errors, TextCache cache,
        IScanCache? scanCache, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var minHasher = new MinHasher(_options.Permutations, _options.Seed);
        // One file may give several documents (JSON arrays, JSONL): each slot holds a file's documents and errors.
        var results = new (IReadOnlyList<SignedDocument> Documents, IReadOnlyList<IngestError> Errors)[files.Count];
        int done = 0;
        progress?.Report(new ScanProgress(PipelineStage.Sign, 0, files.Count));
        // Each thread tokenizes into arrays of its own, kept from file to file: a document's tokens are read by signing
        // and copied only when the text cache keeps them.
        System.Threading.Tasks.Parallel.For(0, files.Count, Parallel(cancellationToken), () => new TokenizerScratch(), (i, _, scratch) =>
        {
            results[i] = SignFile(source, listing, files[i], cache, scanCache, minHasher, scratch);
            int d = Interlocked.Increment(ref done);
            if (d % 64 == 0 || d == files.Count) progress?.Report(new ScanProgress(PipelineStage.Sign, d, files.Count));
            return scratch;
        }, _ => { });
        // Indexes are assigned in file order, then record order, after the parallel loop: never timing-dependent. The
        // records (each works out its source group) are then made side by side.
        var first = new int[files.Count + 1];
        for (int i = 0; i < files.Count; i++)
        {
            errors.AddRange(results[i].Errors);
            first[i + 1] = first[i] + results[i].Documents.Count;
        }
        var records = new DocumentRecord[first[files.Count]];
        System.Threading.Tasks.Parallel.For(0, files.Count, Parallel(cancellationToken), i =>
        {
            for (int j = 0; j < results[i].Documents.Count; j++) records[first[i] + j] = new DocumentRecord(first[i] + j, files[i], results[i].Documents[j]);
        });
        return [.. records];
    }

    (IReadOnlyList<SignedDocument>, IReadOnlyList<IngestError>) SignFile(FolderSource source, FolderListing listing, SourceFile file, TextCache cache,
        IScanCache? scanCache, MinHasher minHasher, TokenizerScratch scratch)
    {
        // Stamped by the walk, before any file was read: a file changed since is read again by the next scan.
        FileStamp? stamp = scanCache is null ? null : listing.StampOf(file.FullPath);
        if (stamp is { } s && scanCache!.TryGetFile(file, s, out var cached, out var cachedErrors))
            return (cached, cachedErrors);
        FileLoad load = source.LoadAll(file);
        var signed = new List<SignedDocument>(load.Documents.Count);
        foreach (LoadedDocument doc in load.Documents)
        {
            TokenizedText tokens = Tokenizer.Tokenize(doc.Text, doc.BodyStart, doc.BodyEnd, scratch);
            signed.Add(Sign(doc, tokens, minHasher));
            // Small corpora keep their text for alignment; large ones reload it then (bounded cache).
            cache.Offer(doc);
        }
        // A file that could not be read (or its sidecar) is not remembered: it may be readable next time.
        if (stamp is { } st && !load.Errors.Any(e => TransientErrors.Is(e.Reason)))
            scanCache!.PutFile(file, st, signed, load.Errors);
        return (signed, load.Errors);
    }

    SignedDocument Sign(LoadedDocument doc, TokenizedText tokens, MinHasher minHasher)
    {
        int n = _options.ShingleSize;
        int count = Shingler.CountFor(tokens.Count, n);
        // Scratch from the pool: the shingle hashes, the stems and the content word stems are read here and not kept.
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(Math.Max(1, count));
        ulong[] stems = ArrayPool<ulong>.Shared.Rent(Math.Max(1, tokens.Count));
        ulong[] contentStems = ArrayPool<ulong>.Shared.Rent(Math.Max(1, tokens.Count));
        try
        {
            Span<ulong> shingles = rented.AsSpan(0, count);
            Shingler.Hash(tokens.TokenHashes, n, shingles);
            var minHash = new uint[minHasher.Permutations];
            minHasher.Sign(shingles, minHash);
            WordStems.Write(tokens, doc.Text, stems);
            ReadOnlySpan<ulong> content = contentStems.AsSpan(0, ContentShingles.ContentStems(tokens, stems.AsSpan(0, tokens.Count), contentStems));
            ContentPrints prints = ContentShingles.Located(content);
            return new SignedDocument
            {
                Id = doc.Id, Metadata = doc.Metadata, Encoding = doc.Encoding, ContentHash = doc.ContentHash,
                Length = doc.Text.Length, BodyStart = doc.BodyStart, BodyEnd = doc.BodyEnd, TokenCount = tokens.Count,
                ShingleCount = count, MinHash = minHash, SimHash = SimHasher.Hash(shingles),
                Fingerprints = tokens.Count >= n ? Winnower.Select(shingles, _options.WinnowWindow) : [],
                ContentFingerprints = prints.Hashes,
                ContentPlaces = prints.Places,
                Words = ContentShingles.Words(content),
                Lines = LineHashes.Distinct(tokens, doc.Text),
                Credits = CreditLineDetector.Find(doc.Text, doc.BodyStart, doc.BodyEnd),
                Warnings = doc.Warnings,
            };
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(contentStems);
            ArrayPool<ulong>.Shared.Return(stems);
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }
}
