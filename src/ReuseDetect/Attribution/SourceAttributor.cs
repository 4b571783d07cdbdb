using ReuseDetect.Clustering;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Attribution;

/// <summary>
/// What attribution needs of a document: its id, metadata, its resolved credit lines (<see cref="CreditResolver"/>) and
/// whether its source group has page furniture (a site's page; a bare wire copy has none).
/// </summary>
sealed record AttributionDocument(string Id, DocumentMetadata Metadata, IReadOnlyList<CreditLine> Credits, bool HasFurniture = false)
{
    /// <summary>
    /// The credit-line candidates found in the text before resolution: among them the datelines and sign-offs by which
    /// an agency's own page names itself (no credit of anyone, but evidence of where the story comes from).
    /// </summary>
    public IReadOnlyList<CreditLine> Candidates { get; init; } = [];
}

/// <summary>The origin of a cluster: a member document (by index) or an outlet outside the corpus, the basis and its evidence.</summary>
sealed record Origin(int? Document, string? Outlet, string Basis, string? Evidence);

/// <summary>The agency or outlet the members credit (possibly outside the corpus), and the evidence.</summary>
sealed record CreditedSource(string Name, string Evidence);

/// <summary>Whether a member credits the cluster's source or origin, and the credit line that does.</summary>
readonly record struct MemberCredit(bool? Credited, string? Evidence);

/// <summary>A cluster with its kind, boilerplate flag, origin, credited source and member credits (same order as the members).</summary>
sealed record AttributedCluster(SpanCluster Cluster, string Kind, bool Boilerplate, Origin Origin, IReadOnlyList<MemberCredit> Credits)
{
    /// <summary>The agency or outlet the members credit, or null when none does.</summary>
    public CreditedSource? Source { get; init; }
}

/// <summary>
/// Two-level attribution of each cluster, each with its evidence.
/// <list type="number">
/// <item><b>Source</b>: the agency or outlet the members credit (credit lines, datelines, sign-offs). A credit naming an
/// outlet whose own page in the cluster credits someone else is followed to that name (a repost of a repost credits the
/// page it copied, which credits the wire). The name most members come back to wins.</item>
/// <item><b>Origin</b>: the member the others derive from. (1) A member published by the source (its outlet, URL host),
/// or the source's own wire copy: a member without an outlet, site furniture or another owner's copyright line that
/// carries the source's dateline or sign-off — the earliest dated of them, else the one with the source's dateline, else
/// the one carrying most of the passage. (2) When the source is credited but
/// none of the members is its copy, the origin is the source, outside the corpus: the earliest copy found is then a
/// repost like the others. (3) With nobody credited, the unique earliest publication date. (4) Otherwise undetermined.</item>
/// <item><b>Credited</b>: a member (not the origin) is credited when its document names the source or the origin's outlet.
/// An outlet's own name and footer never credit anyone (<see cref="CreditResolver"/>).</item>
/// </list>
/// A cluster whose members all lie in one document is an internal repeat. A cluster spread over at least
/// <c>boilerplateMinDocuments</c> documents of one known outlet and no other is that outlet's boilerplate.
/// </summary>
sealed class SourceAttributor(int boilerplateMinDocuments)
{
    /// <summary>Basis names used in reports.</summary>
    public const string EarliestDate = "earliest-date", CreditLineBasis = "credit-line", SameDocument = "same-document", Undetermined = "undetermined",
        OutletBoilerplate = "outlet-boilerplate", SourceOutlet = "source-outlet", WireCopy = "wire-copy";

