using System.Collections.Concurrent;

namespace ReuseDetect.Pipeline;

/// <summary>
/// Texts of aligned spans, collected while aligning (or taken from the store), so that report members can be
/// quoted without reading their files again. A member span is stitched from overlapping pieces of its document.
/// Pieces are added while aligning and read once alignment is over; a document's pieces are sorted on its first
/// read, once, not on every member quoted.
/// </summary>
sealed class SpanTexts
{
    readonly ConcurrentDictionary<int, ConcurrentBag<(int Start, int End, string Text)>> _pieces = new();
    readonly ConcurrentDictionary<int, (int Start, int End, string Text)[]> _sorted = new();

    public void Add(int document, int start, int end, string text) =>
        _pieces.GetOrAdd(document, _ => []).Add((start, end, text));

    /// <summary>The text of <c>[start, end)</c> when the collected pieces cover it; otherwise null.</summary>
    public string? TryGet(int document, int start, int end)
    {
        if (!_sorted.TryGetValue(document, out var pieces))
        {
            if (!_pieces.TryGetValue(document, out var bag)) return null;
            pieces = bag.ToArray();
            // Start ascending, longest first; pieces of one span of one document hold the same text.
            Array.Sort(pieces, static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
            pieces = _sorted.GetOrAdd(document, pieces);
        }
        var sb = new System.Text.StringBuilder(end - start);
        int pos = start;
        foreach (var (s, e, text) in pieces)
        {
            if (s > pos) break;
            if (e <= pos) continue;
            int to = Math.Min(end, e);
            sb.Append(text, pos - s, to - pos);
            pos = to;
            if (pos == end) return sb.ToString();
        }
        return start == end ? "" : null;
    }
}
