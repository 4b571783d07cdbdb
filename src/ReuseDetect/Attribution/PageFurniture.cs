using System.IO.Hashing;
using System.Runtime.InteropServices;
using ReuseDetect.Alignment;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Attribution;

/// <summary>
/// Where, in one document, its group's page furniture and the corpus's stock phrases and common words lie: one byte of
/// <see cref="TokenMarks"/> a token, for the aligner. Furniture is found by its lines and fingerprints
/// (<see cref="BoilerplateModel"/>) and marked by whole lines, so its edges are exact: a line that is mostly furniture is
/// furniture. Another group's furniture is furniture here too (a page reposted with its outlet's footer or widget
/// carries them along; left in, two reposts would share that footer as a passage), but only by whole lines: a line that
/// is such furniture or half covered by its fingerprints. A run of
/// furniture longer than <see cref="MaxFurnitureTokens"/> is text the group's pages share, not furniture. A short
/// furniture line late in the page ("Read also:", "Also on our site:") that only short lines (headlines) and
/// furniture follow opens the page's trailing matter, which is all furniture.
/// </summary>
static class PageFurniture
{
    /// <summary>Longest run of furniture, in tokens: headers, footers, sign-offs and widgets are shorter.</summary>
    public const int MaxFurnitureTokens = 100;

    /// <summary>Longest line, in tokens, that may open trailing matter.</summary>
    const int MarkerTokens = 8;

    /// <summary>Longest line, in tokens, of a list of headlines.</summary>
    const int HeadlineTokens = 16;

    /// <summary>Where trailing matter may start, as a share of the document's tokens.</summary>
    const double TrailerFrom = 0.6;

