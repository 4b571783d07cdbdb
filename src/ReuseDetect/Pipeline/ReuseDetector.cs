using ReuseDetect.Alignment;
using ReuseDetect.Attribution;
using ReuseDetect.Candidates;
using ReuseDetect.Clustering;
using ReuseDetect.Ingestion;
using ReuseDetect.Reporting;

namespace ReuseDetect.Pipeline;

/// <summary>
/// The engine's facade. A scan runs the stages top to bottom:
/// ingest → normalize/tokenize → shingle → sign (MinHash, SimHash, winnowing) → candidates (LSH, fingerprint
/// postings) → align passages → cluster → attribute → report. The same input gives the same report,
/// whatever the degree of parallelism.
/// </summary>
public sealed partial class ReuseDetector
{
    readonly ReuseDetectOptions _options;

    /// <summary>Creates a detector; throws when an option is out of range.</summary>
    public ReuseDetector(ReuseDetectOptions options)
    {
        options.Validate();
        _options = options;
        _banding = new(() => LshBanding.ForThreshold(options.NearDuplicateThreshold, options.Permutations));
    }

    /// <summary>The LSH bands and rows chosen for recall at the near-duplicate threshold (a scan's and a kept index's), chosen once.</summary>
    LshBanding NearDuplicateBanding => _banding.Value;

    readonly Lazy<LshBanding> _banding;

    /// <summary>The options in force.</summary>
    public ReuseDetectOptions Options => _options;

    /// <summary>
    /// Version of everything stored signatures and passages depend on besides the options (tokenizer, shingle
    /// mixing, MinHash family, alignment, span edges, credit lines). Bump it when any of them changes output, so a
    /// persistent store rebuilds instead of mixing old and new results.
    /// </summary>
    // 2: one-permutation MinHash with densification; 3: content fingerprints, edited-reuse alignment;
    // 4: credit-line candidates found by structure; 5: binary files by evidence, control characters replaced;
    // 6: line hashes, furniture by source group, stock phrases; 7: common words; 8: lead-in and "first appeared" credits;
    // 9: title-case places in agency datelines, "(Agency)" lines as sign-offs; 10: stems drop a silent e, a
    // distinctive word counts once; 11: control characters in outlet, title and URL metadata replaced; 12: touching
    // crossing chains merge (reordered sentences); 13: a pair aligned for verbatim passages only is anchored by
    // distinctive words (templates of wire copy are not reuse); 14: a file without an extension that holds an HTML
    // page is read as one, and .shtml pages are read; 15: content fingerprints keep their places, and a pair is aligned for
    // reworded passages only when those it shares lie together (Candidates.ContentNearness); 16: a reworded passage
    // whose figures disagree with its partner's is a retelling, not a copy (Alignment.Figures); 17: a fraction ("7-3/4")
    // is one figure; 18: a reworded passage one side of which is more than twice the other needs a summary's evidence;
    // 19: contribution and "provided by" lines, bylines ending in an agency, "— The Associated Press" are credit candidates;
    // 20: so are an agency's own notices under its stories ("Thomson Reuters Trust Principles").
    public const int AlgorithmVersion = 20;

