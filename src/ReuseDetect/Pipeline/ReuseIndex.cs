using System.Runtime.InteropServices;
using ReuseDetect.Alignment;
using ReuseDetect.Attribution;
using ReuseDetect.Candidates;
using ReuseDetect.Ingestion;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

/// <summary>One passage of a query text found in an indexed document.</summary>
public sealed record QueryPassage(int QueryStart, int QueryEnd, int DocumentStart, int DocumentEnd, double Identity, string QueryText, string DocumentText);

/// <summary>An indexed document that shares passages with the query, with its page's URL and title when known.</summary>
public sealed record QueryMatch(string Id, string Outlet, DateTimeOffset? Published, IReadOnlyList<QueryPassage> Passages, bool Credited, string? Url = null, string? Title = null);

/// <summary>
/// What a query found: matches (most shared text first), the likely origin and the basis; the queried document's id
/// (null for a text), and the indexed documents with the same content, which are copies of it, not matches.
/// </summary>
public sealed record QueryResult(IReadOnlyList<QueryMatch> Matches, string? OriginId, string? OriginOutlet, string OriginBasis, IReadOnlyList<CreditLine> QueryCredits,
    string? Document = null, IReadOnlyList<string>? Identical = null);

/// <summary>What the index keeps of a document: ids, metadata and the content hash that proves its file unchanged.</summary>
public sealed record IndexedDocument(string Id, string FileId, DocumentMetadata Metadata, UInt128 ContentHash);

/// <summary>
/// Answers "where did this article come from?" against signed documents (from the store) without a rescan:
/// the query is signed, its winnowing fingerprints are looked up in an inverted index (one sorted array; binary
/// search), and only the documents that share fingerprints are read and aligned. A queried file is read as a scan
/// reads it (<see cref="QueryFile"/>), and a document never matches itself: neither its own entry in the index (same
/// id under the scanned root) nor an indexed document with the same content hash.
/// </summary>
public sealed partial class ReuseIndex
{
    readonly ReuseDetectOptions _options;
    readonly QueryIndexData _data;
    readonly FolderSource _source;
    readonly Lazy<CreditResolver> _credits;
    readonly Lazy<HashSet<ulong>> _commonWords, _commonContent;

    /// <summary>Builds the index over <paramref name="documents"/>, whose files live under <paramref name="root"/>.</summary>
    public ReuseIndex(ReuseDetectOptions options, string root, IEnumerable<(SignedDocument Document, string FileId)> documents)
        : this(options, root, InMemory(documents))
    {
    }

    /// <summary>Builds the index from prepared postings: <paramref name="hashes"/> sorted, <paramref name="owners"/> indexing <paramref name="documents"/>.</summary>
    public ReuseIndex(ReuseDetectOptions options, string root, IReadOnlyList<IndexedDocument> documents, ulong[] hashes, int[] owners)
        : this(options, root, new InMemoryIndexData(documents, hashes, owners))
    {
    }

    /// <summary>An index over <paramref name="data"/> (in memory, or read from a file as it is needed).</summary>
    public ReuseIndex(ReuseDetectOptions options, string root, QueryIndexData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _options = options;
        _source = new FolderSource(root, options.Ingest);
        _data = data;
        // A query's credits are judged against the corpus's outlet names only (a query has no corpus furniture).
        _credits = new(() => CreditResolver.ForOutlets(data.OutletNames));
        _commonWords = new(() => [.. data.CommonWords]);
        _commonContent = new(() => [.. data.CommonContent]);
    }

    static InMemoryIndexData InMemory(IEnumerable<(SignedDocument Document, string FileId)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var docs = new List<IndexedDocument>();
        var postings = new PostingList();
        var words = new List<ulong[]>();
        var content = new List<ulong[]>();
        foreach (var (doc, fileId) in documents)
        {
            QueryIndexData.AddPostings(postings, docs.Count, doc.Fingerprints.Select(f => f.Hash), doc.Lines, doc.ContentFingerprints);
            words.Add(doc.Words);
            content.Add(doc.ContentFingerprints);
            docs.Add(new IndexedDocument(doc.Id, fileId, doc.Metadata, doc.ContentHash));
        }
        var (hashes, owners) = QueryIndexData.Sorted(postings);
        return new InMemoryIndexData(docs, hashes, owners, QueryIndexData.CommonWordsOf(words), QueryIndexData.CommonContentOf(content));
    }

