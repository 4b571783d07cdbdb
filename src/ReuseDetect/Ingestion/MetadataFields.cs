using System.Globalization;

namespace ReuseDetect.Ingestion;

/// <summary>
/// A document's title, date, outlet and URL from the named fields of a sidecar, a JSON record or Markdown front matter,
/// whatever a publisher's export calls them: keys compare without case, underscores, hyphens, dots or spaces
/// (<c>published_date</c> = <c>publishedDate</c> = <c>published-date</c>), and where a record has several keys for one
/// thing, the most specific wins whatever their order (<c>published</c> over <c>date</c> over <c>created</c>; <c>outlet</c>
/// over <c>publisher</c> over <c>source</c>, which a record may also use for the agency it credits).
/// </summary>
static class MetadataFields
{
    // Each list from the most specific key to the least.
    static readonly string[] s_title = ["title", "headline"];

    static readonly string[] s_date =
    [
        "published", "datepublished", "publisheddate", "publishedat", "publishedon", "publishedtime", "publicationdate",
        "publishdate", "publishtime", "pubdate", "firstpublished", "date", "dateposted", "posted", "postedat", "datetime",
        "created", "createdat", "datecreated", "time", "timestamp",
    ];

    static readonly string[] s_outlet =
    [
        "outlet", "outletname", "sitename", "site", "publisher", "publishername", "publication", "newspaper", "media",
        "sourcename", "source",
    ];

    static readonly string[] s_url = ["url", "canonical", "canonicalurl", "permalink", "link", "articleurl", "sourceurl", "uri"];

    /// <summary>The key as compared: lower case, without underscores, hyphens, dots or spaces.</summary>
    internal static string Normalize(string key)
    {
        Span<char> buffer = key.Length <= 128 ? stackalloc char[key.Length] : new char[key.Length];
        int n = 0;
        foreach (char c in key)
            if (c is not ('_' or '-' or '.' or ' ')) buffer[n++] = char.ToLowerInvariant(c);
        return new string(buffer[..n]);
    }

    /// <summary>
    /// <paramref name="metadata"/> with each of title, date, outlet and URL taken from the most specific of
    /// <paramref name="fields"/> that gives a usable value (a date that parses, a value that is not blank); what the
    /// fields do not give is kept.
    /// </summary>
    public static DocumentMetadata Apply(DocumentMetadata metadata, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            string v = value.Trim();
            // The first value of a key (as normalized) wins: "published" and "Published" in one record are one field.
            if (v.Length > 0) byKey.TryAdd(Normalize(key), v);
        }
        if (byKey.Count == 0) return metadata;
        if (First(byKey, s_title) is { } title) metadata = metadata with { Title = title };
        foreach (string key in s_date)
            if (byKey.TryGetValue(key, out string? value) && ParseDate(value) is { } date)
            {
                metadata = metadata with { Published = date };
                break;
            }
        if (First(byKey, s_outlet) is { } outlet) metadata = metadata with { Outlet = outlet };
        if (First(byKey, s_url) is { } url) metadata = metadata with { Url = url };
        return metadata;
    }

    static string? First(Dictionary<string, string> byKey, string[] keys)
    {
        foreach (string key in keys)
            if (byKey.TryGetValue(key, out string? value)) return value;
        return null;
    }

    /// <summary>
    /// A date as exports write it: any form <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
    /// reads in the invariant culture (ISO 8601, "March 5, 2024", RFC 1123), <c>yyyyMMdd</c>, or Unix time in seconds or
    /// milliseconds (10 or 13 digits); a time without a zone is UTC. Null when none fits, or the year is before 1900 or
    /// after 2200.
    /// </summary>
    internal static DateTimeOffset? ParseDate(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length == 0) return null;
        DateTimeOffset d;
        if (IsDigits(value))
        {
            if (value.Length == 8 && DateTimeOffset.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d)) return Plausible(d);
            if (value.Length is 10 or 13 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long unix))
                return Plausible(value.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.FromUnixTimeMilliseconds(unix));
            return null;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d) ? Plausible(d) : null;
    }

    static bool IsDigits(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    static DateTimeOffset? Plausible(DateTimeOffset d) => d.Year is >= 1900 and <= 2200 ? d : null;
}
