using ReuseDetect.Clustering;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Attribution;

/// <summary>What attribution needs of a document: its id, metadata and the credit lines found in it.</summary>
public sealed record AttributionDocument(string Id, DocumentMetadata Metadata, IReadOnlyList<CreditLine> Credits);

/// <summary>The likely origin of a cluster: a member document (by index) or an outlet outside the corpus, and the basis.</summary>
public sealed record Origin(int? Document, string? Outlet, string Basis, string? Evidence);

/// <summary>Whether a member credits the origin, and the credit line that does.</summary>
public readonly record struct MemberCredit(bool? Credited, string? Evidence);

/// <summary>A cluster with its kind, boilerplate flag, origin and member credits (same order as the members).</summary>
public sealed record AttributedCluster(SpanCluster Cluster, string Kind, bool Boilerplate, Origin Origin, IReadOnlyList<MemberCredit> Credits);

/// <summary>
/// Decides each cluster's likely origin and whether each member credits it. Order of evidence:
/// (1) the unique earliest publication date among the members; (2) credit lines: an outlet that members credit
/// and that one member belongs to, or else the outlet most credited (an origin outside the corpus);
/// (3) otherwise undetermined. A cluster whose members all lie in one document is an internal repeat.
/// A cluster spread over at least <c>boilerplateMinDocuments</c> documents of one known outlet and no other is that outlet's boilerplate.
/// </summary>
public sealed class SourceAttributor(int boilerplateMinDocuments)
{
    /// <summary>Basis names used in reports.</summary>
    public const string EarliestDate = "earliest-date", CreditLineBasis = "credit-line", SameDocument = "same-document", Undetermined = "undetermined",
        OutletBoilerplate = "outlet-boilerplate";

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

    /// <summary>Attributes every cluster.</summary>
    public List<AttributedCluster> Attribute(IReadOnlyList<SpanCluster> clusters, IReadOnlyList<AttributionDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(documents);
        var result = new List<AttributedCluster>(clusters.Count);
        foreach (SpanCluster c in clusters)
        {
            int[] docs = [.. c.Members.Select(m => m.Document).Distinct()];
            string kind = docs.Length == 1 ? "internal" : "passage";
            Origin origin = docs.Length == 1
                ? new Origin(docs[0], documents[docs[0]].Metadata.Outlet, SameDocument, null)
                : ByDate(docs, documents) ?? ByCredit(docs, documents) ?? new Origin(null, null, Undetermined, null);
            var credits = c.Members.Select(m => CreditOf(m.Document, origin, documents)).ToList();
            result.Add(new AttributedCluster(c, kind, IsBoilerplate(docs, documents), origin, credits));
        }
        return result;
    }

    bool IsBoilerplate(int[] docs, IReadOnlyList<AttributionDocument> documents)
    {
        if (docs.Length < boilerplateMinDocuments) return false;
        string outlet = documents[docs[0]].Metadata.Outlet;
        return outlet != DocumentMetadata.UnknownOutlet
            && docs.All(d => string.Equals(documents[d].Metadata.Outlet, outlet, StringComparison.OrdinalIgnoreCase));
    }

    static Origin? ByDate(int[] docs, IReadOnlyList<AttributionDocument> documents)
    {
        var dated = docs.Where(d => documents[d].Metadata.Published is not null)
            .OrderBy(d => documents[d].Metadata.Published).ThenBy(d => d).ToList();
        if (dated.Count == 0) return null;
        DateTimeOffset first = documents[dated[0]].Metadata.Published!.Value;
        if (dated.Count > 1 && documents[dated[1]].Metadata.Published == first) return null; // a tie says nothing
        var d0 = documents[dated[0]];
        return new Origin(dated[0], d0.Metadata.Outlet, EarliestDate, $"published {first:yyyy-MM-dd}");
    }

    static Origin? ByCredit(int[] docs, IReadOnlyList<AttributionDocument> documents)
    {
        var credited = docs.SelectMany(d => documents[d].Credits.Select(c => (Doc: d, Credit: c)))
            .GroupBy(x => x.Credit.Outlet, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Select(x => x.Doc).Distinct().Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var group in credited)
        {
            // A member that belongs to the credited outlet (and does not itself credit it) is the origin.
            int? owner = docs.Where(d => CreditLineDetector.SameOutlet(documents[d].Metadata.Outlet, group.Key))
                .Cast<int?>().FirstOrDefault();
            if (owner is not null) return new Origin(owner, documents[owner.Value].Metadata.Outlet, CreditLineBasis, group.First().Credit.Evidence);
        }
        if (credited.Count == 0) return null;
        var top = credited[0];
        return new Origin(null, top.First().Credit.Outlet, CreditLineBasis, top.First().Credit.Evidence);
    }

    static MemberCredit CreditOf(int doc, Origin origin, IReadOnlyList<AttributionDocument> documents)
    {
        if (origin.Document == doc || origin.Outlet is null || origin.Basis == SameDocument) return new MemberCredit(null, null);
        foreach (CreditLine c in documents[doc].Credits)
            if (CreditLineDetector.SameOutlet(c.Outlet, origin.Outlet)) return new MemberCredit(true, c.Evidence);
        return new MemberCredit(false, null);
    }
}