    /// <summary>Scans the folder <paramref name="root"/>.</summary>
    public ReuseReport Scan(string root, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Scan(new FolderSource(root, _options.Ingest), null, progress, cancellationToken);

    /// <summary>
    /// Scans the files of <paramref name="source"/>, taking unchanged work from <paramref name="scanCache"/> (the
    /// persistent store) when given. The report is the same with or without a cache.
    /// </summary>
    public ReuseReport Scan(FolderSource source, IScanCache? scanCache, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        // 1. Ingest: list the files.
        return Scan(source, source.List(_options.Parallelism), scanCache, progress, cancellationToken);
    }

    /// <summary>
    /// <see cref="Scan(FolderSource, IScanCache?, IProgress{ScanProgress}?, CancellationToken)"/> of the files
    /// <paramref name="listing"/> found (<see cref="FolderSource.List()"/>), for a caller that has just walked the folder.
    /// </summary>
    public ReuseReport Scan(FolderSource source, FolderListing listing, IScanCache? scanCache, IProgress<ScanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(listing);
        List<SourceFile> files = listing.Files;
        List<IngestError> errors = [.. listing.Errors];
        List<IgnoredFile> ignored = listing.Ignored;
        // 2-4. Read every file into its documents; tokenize, shingle and sign them (text is dropped afterwards).
        var cache = new TextCache(source.Load, TextCacheBudgetBytes);
        List<DocumentRecord> records = SignAll(source, listing, files, errors, cache, scanCache, progress, cancellationToken);
        // 5. Candidates: near-duplicates by LSH, passage pairs by fingerprint postings (each outlet's learned
        //    boilerplate fingerprints left out; those passages are collected apart, without pairwise alignment).
        var (nearDuplicates, boilerplate, pairs, edited) = FindCandidates(records, cache, scanCache, progress, cancellationToken);
        // 6. Align candidate pairs at token level. Passages keep offsets only: member texts are read again at report time,
        //    once per member document, instead of keeping (or storing) every aligned pair's texts.
        List<PassageLink> links = AlignAll(records, pairs, edited, boilerplate, cache, scanCache, progress, cancellationToken);
        // Everything the store keeps is known once the pairs are aligned: with more than one thread it is committed while
        // the clusters, attribution and report are made (the store is not read after this point).
        Action? complete = scanCache is null ? null : () => scanCache.Complete([.. files.Select(f => f.Id)]);
        Task commit = complete is not null && _options.Parallelism > 1 ? Task.Run(complete, CancellationToken.None) : Task.CompletedTask;
        ReuseReport report;
        try
        {
            report = Finish(source, listing, records, links, boilerplate, nearDuplicates, errors, ignored, cache, progress, cancellationToken);
        }
        catch
        {
            // The caller closes the store when this throws: the commit must be over by then (its own failure is
            // secondary to the one thrown here).
            try { commit.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        if (complete is not null && _options.Parallelism <= 1) complete();
        commit.GetAwaiter().GetResult();
        return report;
    }

    /// <summary>Stages 7 to 9 of <see cref="Scan(FolderSource, FolderListing, IScanCache?, IProgress{ScanProgress}?, CancellationToken)"/>: cluster, attribute, report.</summary>
    ReuseReport Finish(FolderSource source, FolderListing listing, List<DocumentRecord> records, List<PassageLink> links, BoilerplateModel boilerplate,
        List<NearDuplicatePair> nearDuplicates, List<IngestError> errors, List<IgnoredFile> ignored, TextCache cache,
        IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        // 7. Cluster aligned spans.
        progress?.Report(new ScanProgress(PipelineStage.Cluster, 0, links.Count));
        List<SpanCluster> clusters = ClusterBuilder.Build(links, records.Count, _options.Parallelism, ClusterMemo);
        // 8. Attribute: origins, credits, boilerplate.
        progress?.Report(new ScanProgress(PipelineStage.Attribute, 0, clusters.Count));
        var attributor = new SourceAttributor(_options.BoilerplateMinDocuments);
        IReadOnlyList<CreditLine>[] credits = CreditResolver.ResolveAll(records.ConvertAll(r => new CreditDocument(r.Id, r.Metadata, r.Credits)), _options.Parallelism);
        var docs = records.ConvertAll(r => new AttributionDocument(r.Id, r.Metadata, credits[r.Index], boilerplate.Count(r.Group) > 0) { Candidates = r.Credits });
        List<AttributedCluster> attributed = attributor.Attribute(clusters, docs, _options.Parallelism);
        attributed.AddRange(attributor.AttributeBoilerplate(FindBoilerplate(records, boilerplate, cache), docs));
        // 9. Report.
        foreach (var (id, reason) in cache.Errors.OrderBy(e => e.Key, StringComparer.Ordinal)) errors.Add(new IngestError(id, reason));
        progress?.Report(new ScanProgress(PipelineStage.Report, 0, 1));
        Func<int, int, int, string> quote = MemberQuotes(records, attributed, cache, source, listing, cancellationToken);
        return ReportBuilder.Build(_options.ToReportParameters(), records.ConvertAll(ToReportInput), docs, attributed, nearDuplicates, errors,
            quote, records.ConvertAll(r => r.File.Id), ignored, _options.Parallelism, ReportMemo);
    }

    /// <summary>
    /// With <see cref="KeepIndex"/>: the member quotes and report clusters of the last scan, taken by the next where they
    /// are the same (<see cref="Reporting.ReportMemo"/>); null otherwise, as a one-off scan has no next.
    /// </summary>
    ReportMemo? ReportMemo => KeepIndex ? LazyInitializer.EnsureInitialized(ref _reportMemo) : null;

    ReportMemo? _reportMemo;

    /// <summary>With <see cref="KeepIndex"/>: the clusters of the last scan's candidates, peeled again only where their links changed.</summary>
    ClusterMemo? ClusterMemo => KeepIndex ? LazyInitializer.EnsureInitialized(ref _clusterMemo) : null;

    ClusterMemo? _clusterMemo;

    /// <summary>
    /// Texts of every cluster member (<see cref="Reporting.MemberQuotes"/>): from the text cache when it holds them, else
    /// read again; a document whose content changed since it was signed quotes nothing. A file that the listing shows
    /// without a sidecar is read without the listing's checks again (<see cref="FolderSource.Reload"/>).
    /// </summary>
    Func<int, int, int, string> MemberQuotes(List<DocumentRecord> records, List<AttributedCluster> clusters, TextCache cache,
        FolderSource source, FolderListing listing, CancellationToken ct)
    {
        IReadOnlySet<string> sidecars = FolderSource.ListedSidecars(listing);
        return Reporting.MemberQuotes.Read(records.Count, clusters.SelectMany(ac => ac.Cluster.Members), d =>
        {
            DocumentRecord r = records[d];
            if (cache.TryPeek(r)?.Document.Text is { } text) return text;
            (LoadedDocument? doc, _) = listing.Stamps.ContainsKey(r.File.FullPath) ? source.Reload(r.File, r.Id, sidecars) : source.Load(r.File, r.Id);
            return doc is not null && doc.ContentHash == r.ContentHash ? doc.Text : null;
        }, Parallel(ct), ReportMemo, d => (records[d].Id, records[d].ContentHash));
    }

    /// <summary>
    /// Bytes of reloaded documents kept in memory during alignment: text, tokens, seed grams and shingles, all counted.
    /// About the documents in use along one stretch of the pair schedule on PAN + BBC: 192 MiB already costs 1.3x the CPU
    /// there in reloads, 128 MiB 1.5x (one run each, 2026-12-01); 256 MiB costs none and holds less than the 24 Mi
    /// characters counted before did (those held about 10 bytes a character with their tokens and grams).
    /// </summary>
    internal const long CacheBudgetBytes = 256L << 20;

    /// <summary>The text cache budget of this detector, in bytes (tests lower it to force reloads).</summary>
    internal long TextCacheBudgetBytes { get; init; } = CacheBudgetBytes;

    static ReportInputDocument ToReportInput(DocumentRecord r) =>
        new(r.Id, r.Metadata, r.Encoding, r.Length, r.BodyStart, r.BodyEnd, r.TokenCount, r.Signed.Warnings);

    ParallelOptions Parallel(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };

    PassageAligner CreateAligner() => new(_options.Alignment);
}