    /// <summary>
    /// The fingerprints of a document that the model marks (furniture of its group, stock phrases), as one hash: two
    /// versions of the corpus give a document the same marks when they give it the same value (its text being equal).
    /// </summary>
    public static ulong Signature(IReadOnlyList<Fingerprint> fingerprints, IReadOnlyList<ulong> lines, IReadOnlyList<ulong> words, string group,
        BoilerplateModel model)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(model);
        var marked = new List<ulong>();
        void Mark(ulong hash)
        {
            if (model.IsBoilerplate(group, hash)) marked.Add(hash | 1);
            else if (model.IsAnyGroupsBoilerplate(hash)) marked.Add((hash * 0x94D049BB133111EBUL) | 1); // another group's
            else if (model.IsCommon(hash)) marked.Add(hash & ~1UL);
        }
        foreach (Fingerprint f in fingerprints) Mark(f.Hash);
        foreach (ulong h in lines) Mark(h);
        foreach (ulong w in words)
            if (model.IsCommonWord(w)) marked.Add(w * 0x9E3779B97F4A7C15UL);
        if (marked.Count == 0) return 0;
        marked.Sort();
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(marked)));
    }

    /// <summary>The marks of each token of a document (null when nothing is marked).</summary>
    public static byte[]? Marks(TokenizedText tokens, string text, IReadOnlyList<Fingerprint> fingerprints, string group, BoilerplateModel model, int shingle)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(model);
        int n = tokens.Count;
        byte[]? marks = null;
        bool furniture = false;
        // Other groups' furniture (a footer carried along by a repost of that group's page) is marked by whole lines only
        // (below): a line that is such furniture, or half covered by its fingerprints, collected in `foreign`. A few words
        // of a story that happen to match another outlet's furniture are no furniture here.
        byte[]? foreign = null;
        foreach (Fingerprint f in fingerprints)
        {
            if (f.Position >= n) continue;
            int end = Math.Min(n, f.Position + shingle);
            bool own = model.IsBoilerplate(group, f.Hash);
            byte mark = own ? TokenMarks.Furniture : model.IsCommon(f.Hash) ? TokenMarks.Stock : (byte)0;
            if (mark != 0)
            {
                marks ??= new byte[n];
                furniture |= mark == TokenMarks.Furniture;
                for (int t = f.Position; t < end; t++) marks[t] |= mark;
            }
            if (!own && model.IsAnyGroupsBoilerplate(f.Hash))
            {
                foreign ??= new byte[n];
                for (int t = f.Position; t < end; t++) foreign[t] = 1;
            }
        }
        List<(int Start, int End, ulong Hash)> lines = LineHashes.Lines(tokens, text);
        foreach (var (start, end, hash) in lines)
        {
            byte mark = model.IsAnyGroupsBoilerplate(hash) || HalfCovered(foreign, start, end)
                ? TokenMarks.Furniture : model.IsCommon(hash) ? TokenMarks.Stock : (byte)0;
            if (mark == 0) continue;
            marks ??= new byte[n];
            furniture |= mark == TokenMarks.Furniture;
            for (int t = start; t < end; t++) marks[t] |= mark;
        }
        if (model.CommonWordCount > 0)
        {
            // The stems are only looked up here: they are made in pooled storage.
            ulong[] stems = System.Buffers.ArrayPool<ulong>.Shared.Rent(n);
            try
            {
                WordStems.Write(tokens, text, stems);
                for (int t = 0; t < n; t++)
                {
                    if (!model.IsCommonWord(stems[t])) continue;
                    marks ??= new byte[n];
                    marks[t] |= TokenMarks.CommonWord;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<ulong>.Shared.Return(stems);
            }
        }
        if (marks is null || !furniture) return marks;
        WholeLines(marks, lines);
        DropLongRuns(marks);
        TrailingMatter(marks, lines);
        return marks;
    }

    /// <summary>Whether at least half of the tokens <c>[start, end)</c> are set in <paramref name="covered"/>.</summary>
    static bool HalfCovered(byte[]? covered, int start, int end)
    {
        if (covered is null || end <= start) return false;
        int count = 0;
        for (int t = start; t < end; t++) count += covered[t];
        return 2 * count >= end - start;
    }

    /// <summary>A line at least half furniture is furniture; a line less than half keeps only what is marked.</summary>
    static void WholeLines(byte[] marks, List<(int Start, int End, ulong Hash)> lines)
    {
        foreach (var (start, end, _) in lines)
        {
            int count = 0;
            for (int t = start; t < end; t++) if ((marks[t] & TokenMarks.Furniture) != 0) count++;
            if (2 * count < end - start) continue;
            for (int t = start; t < end; t++) marks[t] |= TokenMarks.Furniture;
        }
    }

    /// <summary>Unmarks runs of furniture too long to be furniture.</summary>
    static void DropLongRuns(byte[] marks)
    {
        for (int t = 0; t < marks.Length;)
        {
            if ((marks[t] & TokenMarks.Furniture) == 0) { t++; continue; }
            int end = t;
            while (end < marks.Length && (marks[end] & TokenMarks.Furniture) != 0) end++;
            if (end - t > MaxFurnitureTokens)
                for (int x = t; x < end; x++) marks[x] &= unchecked((byte)~TokenMarks.Furniture);
            t = end;
        }
    }

    /// <summary>Marks the page's trailing matter: from a short furniture line late in the page that only headlines and furniture follow.</summary>
    static void TrailingMatter(byte[] marks, List<(int Start, int End, ulong Hash)> lines)
    {
        int from = (int)(TrailerFrom * marks.Length);
        for (int i = 0; i < lines.Count; i++)
        {
            var (start, end, _) = lines[i];
            if (start < from || end - start > MarkerTokens || !AllFurniture(marks, start, end)) continue;
            bool trailing = true;
            for (int j = i + 1; j < lines.Count && trailing; j++)
                trailing = lines[j].End - lines[j].Start <= HeadlineTokens || AllFurniture(marks, lines[j].Start, lines[j].End);
            if (!trailing) continue;
            for (int t = start; t < marks.Length; t++) marks[t] |= TokenMarks.Furniture;
            return;
        }
    }

    static bool AllFurniture(byte[] marks, int start, int end)
    {
        for (int t = start; t < end; t++) if ((marks[t] & TokenMarks.Furniture) == 0) return false;
        return end > start;
    }
}
