using ReuseDetect.Clustering;

namespace ReuseDetect.Reporting;

/// <summary>
/// The texts of every cluster member, for the reports: each member document is read once (in parallel) and sliced at its
/// members' spans, instead of keeping every aligned pair's texts from alignment on.
/// </summary>
static class MemberQuotes
{
    /// <summary>
    /// The quote of each of <paramref name="members"/> (of documents 0 to <paramref name="documents"/> - 1), by document
    /// index, start and end (an empty one for a span not among them); <paramref name="text"/>
    /// reads a document's text (null: it cannot be read, or it changed since it was signed, and its members quote nothing).
    /// With a <paramref name="memo"/> (and each document's id and content hash, <paramref name="identity"/>), a document
    /// whose quotes the last scan cut from the same content is not read again, and the memo keeps this scan's quotes.
    /// </summary>
    public static Func<int, int, int, string> Read(int documents, IEnumerable<ClusterMember> members, Func<int, string?> text, ParallelOptions parallel,
        ReportMemo? memo = null, Func<int, (string Id, UInt128 ContentHash)>? identity = null)
    {
        var spans = new List<(int Start, int End)>?[documents];
        foreach (ClusterMember m in members) (spans[m.Document] ??= []).Add((m.Start, m.End));
        var texts = new Dictionary<(int Start, int End), string>?[documents];
        // Whether each document's quotes were cut from its signed content (from the memo, or read now): only those are kept.
        var cut = new bool[documents];
        Parallel.For(0, documents, parallel, d =>
        {
            if (spans[d] is not { } list) return;
            if (memo is not null && identity is not null && identity(d) is var (id, hash) && memo.Quotes(id, hash, list) is { } kept)
            {
                texts[d] = kept;
                cut[d] = true;
                return;
            }
            string? content = text(d);
            var map = new Dictionary<(int, int), string>(list.Count);
            foreach (var (s, e) in list) map.TryAdd((s, e), Slice(content, s, e));
            texts[d] = map;
            cut[d] = content is not null;
        });
        if (memo is not null && identity is not null)
        {
            var next = new Dictionary<string, ReportMemo.Quoted>(StringComparer.Ordinal);
            for (int d = 0; d < documents; d++)
            {
                // A document that could not be read (or had changed since it was signed) quoted nothing: not kept, so it is read next time.
                if (!cut[d] || texts[d] is not { } map) continue;
                var (id, hash) = identity(d);
                next.TryAdd(id, new ReportMemo.Quoted(hash, map));
            }
            memo.KeepQuotes(next);
        }
        return (doc, start, end) => texts[doc] is { } map && map.TryGetValue((start, end), out string? t) ? t : "";
    }

    static string Slice(string? text, int start, int end) => text is not null && end <= text.Length ? text[start..end] : "";
}
