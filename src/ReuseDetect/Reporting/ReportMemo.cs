namespace ReuseDetect.Reporting;

/// <summary>
/// What the report stage of one scan leaves for the next scan of the same detector (<see cref="Pipeline.ReuseDetector.KeepIndex"/>,
/// the <c>watch</c> worker's): the member quotes of each document, by the content they were cut from, and the clusters
/// built. A later scan takes a document's quotes from here when its content is the same (instead of reading the file
/// again), and keeps a cluster's or a document entry's object when the new one equals it in everything (so the writers'
/// per-cluster and per-document bytes, <see cref="ReportFragments"/>, are reused). Only exact matches are taken, so the report is the same as without it.
/// Each scan replaces what it found with what it used, so what is kept follows the folder: no more than one report's
/// quotes and clusters.
/// </summary>
sealed class ReportMemo
{
    /// <summary>One document's quotes: the content hash they were cut from, and the quote of each span.</summary>
    internal sealed record Quoted(UInt128 ContentHash, Dictionary<(int Start, int End), string> Quotes);

    Dictionary<string, Quoted> _quotes = new(StringComparer.Ordinal);
    readonly ById<ReportCluster> _clusters = new(c => c.Id);
    // The last scan's document entries, in id order (as the report lists them).
    List<ReportDocument> _documents = [];

    /// <summary>
    /// The quotes of document <paramref name="id"/> at <paramref name="spans"/> when the last scan cut every one of them from
    /// the same content (<paramref name="contentHash"/>); null otherwise.
    /// </summary>
    internal Dictionary<(int Start, int End), string>? Quotes(string id, UInt128 contentHash, List<(int Start, int End)> spans)
    {
        if (!Volatile.Read(ref _quotes).TryGetValue(id, out Quoted? kept) || kept.ContentHash != contentHash) return null;
        foreach ((int, int) span in spans)
            if (!kept.Quotes.ContainsKey(span)) return null;
        if (kept.Quotes.Count == spans.Count) return kept.Quotes;
        // Only the spans in use now, so that spans of clusters gone are not kept forever.
        var map = new Dictionary<(int, int), string>(spans.Count);
        foreach ((int, int) span in spans) map.TryAdd(span, kept.Quotes[span]);
        return map;
    }

    /// <summary>Replaces the kept quotes by this scan's.</summary>
    internal void KeepQuotes(Dictionary<string, Quoted> quotes) => Volatile.Write(ref _quotes, quotes);

    /// <summary>The last scan's cluster with id <paramref name="id"/>, if any.</summary>
    internal ReportCluster? Cluster(string id) => _clusters.Get(id);

    /// <summary>Replaces the kept clusters by this scan's.</summary>
    internal void KeepClusters(IEnumerable<ReportCluster> clusters) => _clusters.Keep(clusters);

    /// <summary>
    /// Puts in <paramref name="documents"/> (in ascending ordinal order of their ids) the last scan's entry for each entry
    /// equal to it in everything, then keeps them for the next scan. Both lists in id order, they are matched in one walk
    /// of the two, without hashing an id (a rescan of 19,043 documents hashed each twice).
    /// </summary>
    internal void KeepDocuments(List<ReportDocument> documents)
    {
        List<ReportDocument> last = _documents;
        for (int i = 0, j = 0; i < documents.Count && j < last.Count;)
        {
            int c = string.CompareOrdinal(documents[i].Id, last[j].Id);
            if (c < 0) i++;
            else if (c > 0) j++;
            else
            {
                if (SameDocument(last[j], documents[i])) documents[i] = last[j];
                i++;
                j++;
            }
        }
        _documents = [.. documents];
    }

    /// <summary>The last scan's objects of one kind by id (the first of an id), replaced by each scan's.</summary>
    sealed class ById<T>(Func<T, string> idOf) where T : class
    {
        Dictionary<string, T> _last = new(StringComparer.Ordinal);

        public T? Get(string id) => Volatile.Read(ref _last).GetValueOrDefault(id);

        public void Keep(IEnumerable<T> items)
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (T item in items) map.TryAdd(idOf(item), item);
            Volatile.Write(ref _last, map);
        }
    }

    /// <summary>Whether <paramref name="kept"/> and <paramref name="built"/> are the same document entry in every field (lists by their items).</summary>
    internal static bool SameDocument(ReportDocument kept, ReportDocument built) =>
        kept.Id == built.Id && kept.Path == built.Path && kept.Outlet == built.Outlet && kept.Published == built.Published
        && kept.Title == built.Title && kept.Url == built.Url && kept.Encoding == built.Encoding && kept.Length == built.Length
        && kept.BodyStart == built.BodyStart && kept.Tokens == built.Tokens && kept.ReusedChars == built.ReusedChars
        && kept.ReusedFraction.Equals(built.ReusedFraction) && kept.InternalRepeatChars == built.InternalRepeatChars
        && kept.BoilerplateChars == built.BoilerplateChars && kept.SharedWithCount == built.SharedWithCount && kept.Error == built.Error
        && kept.SharedWith.SequenceEqual(built.SharedWith) && kept.Credits.SequenceEqual(built.Credits)
        && kept.Warnings.SequenceEqual(built.Warnings, StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="kept"/> and <paramref name="built"/> are the same cluster in every field but
    /// <see cref="ReportCluster.Words"/>, which follows from the members' texts (equal when the rest is).
    /// </summary>
    internal static bool SameButWords(ReportCluster kept, ReportCluster built) =>
        kept.Id == built.Id && kept.Kind == built.Kind && kept.Boilerplate == built.Boilerplate && kept.Documents == built.Documents
        && kept.MinIdentity.Equals(built.MinIdentity) && kept.Uncredited == built.Uncredited && kept.Origin == built.Origin
        && kept.Source == built.Source && kept.Outlets.SequenceEqual(built.Outlets, StringComparer.Ordinal)
        && kept.Members.SequenceEqual(built.Members) && kept.Alignments.SequenceEqual(built.Alignments);
}
