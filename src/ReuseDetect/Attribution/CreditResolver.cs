using ReuseDetect.Ingestion;

namespace ReuseDetect.Attribution;

/// <summary>
/// What credit resolution knows of a document: its id (whose folder groups it with its neighbours when its outlet is
/// unknown), its metadata (outlet, URL, title) and the credit-line candidates found in its text
/// (<see cref="CreditLineDetector.Find"/>).
/// </summary>
readonly record struct CreditDocument(string Id, DocumentMetadata Metadata, IReadOnlyList<CreditLine> Candidates);

/// <summary>
/// Decides, with the whole corpus in view, which credit-line candidates of each document credit someone:
/// <list type="number">
/// <item>a candidate naming the document's own outlet — its metadata outlet, its URL host, or the outlet its title
/// ends with ("… | Daily Courier"), compared by <see cref="CreditLineDetector.SameOutlet"/> — is a self-reference;</item>
/// <item>a <c>copyright</c> line, and a non-agency name from a weak wording (<c>courtesy</c>, <c>source</c>,
/// <c>byline</c>), counts only when it names a curated agency or another outlet present in the corpus;</item>
/// <item>a name printed in the same kind of line in most documents of the document's group (same known outlet, else
/// same URL host, else same folder; at least <see cref="FurnitureMinDocuments"/> documents and over half the group)
/// is the group's furniture — a footer naming itself — unless a curated agency is named with a permission, courtesy,
/// source or republishing wording ("Reposted with permission from RFE/RL" on every page does credit RFE/RL).
/// Datelines, sign-offs and agency reports are per-story and never furniture.</item>
/// </list>
/// Wordings that say the text was taken from X (<c>permission</c>, <c>republished</c>) credit X even outside the
/// corpus. The result for a document depends only on it and on counts over the corpus: deterministic and independent
/// of document order.
/// </summary>
sealed class CreditResolver
{
    /// <summary>Fewest documents of a group that must carry a line for it to be the group's furniture.</summary>
    public const int FurnitureMinDocuments = 3;

    readonly HashSet<string> _outlets = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _groupSizes = new(StringComparer.Ordinal);
    readonly Dictionary<(string Group, string Kind, string Key), int> _lines = [];
    readonly List<Prepared> _prepared = [];

    /// <summary>What resolution derives from one document before looking at the corpus.</summary>
    readonly record struct Prepared(string Group, string[] Own, string[] Keys);

    /// <summary>Learns the corpus: its outlets and, per group, which lines recur.</summary>
    public CreditResolver(IEnumerable<CreditDocument> corpus) : this(corpus as IReadOnlyList<CreditDocument> ?? [.. corpus], null)
    {
    }

    /// <summary>Learns the corpus, each document prepared already when <paramref name="prepared"/> is given (same order).</summary>
    CreditResolver(IReadOnlyList<CreditDocument> corpus, Prepared[]? prepared)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        _prepared.Capacity = corpus.Count;
        var seen = new HashSet<(string, string)>();
        for (int d = 0; d < corpus.Count; d++)
        {
            CreditDocument doc = corpus[d];
            Prepared p = prepared is null ? Prepare(doc) : prepared[d];
            _prepared.Add(p);
            if (doc.Metadata.Outlet != DocumentMetadata.UnknownOutlet) Add(_outlets, CreditLineDetector.OutletKey(doc.Metadata.Outlet));
            if (OutletNames.FromUrl(doc.Metadata.Url) is { } host) Add(_outlets, CreditLineDetector.OutletKey(host));
            _groupSizes[p.Group] = _groupSizes.GetValueOrDefault(p.Group) + 1;
            seen.Clear();
            for (int i = 0; i < p.Keys.Length; i++)
            {
                string kind = doc.Candidates[i].Kind;
                if (PerStory(kind) || p.Keys[i].Length == 0 || !seen.Add((kind, p.Keys[i]))) continue;
                _lines[(p.Group, kind, p.Keys[i])] = _lines.GetValueOrDefault((p.Group, kind, p.Keys[i])) + 1;
            }
        }

