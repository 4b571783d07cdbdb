using ReuseDetect.Ingestion;

namespace ReuseDetect.Attribution;

/// <summary>
/// Which documents come from the same place, for learning what recurs on one site's pages (headers, footers,
/// sign-offs, widgets) and for telling a site's own footer from a credit: the outlet when the metadata names one, else
/// the host of the document's URL, else its folder. Keys carry their kind (<c>outlet:</c>, <c>host:</c>,
/// <c>folder:</c>), so the three never mix.
/// </summary>
static class SourceGroups
{
    /// <summary>The group key of a document.</summary>
    public static string Key(string id, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Outlet != DocumentMetadata.UnknownOutlet && CreditLineDetector.OutletKey(metadata.Outlet) is { Length: > 0 } outlet)
            return "outlet:" + outlet;
        return OutletNames.FromUrl(metadata.Url) is { } host ? "host:" + host : "folder:" + Folder(id);
    }

    /// <summary>True when the group was inferred (from a URL host or a folder) rather than named by metadata.</summary>
    public static bool IsInferred(string key) => !key.StartsWith("outlet:", StringComparison.Ordinal);

    /// <summary>The folder of a document id ("bbc/tech/001.txt" → "bbc/tech"; a JSONL record "x/feed.jsonl#7" → "x").</summary>
    public static string Folder(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        int hash = id.IndexOf('#', StringComparison.Ordinal);
        ReadOnlySpan<char> path = hash >= 0 ? id.AsSpan(0, hash) : id;
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash].ToString();
    }
}
