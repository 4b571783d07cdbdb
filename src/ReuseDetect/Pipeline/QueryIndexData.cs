using ReuseDetect.Candidates;
using ReuseDetect.Internal;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Pipeline;

/// <summary>
/// What a <see cref="ReuseIndex"/> reads: the indexed documents, the fingerprint postings as two parallel spans (hashes
/// ascending, owners indexing the documents) and the names credits are resolved against. A query touches only the
/// postings of its own fingerprints and the documents that share them, so a backing store need not decode the rest
/// (the store's <c>query.idx</c> serves them straight from the file's bytes). This is the seam between the engine and
/// a store that keeps the index (as <see cref="IScanCache"/> is for scans).
/// </summary>
public abstract class QueryIndexData
{
    /// <summary>Indexed documents.</summary>
    public abstract int Count { get; }

    /// <summary>
    /// Appends to <paramref name="owners"/> the document of each posting of <paramref name="hash"/>, in posting order,
    /// unless there are more than <paramref name="most"/> (a common fingerprint, which is no evidence of reuse).
    /// </summary>
    /// <exception cref="InvalidDataException">The postings read from a file are damaged.</exception>
    public abstract void Postings(ulong hash, int most, List<int> owners);

    /// <summary>
    /// The outlet names of the corpus that a credit of the query may name (known outlets and URL hosts, distinct):
    /// all that <see cref="Attribution.CreditResolver.ForOutlets"/> needs to judge a query's credits.
    /// </summary>
    public abstract IReadOnlyList<string> OutletNames { get; }

    /// <summary>
    /// The corpus's common words (stem hashes, see <see cref="CommonWordsOf"/>): a query's match must rest on other words,
    /// as a scan's does. Empty when the index does not know them.
    /// </summary>
    public virtual IReadOnlyCollection<ulong> CommonWords => [];

    /// <summary>The words (stem hashes) a large share of documents use, from each document's distinct stems, as a scan learns them.</summary>
    public static ulong[] CommonWordsOf(IReadOnlyList<ulong[]> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        ulong[] common = [.. Attribution.BoilerplateLearner.CommonWordsOf(words)];
        NumberSort.Sort(common.AsSpan());
        return common;
    }

    /// <summary>
    /// The corpus's common content fingerprints (see <see cref="CommonContentOf"/>): topic word pairs that count for no
    /// query's reworded candidate, as they count for no scan's. Empty when the index does not know them.
    /// </summary>
    public virtual IReadOnlyCollection<ulong> CommonContent => [];

    /// <summary>
    /// The content fingerprints held by more documents than a scan pairs documents by (topic word pairs such as "interest
    /// rates"), ascending, from each document's content fingerprints (ascending, repeated for each place).
    /// </summary>
    public static ulong[] CommonContentOf(IReadOnlyList<ulong[]> contentFingerprints)
    {
        ArgumentNullException.ThrowIfNull(contentFingerprints);
        // Each document's distinct fingerprints in one array of the greatest count, sorted where they lie.
        long total = 0;
        foreach (ulong[] hashes in contentFingerprints) total += hashes.Length;
        ulong[] all = new ulong[total];
        int count = 0;
        foreach (ulong[] hashes in contentFingerprints)
            for (int i = 0; i < hashes.Length; i = SortedRuns.End(hashes, i)) all[count++] = hashes[i];
        Span<ulong> sorted = all.AsSpan(0, count);
        RadixSort.Sort(sorted);
        var common = new List<ulong>();
        for (int i = 0; i < sorted.Length;)
        {
            int j = SortedRuns.End(sorted, i);
            if (j - i > CandidateSearch.ContentMaxDocuments) common.Add(sorted[i]);
            i = j;
        }
        return [.. common];
    }