        static void Add(HashSet<string> set, string key)
        {
            if (key.Length > 0) set.Add(key);
        }
    }

    /// <summary>
    /// A resolver that knows only the corpus's outlet names (known outlets and URL hosts): all it learns from documents
    /// whose credit-line candidates are not given, so a query against an index need not read every document.
    /// </summary>
    internal static CreditResolver ForOutlets(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var resolver = new CreditResolver([]);
        foreach (string name in names)
        {
            string key = CreditLineDetector.OutletKey(name);
            if (key.Length > 0) resolver._outlets.Add(key);
        }
        return resolver;
    }

    /// <summary>The real credits of every document of <paramref name="documents"/>, in the same order.</summary>
    /// <remarks>
    /// Each document is prepared (its keys found) and resolved on its own, side by side, with at most
    /// <paramref name="parallelism"/> threads (-1: one per core); only the counts the resolver learns are taken in order.
    /// </remarks>
    public static IReadOnlyList<CreditLine>[] ResolveAll(IReadOnlyList<CreditDocument> documents, int parallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var prepared = new Prepared[documents.Count];
        Parallel.For(0, documents.Count, options, d => prepared[d] = Prepare(documents[d]));
        var resolver = new CreditResolver(documents, prepared);
        var result = new IReadOnlyList<CreditLine>[documents.Count];
        Parallel.For(0, documents.Count, options, d => result[d] = resolver.Resolve(documents[d], prepared[d]));
        return result;
    }

    /// <summary>
    /// The real credits of <paramref name="document"/> against the corpus this resolver learnt (the document need not
    /// belong to it: a query text resolves against the index's outlets).
    /// </summary>
    public IReadOnlyList<CreditLine> Resolve(CreditDocument document)
    {
        ArgumentNullException.ThrowIfNull(document.Candidates);
        return Resolve(document, Prepare(document));
    }

    List<CreditLine> Resolve(CreditDocument document, Prepared p)
    {
        var credits = new List<CreditLine>();
        for (int i = 0; i < p.Keys.Length; i++)
        {
            CreditLine c = document.Candidates[i];
            string key = p.Keys[i];
            if (key.Length == 0 || Array.IndexOf(p.Own, key) >= 0) continue; // names the document's own outlet
            bool agency = c.Agency;
            if (Weak(c.Kind) && !agency && !_outlets.Contains(key)) continue;
            if (!PerStory(c.Kind) && !(agency && Sourcing(c.Kind)) && IsFurniture(p.Group, c.Kind, key)) continue;
            credits.Add(c);
        }
        return credits;
    }

    bool IsFurniture(string group, string kind, string key) =>
        _lines.TryGetValue((group, kind, key), out int n) && n >= FurnitureMinDocuments && 2 * n > _groupSizes.GetValueOrDefault(group);

    /// <summary>Lines that belong to one story (datelines, sign-offs, agency reports): never a page's furniture.</summary>
    static bool PerStory(string kind) =>
        kind is CreditKinds.Dateline or CreditKinds.AgencyDateline or CreditKinds.SignOff or CreditKinds.Reports;

    /// <summary>Wordings that credit a non-agency name only when it is an outlet of the corpus.</summary>
    static bool Weak(string kind) =>
        kind is CreditKinds.Copyright or CreditKinds.Courtesy or CreditKinds.Source or CreditKinds.Byline or CreditKinds.Contributed;

    /// <summary>Wordings that say where the text was taken from: an agency named so on every page is still credited.</summary>
    static bool Sourcing(string kind) =>
        kind is CreditKinds.Permission or CreditKinds.Courtesy or CreditKinds.Source or CreditKinds.Republished or CreditKinds.Contributed;

    static Prepared Prepare(CreditDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc.Metadata);
        ArgumentNullException.ThrowIfNull(doc.Candidates);
        var own = new List<string>(3);
        string? outletKey = doc.Metadata.Outlet != DocumentMetadata.UnknownOutlet ? CreditLineDetector.OutletKey(doc.Metadata.Outlet) : null;
        string? host = OutletNames.FromUrl(doc.Metadata.Url);
        foreach (string? key in (string?[])[outletKey, host is null ? null : CreditLineDetector.OutletKey(host), TitleOutletKey(doc.Metadata.Title)])
            if (!string.IsNullOrEmpty(key) && !own.Contains(key)) own.Add(key);
        string group = SourceGroups.Key(doc.Id, doc.Metadata);
        var keys = new string[doc.Candidates.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = CreditLineDetector.OutletKey(doc.Candidates[i].Outlet);
        return new Prepared(group, [.. own], keys);
    }

    static readonly string[] s_titleSeparators = [" | ", " - ", " – ", " — ", " :: "];

    /// <summary>
    /// The key of the outlet a page title ends with ("Putin meets Pashinyan | Daily Courier"): a short capitalised last
    /// segment that is not an agency (a repost may keep the title of the wire story it copied, "… - Reuters").
    /// </summary>
    static string? TitleOutletKey(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        int cut = -1, width = 0;
        foreach (string separator in s_titleSeparators)
        {
            int at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > cut) (cut, width) = (at, separator.Length);
        }
        if (cut <= 0) return null;
        string segment = title[(cut + width)..].Trim();
        if (segment.Length is < 2 or > 40 || !char.IsUpper(segment[0]) || segment.Count(c => c == ' ') > 4) return null;
        if (CreditLineDetector.Canonical(segment) is not { } name || CreditLineDetector.IsKnown(name)) return null;
        return CreditLineDetector.OutletKey(segment);
    }
}
