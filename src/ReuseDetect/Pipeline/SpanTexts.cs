using System.Collections.Concurrent;

namespace ReuseDetect.Pipeline;

/// <summary>
/// Texts of aligned spans, collected while aligning (or taken from the store), so that report members can be
/// quoted without reading their files again. A member span is stitched from overlapping pieces of its document.
/// </summary>
sealed class SpanTexts
{
    readonly ConcurrentDictionary<int, ConcurrentBag<(int Start, int End, string Text)>> _pieces = new();

    public void Add(int document, int start, int end, string text) =>
        _pieces.GetOrAdd(document, _ => []).Add((start, end, text));

    /// <summary>The text of <c>[start, end)</c> when the collected pieces cover it; otherwise null.</summary>
    public string? TryGet(int document, int start, int end)
    {
        if (!_pieces.TryGetValue(document, out var bag)) return null;
        var pieces = bag.OrderBy(p => p.Start).ThenByDescending(p => p.End).ToList();
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
