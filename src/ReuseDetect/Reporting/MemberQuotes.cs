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
    /// </summary>
    public static Func<int, int, int, string> Read(int documents, IEnumerable<ClusterMember> members, Func<int, string?> text, ParallelOptions parallel)
    {
        var spans = new List<(int Start, int End)>?[documents];
        foreach (ClusterMember m in members) (spans[m.Document] ??= []).Add((m.Start, m.End));
        var texts = new Dictionary<(int Start, int End), string>?[documents];
        Parallel.For(0, documents, parallel, d =>
        {
            if (spans[d] is not { } list) return;
            string? content = text(d);
            var map = new Dictionary<(int, int), string>(list.Count);
            foreach (var (s, e) in list) map.TryAdd((s, e), Slice(content, s, e));
            texts[d] = map;
        });
        return (doc, start, end) => texts[doc] is { } map && map.TryGetValue((start, end), out string? t) ? t : "";
    }

    static string Slice(string? text, int start, int end) => text is not null && end <= text.Length ? text[start..end] : "";
}