    /// <summary>
    /// Those of <paramref name="candidates"/> that are common content fingerprints (as <see cref="CommonContentOf"/> tells
    /// them), ascending: what an index updated in place counts again, knowing the rest kept its standing. A fingerprint's
    /// holders are read from the index's postings (<paramref name="hashes"/> ascending, <paramref name="owners"/>
    /// ascending within a hash): the owners that list it among their content fingerprints (<paramref name="contentOf"/>),
    /// each once; the postings mix fingerprints, lines and content, and a document may post a hash twice.
    /// </summary>
    public static ulong[] CommonContentAmong(ulong[] candidates, ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> owners, Func<int, ulong[]?> contentOf)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(contentOf);
        Array.Sort(candidates);
        var common = new List<ulong>();
        for (int c = 0; c < candidates.Length; c++)
        {
            ulong hash = candidates[c];
            if (c > 0 && candidates[c - 1] == hash) continue;
            int at = Internal.SortedRuns.Start(hashes, hash);
            // Counted until the count is past the cap (a common fingerprint has hundreds of holders).
            int holders = 0;
            for (int i = at; i < hashes.Length && hashes[i] == hash && holders <= CandidateSearch.ContentMaxDocuments; i++)
            {
                if (i > at && owners[i] == owners[i - 1]) continue;
                if (contentOf(owners[i]).AsSpan().Contains(hash)) holders++;
            }
            if (holders > CandidateSearch.ContentMaxDocuments) common.Add(hash);
        }
        return [.. common];
    }

    /// <summary>The document at <paramref name="index"/>.</summary>
    public abstract IndexedDocument Document(int index);

    /// <summary>The content hash of the document at <paramref name="index"/> (without reading the rest of it).</summary>
    public abstract UInt128 ContentHash(int index);

    /// <summary>The names a credit may resolve to: each known outlet and URL host of <paramref name="metadata"/>, in order of first appearance.</summary>
    public static List<string> OutletNamesOf(IEnumerable<DocumentMetadata> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (DocumentMetadata m in metadata)
        {
            if (m.Outlet != DocumentMetadata.UnknownOutlet && seen.Add(m.Outlet)) names.Add(m.Outlet);
            if (Ingestion.OutletNames.FromUrl(m.Url) is { } host && seen.Add(host)) names.Add(host);
        }
        return names;
    }

    /// <summary>
    /// Adds the postings of document <paramref name="owner"/>: each of its fingerprint and line hashes (a query pairs
    /// documents by fingerprints, and tells an outlet's furniture by both, as a scan learns it), and each of its distinct
    /// content fingerprints once (how a query finds a heavy edit that shares no verbatim fingerprint). The three families
    /// share the postings: 64-bit hashes of different things.
    /// </summary>
    public static void AddPostings(PostingList postings, int owner, IEnumerable<ulong> fingerprints, IEnumerable<ulong> lines,
        ulong[] contentFingerprints)
    {
        ArgumentNullException.ThrowIfNull(postings);
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(contentFingerprints);
        foreach (ulong h in fingerprints) postings.Add(h, owner);
        foreach (ulong h in lines) postings.Add(h, owner);
        for (int i = 0; i < contentFingerprints.Length; i = SortedRuns.End(contentFingerprints, i)) postings.Add(contentFingerprints[i], owner);
    }

    /// <summary>The postings (hash, owner) sorted by hash, then owner, as the two parallel arrays an index keeps.</summary>
    public static (ulong[] Hashes, int[] Owners) Sorted(PostingList postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        postings.Sort();
        int n = postings.Count;
        return n == postings.Hashes.Length ? (postings.Hashes, postings.Owners) : (postings.Hashes[..n], postings.Owners[..n]);
    }
}

/// <summary>
/// Postings (hash, owner) gathered for an index, as the two parallel arrays it keeps: they grow as postings are added (a
/// caller that knows how many are coming gives the capacity, and nothing is copied), then are sorted where they lie.
/// The first <see cref="Count"/> items of <see cref="Hashes"/> and <see cref="Owners"/> are the postings.
/// </summary>
public sealed class PostingList(int capacity = 0)
{
    ulong[] _hashes = capacity == 0 ? [] : new ulong[capacity];
    int[] _owners = capacity == 0 ? [] : new int[capacity];

    /// <summary>Number of postings.</summary>
    public int Count { get; private set; }

    /// <summary>The hashes; the first <see cref="Count"/> are the postings'.</summary>
    public ulong[] Hashes => _hashes;

    /// <summary>The owners, beside the hashes.</summary>
    public int[] Owners => _owners;

    /// <summary>Adds the posting (<paramref name="hash"/>, <paramref name="owner"/>).</summary>
    public void Add(ulong hash, int owner)
    {
        if (Count == _hashes.Length)
        {
            int grown = Math.Max(16, 2 * Count);
            Array.Resize(ref _hashes, grown);
            Array.Resize(ref _owners, grown);
        }
        _hashes[Count] = hash;
        _owners[Count++] = owner;
    }

    /// <summary>
    /// Sorts the postings by hash, then owner (radix, not comparisons: millions of postings at every commit of the store,
    /// when the query index is written).
    /// </summary>
    public void Sort()
    {
        RadixSort.Sort(_hashes.AsSpan(0, Count), _owners.AsSpan(0, Count));
        RadixSort.SortRuns(_hashes.AsSpan(0, Count), _owners.AsSpan(0, Count));
    }
}

/// <summary><see cref="QueryIndexData"/> over documents and postings held in memory.</summary>
sealed class InMemoryIndexData : QueryIndexData
{
    readonly IReadOnlyList<IndexedDocument> _documents;
    readonly ulong[] _hashes;
    readonly int[] _owners;
    readonly Lazy<List<string>> _outletNames;
    readonly IReadOnlyCollection<ulong> _commonWords, _commonContent;

    public InMemoryIndexData(IReadOnlyList<IndexedDocument> documents, ulong[] hashes, int[] owners, IReadOnlyCollection<ulong>? commonWords = null,
        IReadOnlyCollection<ulong>? commonContent = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentNullException.ThrowIfNull(owners);
        if (hashes.Length != owners.Length) throw new ArgumentException("Postings arrays differ in length.", nameof(owners));
        _commonWords = commonWords ?? [];
        _commonContent = commonContent ?? [];
        _documents = documents;
        _hashes = hashes;
        _owners = owners;
        _outletNames = new(() => OutletNamesOf(documents.Select(d => d.Metadata)));
    }

    public override int Count => _documents.Count;

    public override void Postings(ulong hash, int most, List<int> owners)
    {
        int first = Internal.SortedRuns.Start(_hashes, hash);
        if (first == _hashes.Length || _hashes[first] != hash) return;
        int end = Internal.SortedRuns.End(_hashes, first);
        if (end - first <= most) owners.AddRange(_owners.AsSpan(first, end - first));
    }

    public override IReadOnlyList<string> OutletNames => _outletNames.Value;

    public override IReadOnlyCollection<ulong> CommonWords => _commonWords;

    public override IReadOnlyCollection<ulong> CommonContent => _commonContent;

    public override IndexedDocument Document(int index) => _documents[index];

    public override UInt128 ContentHash(int index) => _documents[index].ContentHash;
}