    /// <summary>
    /// Attributes clusters of learned boilerplate (<see cref="BoilerplateLearner"/>): boilerplate of the outlet that most
    /// members belong to, no member credited or uncredited.
    /// </summary>
    public IEnumerable<AttributedCluster> AttributeBoilerplate(IReadOnlyList<SpanCluster> clusters, IReadOnlyList<AttributionDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(documents);
        foreach (SpanCluster c in clusters)
        {
            string outlet = c.Members.GroupBy(m => documents[m.Document].Metadata.Outlet, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            yield return new AttributedCluster(c, "passage", true, new Origin(null, outlet, OutletBoilerplate, null),
                [.. c.Members.Select(_ => new MemberCredit(null, null))]);
        }
    }

    /// <summary>Attributes every cluster, each on its own (on at most <paramref name="parallelism"/> threads; the result is in cluster order).</summary>
    public List<AttributedCluster> Attribute(IReadOnlyList<SpanCluster> clusters, IReadOnlyList<AttributionDocument> documents, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(documents);
        var result = new AttributedCluster[clusters.Count];
        Parallel.For(0, clusters.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => result[i] = Attribute(clusters[i], documents));
        return [.. result];
    }

    AttributedCluster Attribute(SpanCluster c, IReadOnlyList<AttributionDocument> documents)
    {
        int[] docs = [.. c.Members.Select(m => m.Document).Distinct()];
        if (docs.Length == 1)
        {
            var origin1 = new Origin(docs[0], documents[docs[0]].Metadata.Outlet, SameDocument, null);
            return new AttributedCluster(c, "internal", false, origin1, [.. c.Members.Select(_ => new MemberCredit(null, null))]);
        }
        CreditedSource? source = SourceOf(c, docs, documents);
        Origin origin = OriginOf(c, docs, documents, source);
        var credits = c.Members.Select(m => CreditOf(m.Document, origin, source, documents)).ToList();
        return new AttributedCluster(c, "passage", IsBoilerplate(docs, documents), origin, credits) { Source = source };
    }

    bool IsBoilerplate(int[] docs, IReadOnlyList<AttributionDocument> documents)
    {
        if (docs.Length < boilerplateMinDocuments) return false;
        string outlet = documents[docs[0]].Metadata.Outlet;
        return outlet != DocumentMetadata.UnknownOutlet
            && docs.All(d => string.Equals(documents[d].Metadata.Outlet, outlet, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The name the members credit: each member's credits followed through the pages of the cluster they name (a page of
    /// outlet O that credits X sends a credit of O on to X), the name credited by most members, then by most per-story
    /// lines (datelines, sign-offs), then the first in ordinal order.
    /// </summary>
    static CreditedSource? SourceOf(SpanCluster cluster, int[] docs, IReadOnlyList<AttributionDocument> documents)
    {
        var votes = new Dictionary<string, (HashSet<int> Members, int Wire, string Evidence)>(StringComparer.OrdinalIgnoreCase);
        int? earliest = Earliest(docs, documents);
        void Vote(int d, CreditLine c, string name)
        {
            if (!votes.TryGetValue(name, out var v)) votes[name] = v = ([], 0, c.Evidence);
            v.Members.Add(d);
            votes[name] = (v.Members, v.Wire + (PerStory(c.Kind) ? 1 : 0), v.Evidence);
        }
        foreach (int d in docs)
        {
            foreach (CreditLine c in documents[d].Credits) Vote(d, c, Follow(c.Outlet, cluster, docs, documents, earliest));
            // An agency's own page carrying its own dateline or sign-off names where the story comes from.
            foreach (CreditLine c in documents[d].Candidates)
                if (c.Kind is CreditKinds.Dateline or CreditKinds.AgencyDateline or CreditKinds.SignOff && IsPublishedBy(documents[d], c.Outlet))
                    Vote(d, c, c.Outlet);
        }
        if (votes.Count == 0) return null;
        var best = votes.OrderByDescending(v => v.Value.Members.Count).ThenByDescending(v => v.Value.Wire)
            .ThenBy(v => v.Key, StringComparer.Ordinal).First();
        return new CreditedSource(best.Key, best.Value.Evidence);
    }

    /// <summary>
    /// Follows a credited name through the cluster's pages: a member of that outlet that credits another name passes it
    /// on. One that credits nobody passes it on to the publisher of the cluster's unique earliest dated member
    /// (<paramref name="earliest"/>) when every page of that outlet in the cluster is dated later and carries text that
    /// member carries (<see cref="PublishedLater"/>): the passage was published before the outlet carried it, so the
    /// outlet reposted it without saying so (a repost of a repost that credits the middle page is then traced to the
    /// first).
    /// </summary>
    static string Follow(string name, SpanCluster cluster, int[] docs, IReadOnlyList<AttributionDocument> documents, int? earliest)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { name };
        while (true)
        {
            string? next = null;
            foreach (int d in docs)
            {
                if (!IsPublishedBy(documents[d], name)) continue;
                foreach (CreditLine c in documents[d].Credits)
                    if (!CreditLineDetector.SameOutlet(c.Outlet, name)) { next = c.Outlet; break; }
                if (next is not null) break;
            }
            if (next is null && earliest is int first && PublishedLater(name, first, cluster, docs, documents)) next = PublisherOf(documents[first]);
            if (next is null || !seen.Add(next)) return name;
            name = next;
        }
    }

    /// <summary>
    /// True when <paramref name="name"/> has pages in the cluster, the member <paramref name="first"/> is not one of
    /// them, and each of them is dated after it and aligned with it over at least half of the text it carries in the
    /// cluster: a page could have copied the first member only if that member carries its text (a cluster that also
    /// holds a paragraph of another, older story does not send the credit to that story).
    /// </summary>
    static bool PublishedLater(string name, int first, SpanCluster cluster, int[] docs, IReadOnlyList<AttributionDocument> documents)
    {
        if (IsPublishedBy(documents[first], name) || documents[first].Metadata.Published is not { } firstDate) return false;
        bool any = false;
        foreach (int d in docs)
        {
            if (!IsPublishedBy(documents[d], name)) continue;
            if (documents[d].Metadata.Published is not { } date || date <= firstDate || 2L * AlignedWith(cluster, d, first) < Carried(cluster, d)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>The longest stretch of <paramref name="page"/>'s text a link of the cluster aligns with <paramref name="other"/>.</summary>
    static long AlignedWith(SpanCluster cluster, int page, int other)
    {
        long most = 0;
        foreach (PassageLink l in cluster.Links)
        {
            if (l.DocA == page && l.DocB == other) most = Math.Max(most, l.AEnd - l.AStart);
            else if (l.DocB == page && l.DocA == other) most = Math.Max(most, l.BEnd - l.BStart);
        }
        return most;
    }

    /// <summary>Characters of <paramref name="doc"/> the cluster's members hold.</summary>
    static long Carried(SpanCluster cluster, int doc) => cluster.Members.Where(m => m.Document == doc).Sum(m => (long)m.Length);

    /// <summary>The outlet that published a document: its metadata outlet, else its URL host; null when neither is known.</summary>
    static string? PublisherOf(AttributionDocument doc) =>
        doc.Metadata.Outlet != DocumentMetadata.UnknownOutlet ? doc.Metadata.Outlet : OutletNames.FromUrl(doc.Metadata.Url);

    static Origin OriginOf(SpanCluster cluster, int[] docs, IReadOnlyList<AttributionDocument> documents, CreditedSource? source)
    {
        if (source is not null)
        {
            // (1) The source's own page, or its bare wire copy (no outlet, no site furniture, its dateline or sign-off).
            var own = docs.Where(d => IsPublishedBy(documents[d], source.Name)).ToList();
            string basis = SourceOutlet;
            if (own.Count == 0)
            {
                own = [.. docs.Where(d => IsBareWireCopy(documents[d], source.Name))];
                basis = WireCopy;
            }
            if (own.Count > 0)
            {
                int pick = Earliest(own, documents) ?? (basis == WireCopy ? Nearest(own, cluster, documents, source.Name) : Fullest(own, cluster));
                return new Origin(pick, documents[pick].Metadata.Outlet, basis, source.Evidence);
            }
            // (2) Credited but not in the corpus: the members are reposts of it.
            return new Origin(null, source.Name, CreditLineBasis, source.Evidence);
        }
        // (3) Nobody credited: the unique earliest publication date.
        if (Earliest([.. docs], documents) is int first)
        {
            DateTimeOffset published = documents[first].Metadata.Published!.Value;
            return new Origin(first, documents[first].Metadata.Outlet, EarliestDate, $"published {published:yyyy-MM-dd}");
        }
        return new Origin(null, null, Undetermined, null);
    }

    /// <summary>The member with the unique earliest publication date, or null (no date, or a tie: a tie says nothing).</summary>
    static int? Earliest(IReadOnlyList<int> docs, IReadOnlyList<AttributionDocument> documents)
    {
        var dated = docs.Where(d => documents[d].Metadata.Published is not null)
            .OrderBy(d => documents[d].Metadata.Published).ThenBy(d => d).ToList();
        if (dated.Count == 0) return null;
        if (dated.Count > 1 && documents[dated[1]].Metadata.Published == documents[dated[0]].Metadata.Published) return null;
        return dated[0];
    }

    /// <summary>
    /// The undated bare copy nearest the wire: one that opens with the agency's dateline (a repost keeps the sign-off more
    /// often than the opening line; the agency's copy has both), then the one carrying most of the passage, then the first
    /// in document order. Without this the folder name decided between a bare copy with the dateline and one without.
    /// </summary>
    static int Nearest(List<int> docs, SpanCluster cluster, IReadOnlyList<AttributionDocument> documents, string agency) =>
        docs.OrderByDescending(d => documents[d].Credits.Any(c => c.Kind is CreditKinds.Dateline or CreditKinds.AgencyDateline
                && CreditLineDetector.SameOutlet(c.Outlet, agency)))
            .ThenByDescending(d => Carried(cluster, d)).ThenBy(d => d).First();

    /// <summary>The member carrying most of the passage (ties: first in document order).</summary>
    static int Fullest(List<int> docs, SpanCluster cluster) =>
        docs.OrderByDescending(d => Carried(cluster, d)).ThenBy(d => d).First();

    /// <summary>True when the document is published by <paramref name="name"/>: its outlet or URL host is that name.</summary>
    static bool IsPublishedBy(AttributionDocument doc, string name) =>
        (doc.Metadata.Outlet != DocumentMetadata.UnknownOutlet && CreditLineDetector.SameOutlet(doc.Metadata.Outlet, name))
        || (OutletNames.FromUrl(doc.Metadata.Url) is { } host && CreditLineDetector.SameOutlet(host, name));

    /// <summary>
    /// True for a bare copy of <paramref name="agency"/>'s wire: no outlet of its own, no site furniture, no copyright
    /// line of another owner ("Copyright 2024 Local Media Group": a page of that owner's site, though the only one in the
    /// corpus, so no furniture was learned), and the agency's dateline or sign-off (a site that reposts with the dateline
    /// kept is a page of its own site).
    /// </summary>
    static bool IsBareWireCopy(AttributionDocument doc, string agency) =>
        doc.Metadata.Outlet == DocumentMetadata.UnknownOutlet && OutletNames.FromUrl(doc.Metadata.Url) is null && !doc.HasFurniture
        && !doc.Candidates.Any(c => c.Kind == CreditKinds.Copyright && !CreditLineDetector.SameOutlet(c.Outlet, agency))
        && doc.Credits.Any(c => PerStory(c.Kind) && c.Kind != CreditKinds.Reports && CreditLineDetector.SameOutlet(c.Outlet, agency));

    /// <summary>Lines that belong to the story, not to a page: datelines, sign-offs, agency reports.</summary>
    static bool PerStory(string kind) =>
        kind is CreditKinds.Dateline or CreditKinds.AgencyDateline or CreditKinds.SignOff or CreditKinds.Reports;

    static MemberCredit CreditOf(int doc, Origin origin, CreditedSource? source, IReadOnlyList<AttributionDocument> documents)
    {
        if (origin.Document == doc) return new MemberCredit(null, null);
        foreach (CreditLine c in documents[doc].Credits)
        {
            if ((source is not null && CreditLineDetector.SameOutlet(c.Outlet, source.Name))
                || (origin.Outlet is { } outlet && outlet != DocumentMetadata.UnknownOutlet && CreditLineDetector.SameOutlet(c.Outlet, outlet)))
                return new MemberCredit(true, c.Evidence);
        }
        return new MemberCredit(false, null);
    }
}