    /// <summary>Indexed documents.</summary>
    public int Count => _data.Count;

    /// <summary>Finds the passages of <paramref name="text"/> present in the index.</summary>
    public QueryResult Query(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Query(text, 0, text.Length, null, null);
    }

    /// <summary>
    /// Finds the passages of a document read by <see cref="FolderSource"/> (its body; offsets index its text as read).
    /// <paramref name="indexedId"/> is its id under the index's root when it lies there (its own entry is no match);
    /// an indexed document with its content hash is a copy of it, reported in <see cref="QueryResult.Identical"/>.
    /// </summary>
    public QueryResult Query(LoadedDocument document, string? indexedId)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Query(document.Text, document.BodyStart, document.BodyEnd, indexedId, document.ContentHash, document.Metadata) with { Document = document.Id };
    }

    QueryResult Query(string text, int bodyStart, int bodyEnd, string? selfId, UInt128? selfHash, DocumentMetadata? metadata = null)
    {
        TokenizedText tokens = Tokenizer.Tokenize(text, bodyStart, bodyEnd);
        Fingerprint[] fingerprints = FingerprintsOf(tokens);
        // The query's group as a scan of its folder would key it; a bare text belongs to no group of the index.
        string selfGroup = SourceGroups.Key(selfId ?? "", metadata ?? new DocumentMetadata());
        var furniture = new Furniture(this);
        furniture.Judge(fingerprints, LineHashes.Distinct(tokens, text), selfGroup, selfId, query: true);
        BoilerplateModel model = furniture.Model();
        Dictionary<int, int> shared = furniture.Shared;
        // The query's credits, resolved against the outlets of the index (a self-reference or a stray copyright is no credit).
        var credits = _credits.Value.Resolve(new CreditDocument(selfId ?? "", metadata ?? new DocumentMetadata(), CreditLineDetector.Find(text, bodyStart, bodyEnd)));
        var aligner = new PassageAligner(_options.Alignment);
        // Aligned as a scan aligns a candidate pair: word kinds and stems from the text, and reworded passages sought
        // only where the two share enough content fingerprints (a story retold in other words shares a few).
        // Stems are made once per text, for its content fingerprints and its seed grams both.
        ulong[] stems = WordStems.Of(tokens, text);
        // Page furniture is a wall and stock phrases are no evidence, as in a scan (Learn).
        SeedGrams grams = aligner.PrepareWithStems(tokens, text, stems, PageFurniture.Marks(tokens, text, fingerprints, selfGroup, model, _options.ShingleSize));
        ContentPrints content = ContentShingles.Located(tokens, stems);
        var matches = new List<QueryMatch>();
        List<string> identical = selfHash is { } h ? SameContent(h, selfId) : [];
        foreach (int owner in Candidates(shared, content.Hashes))
        {
            IndexedDocument doc = _data.Document(owner);
            if (doc.Id == selfId || doc.ContentHash == selfHash) continue; // the query itself, or a copy of it
            (LoadedDocument? loaded, _) = _source.Load(new SourceFile(doc.FileId, Path.Combine(_source.Root, doc.FileId)), doc.Id);
            if (loaded is null || loaded.ContentHash != doc.ContentHash) continue;
            TokenizedText other = Tokenizer.Tokenize(loaded.Text, loaded.BodyStart, loaded.BodyEnd);
            ulong[] otherStems = WordStems.Of(other, loaded.Text);
            ContentPrints others = ContentShingles.Located(other, otherStems);
            // Topic word pairs the corpus uses everywhere count for neither, as in a scan (CandidateSearch.EditedPairs).
            bool anchoredOnly = !ContentNearness.Related(content.Hashes, content.Places, others.Hashes, others.Places, _commonContent.Value);
            // The document's own furniture lines too (a teaser line its outlet's pages share that the query lacks).
            string group = GroupOf(owner);
            furniture.Judge([], LineHashes.Distinct(other, loaded.Text), group, doc.Id, query: false);
            byte[]? otherMarks = PageFurniture.Marks(other, loaded.Text, FingerprintsOf(other), group, furniture.Model(), _options.ShingleSize);
            var passages = aligner.AlignEitherWay(grams, aligner.PrepareWithStems(other, loaded.Text, otherStems, otherMarks), anchoredOnly).ConvertAll(p =>
            {
                var (qs, qe) = PassageText.Widen(text, tokens.StartOf(p.AStart), tokens.EndOf(p.AEnd - 1));
                var (ds, de) = PassageText.Widen(loaded.Text, other.StartOf(p.BStart), other.EndOf(p.BEnd - 1));
                return new QueryPassage(qs, qe, ds, de, p.Identity, text[qs..qe], loaded.Text[ds..de]);
            });
            if (passages.Count == 0) continue;
            bool credited = credits.Any(c => CreditLineDetector.SameOutlet(c.Outlet, doc.Metadata.Outlet));
            matches.Add(new QueryMatch(doc.Id, doc.Metadata.Outlet, doc.Metadata.Published, passages, credited, doc.Metadata.Url, doc.Metadata.Title));
        }
        matches.Sort((a, b) =>
        {
            int byChars = b.Passages.Sum(p => p.QueryEnd - p.QueryStart).CompareTo(a.Passages.Sum(p => p.QueryEnd - p.QueryStart));
            return byChars != 0 ? byChars : string.CompareOrdinal(a.Id, b.Id);
        });
        return Attribute(matches, credits) with { Identical = identical };
    }

    /// <summary>
    /// The documents to align with a query, ascending: those sharing a fingerprint that is not furniture
    /// (<paramref name="shared"/>), and those sharing <see cref="ContentNearness.MinShared"/> content fingerprints that are
    /// neither common nor held by more than <see cref="CandidateSearch.ContentMaxDocuments"/> documents, as a scan pairs
    /// documents for reworded passages (a heavy edit may share no verbatim fingerprint at all).
    /// </summary>
    SortedSet<int> Candidates(Dictionary<int, int> shared, ulong[] contentHashes)
    {
        var candidates = new SortedSet<int>(shared.Keys);
        var counts = new Dictionary<int, int>();
        var owners = new List<int>();
        HashSet<ulong> common = _commonContent.Value;
        for (int i = 0; i < contentHashes.Length; i++)
        {
            ulong hash = contentHashes[i];
            if ((i > 0 && hash == contentHashes[i - 1]) || common.Contains(hash)) continue;
            owners.Clear();
            _data.Postings(hash, CandidateSearch.ContentMaxDocuments, owners);
            foreach (int owner in owners) CollectionsMarshal.GetValueRefOrAddDefault(counts, owner, out _)++;
        }
        foreach (var (owner, count) in counts)
            if (count >= ContentNearness.MinShared) candidates.Add(owner);
        return candidates;
    }

    /// <summary>The winnowing fingerprints of a text's tokens, as a scan signs it.</summary>
    Fingerprint[] FingerprintsOf(TokenizedText tokens) =>
        tokens.Count < _options.ShingleSize ? [] : Winnower.Select(Shingler.Hash(tokens.TokenHashes, _options.ShingleSize), _options.WinnowWindow);

    /// <summary>The ids of the indexed documents (other than <paramref name="selfId"/>) with content <paramref name="hash"/>, ordinal order.</summary>
    List<string> SameContent(UInt128 hash, string? selfId)
    {
        var ids = new List<string>();
        for (int i = 0; i < _data.Count; i++)
        {
            if (_data.ContentHash(i) == hash && _data.Document(i).Id is var id && id != selfId) ids.Add(id);
        }
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    static QueryResult Attribute(List<QueryMatch> matches, IReadOnlyList<CreditLine> credits)
    {
        var dated = matches.Where(m => m.Published is not null).OrderBy(m => m.Published).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (dated.Count > 0 && (dated.Count == 1 || dated[1].Published != dated[0].Published))
            return new QueryResult(matches, dated[0].Id, dated[0].Outlet, SourceAttributor.EarliestDate, credits);
        foreach (CreditLine c in credits)
        {
            QueryMatch? owner = matches.FirstOrDefault(m => CreditLineDetector.SameOutlet(m.Outlet, c.Outlet));
            if (owner is not null) return new QueryResult(matches, owner.Id, owner.Outlet, SourceAttributor.CreditLineBasis, credits);
        }
        if (credits.Count > 0) return new QueryResult(matches, null, credits[0].Outlet, SourceAttributor.CreditLineBasis, credits);
        return new QueryResult(matches, null, null, SourceAttributor.Undetermined, credits);
    }
}
