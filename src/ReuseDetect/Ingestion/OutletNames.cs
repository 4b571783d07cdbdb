namespace ReuseDetect.Ingestion;

/// <summary>Outlet names derived from where a document was published.</summary>
static class OutletNames
{
    static readonly string[] s_hostPrefixes = ["www.", "m.", "amp.", "mobile."];

    /// <summary>
    /// The outlet a URL's host names: lower case, without a leading <c>www.</c>, <c>m.</c>, <c>amp.</c> or
    /// <c>mobile.</c> (<c>https://www.rferl.org/a/x</c> → <c>rferl.org</c>); null when the URL is not absolute http(s).
    /// </summary>
    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        string host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        foreach (string prefix in s_hostPrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.IndexOf('.', prefix.Length) > 0)
            {
                host = host[prefix.Length..];
                break;
            }
        }
        return host.Length == 0 ? null : host;
    }

    /// <summary>Sets the outlet from the URL's host when no outlet is known.</summary>
    public static DocumentMetadata FillFromUrl(DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Outlet == DocumentMetadata.UnknownOutlet && FromUrl(metadata.Url) is { } host ? metadata with { Outlet = host } : metadata;
    }
}
