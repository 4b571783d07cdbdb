using ReuseDetect.Evaluation;

namespace ReuseDetect.Testbed;

/// <summary>
/// Finds planted strings in a document's text as read, ignoring white space: an HTML extractor renders paragraphs
/// and line breaks its own way, so the planted text and the text as read differ only in their white space. Ranges
/// run from the first to the last non-white-space character of the match.
/// </summary>
sealed class TextLocator
{
    readonly string _compact;
    readonly int[] _positions;

    public TextLocator(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new char[text.Length];
        var positions = new int[text.Length];
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            chars[n] = text[i];
            positions[n++] = i;
        }
        _compact = new string(chars, 0, n);
        _positions = positions[..n];
    }

    static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Every occurrence of <paramref name="needle"/>, in text order (none for a blank needle).</summary>
    public List<CharRange> FindAll(string needle)
    {
        string c = Compact(needle);
        var found = new List<CharRange>();
        if (c.Length == 0) return found;
        for (int at = _compact.IndexOf(c, StringComparison.Ordinal); at >= 0; at = _compact.IndexOf(c, at + 1, StringComparison.Ordinal))
            found.Add(new CharRange(_positions[at], _positions[at + c.Length - 1] + 1));
        return found;
    }

    /// <summary>The first occurrence that lies inside <paramref name="within"/> when given (else the first anywhere), or null.</summary>
    public CharRange? Find(string needle, CharRange? within = null)
    {
        List<CharRange> all = FindAll(needle);
        if (within is { } w && all.FirstOrDefault(r => r.Start >= w.Start && r.End <= w.End) is { Length: > 0 } inside) return inside;
        return all.Count > 0 ? all[0] : null;
    }
}
