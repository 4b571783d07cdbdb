using System.Runtime.InteropServices;
using ReuseDetect.Internal;
using ReuseDetect.Signatures;

namespace ReuseDetect.Attribution;

/// <summary>
/// What the corpus says about recurring text: each source group's furniture (headers, footers, sign-offs, widgets,
/// newsletter boxes: winnowing fingerprints that recur across that group's pages) and the corpus's stock phrases
/// (fingerprints held by many documents, "filed a registration statement with the Securities and Exchange
/// Commission"). See <see cref="BoilerplateLearner"/>.
/// </summary>
sealed class BoilerplateModel
{
    readonly Dictionary<string, HashSet<ulong>> _byGroup;
    readonly HashSet<ulong> _common;
    readonly HashSet<ulong> _commonWords;
    readonly HashSet<ulong> _anyGroup = [];

    internal BoilerplateModel(Dictionary<string, HashSet<ulong>> byGroup, HashSet<ulong> common, HashSet<ulong> commonWords)
    {
        _byGroup = byGroup;
        _common = common;
        _commonWords = commonWords;
        foreach (HashSet<ulong> set in byGroup.Values) _anyGroup.UnionWith(set);
    }

    /// <summary>A model that knows nothing (every document alone).</summary>
    public static BoilerplateModel Empty { get; } = new([], [], []);

    /// <summary>True when the word with stem hash <paramref name="stem"/> (<see cref="Text.WordStems"/>) is too common in the corpus to be evidence.</summary>
    public bool IsCommonWord(ulong stem) => _commonWords.Contains(stem);

    /// <summary>Number of common words.</summary>
    public int CommonWordCount => _commonWords.Count;

    /// <summary>Groups with furniture, in ordinal order.</summary>
    public IEnumerable<string> Groups => _byGroup.Keys.Order(StringComparer.Ordinal);

    /// <summary>Number of furniture fingerprints of <paramref name="group"/> (a <see cref="SourceGroups"/> key).</summary>
    public int Count(string group) => _byGroup.TryGetValue(group, out var set) ? set.Count : 0;

    /// <summary>The furniture fingerprints of <paramref name="group"/>, or null when it has none.</summary>
    public IReadOnlySet<ulong>? FurnitureOf(string group) => _byGroup.TryGetValue(group, out var set) && set.Count > 0 ? set : null;

    /// <summary>True when <paramref name="hash"/> is furniture of <paramref name="group"/>.</summary>
    public bool IsBoilerplate(string group, ulong hash) => _byGroup.TryGetValue(group, out var set) && set.Contains(hash);

    /// <summary>The fingerprints of <paramref name="fingerprints"/> outside <paramref name="group"/>'s furniture (the array itself when the group has none).</summary>
    public Fingerprint[] Outside(string group, Fingerprint[] fingerprints) =>
        FurnitureOf(group) is { } furniture ? [.. fingerprints.Where(f => !furniture.Contains(f.Hash))] : fingerprints;

    /// <summary>
    /// True when <paramref name="hash"/> is furniture of any group. Of a group that is not a page's own, it is an outlet's
    /// footer or widget that the page carries because it reposted that outlet's page with it.
    /// </summary>
    public bool IsAnyGroupsBoilerplate(ulong hash) => _anyGroup.Contains(hash);

    /// <summary>True when <paramref name="hash"/> is a stock phrase of the corpus.</summary>
    public bool IsCommon(ulong hash) => _common.Contains(hash);

    /// <summary>Number of stock-phrase fingerprints.</summary>
    public int CommonCount => _common.Count;

    /// <summary>
    /// True when <paramref name="other"/> says the same of every hash: furniture group by group, stock phrases and common
    /// words (then a document's marks are the same under both).
    /// </summary>
    public bool SameAs(BoilerplateModel other) =>
        SameFurniture(other) && _common.SetEquals(other._common) && _commonWords.SetEquals(other._commonWords);

    /// <summary>True when <paramref name="other"/> has the same furniture, group by group (which fingerprints a candidate pair may rest on).</summary>
    public bool SameFurniture(BoilerplateModel other) => GroupsWithOtherFurniture(other).Count == 0;

    /// <summary>The groups whose furniture differs in <paramref name="other"/> (learned, lost or changed), in ordinal order.</summary>
    public List<string> GroupsWithOtherFurniture(BoilerplateModel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var groups = new List<string>();
        foreach (var (group, set) in _byGroup)
            if (!other._byGroup.TryGetValue(group, out var theirs) || !set.SetEquals(theirs)) groups.Add(group);
        foreach (string group in other._byGroup.Keys)
            if (!_byGroup.ContainsKey(group)) groups.Add(group);
        groups.Sort(StringComparer.Ordinal);
        return groups;
    }
}

/// <summary>
/// Learns recurring text from the corpus itself, without metadata when there is none.
/// <list type="bullet">
/// <item><b>Furniture</b>: a fingerprint is furniture of source group G (<see cref="SourceGroups"/>: the outlet, else
/// the URL host, else the folder) when at least <c>minDocuments</c> documents of G hold it, they are more than half of
/// all its holders (a phrase every outlet uses is nobody's furniture, and an outlet's footer stays its own when another
/// outlet reposts a page with it; the copy on the repost is marked all the same, see <see cref="PageFurniture"/>), and, for a group inferred from a host or folder, at least
/// <see cref="InferredShare"/> of the group's documents and <see cref="InferredMinDocuments"/> hold it (a flat folder of many outlets' articles is one group:
/// a story five of its two hundred documents carry is reuse, a line on a third of them is furniture).</item>
/// <item><b>Stock phrases</b>: a fingerprint that is not furniture and is held by at least
/// <see cref="CommonDocuments"/> documents. A stock phrase may sit inside reuse but is never its only evidence.</item>
/// </list>
/// Counting sorts one flat array of (hash, group) pairs, one per document and distinct hash (a radix sort), so it is
/// linear in the fingerprints and needs no per-hash objects.
/// </summary>
sealed class BoilerplateLearner(int minDocuments)
{
    /// <summary>Share of an inferred group's documents that must hold a fingerprint for it to be furniture.</summary>
    public const double InferredShare = 0.3;

    /// <summary>
    /// Documents of an inferred group that must hold a fingerprint for it to be furniture: in a folder of a handful of
    /// articles, a name or phrase three of them share is their subject, not a site's furniture.
    /// </summary>
    public const int InferredMinDocuments = 5;

    /// <summary>Documents holding a fingerprint, across groups, from which it is a stock phrase.</summary>
    public const int CommonDocuments = 20;

    /// <summary>Share of the documents using a word from which it is too common to be distinctive ("said", "mln", "shr").</summary>
    public const double CommonWordShare = 0.05;

    /// <summary>
    /// Learns from each document's group key, fingerprints and line hashes (<see cref="Shingling.LineHashes"/>; same
    /// order): a line recurs as a whole however short it is, which a fingerprint of five words cannot see.
    /// </summary>
    public BoilerplateModel Learn(IReadOnlyList<string> groups, IReadOnlyList<Fingerprint[]> fingerprints, IReadOnlyList<ulong[]>? lines = null,
        IReadOnlyList<ulong[]>? words = null, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(fingerprints);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        // The common words are counted while the fingerprints are learned: the two share nothing.
        HashSet<ulong> commonWords = [];
        Dictionary<string, HashSet<ulong>> byGroup = [];
        HashSet<ulong> common = [];
        Fork.Join(options,
            () => commonWords = CommonWordsOf(words),
            () => (byGroup, common) = Recurring(groups, fingerprints, lines, options));
        return new BoilerplateModel(byGroup, common, commonWords);
    }

    /// <summary>The furniture of each group and the stock phrases, from the documents' fingerprints and line hashes.</summary>
    (Dictionary<string, HashSet<ulong>> ByGroup, HashSet<ulong> Common) Recurring(IReadOnlyList<string> groups, IReadOnlyList<Fingerprint[]> fingerprints,
        IReadOnlyList<ulong[]>? lines, ParallelOptions options)
    {
        var (names, groupOf) = Number(groups);
        var sizes = new int[names.Count];
        foreach (int g in groupOf) sizes[g]++;
        var (hash, group, count) = Postings(groupOf, fingerprints, lines, options);
        return Recurring(hash.AsSpan(0, count), group.AsSpan(0, count), names, sizes, minDocuments);
    }

    /// <summary>The distinct group keys of <paramref name="groups"/> numbered by first appearance, and each document's number.</summary>
    internal static (List<string> Names, int[] GroupOf) Number(IReadOnlyList<string> groups)
    {
        var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var groupOf = new int[groups.Count];
        for (int d = 0; d < groups.Count; d++)
        {
            if (!groupIds.TryGetValue(groups[d], out int g))
            {
                groupIds[groups[d]] = g = names.Count;
                names.Add(groups[d]);
            }
            groupOf[d] = g;
        }
        return (names, groupOf);
    }

    /// <summary>
    /// One (hash, group) posting for each document and each of its distinct hashes (fingerprints and line hashes; a
    /// document counts once however often it repeats one), sorted by hash and then group: the first <c>Count</c> items
    /// of the two arrays.
    /// </summary>
    internal static (ulong[] Hashes, int[] Groups, int Count) Postings(IReadOnlyList<int> groupOf, IReadOnlyList<Fingerprint[]> fingerprints,
        IReadOnlyList<ulong[]>? lines, ParallelOptions options)
    {
        // Each document's distinct hashes, sorted, side by side: a document counts once however often it repeats one.
        var own = new ulong[groupOf.Count][];
        Parallel.For(0, groupOf.Count, options, d => own[d] = DistinctHashes(fingerprints[d], lines?[d] ?? []));
        // Laid out once, in document order, at their exact size: growing lists of millions leaves each smaller copy
        // behind as a large object.
        int postings = 0;
        foreach (ulong[] o in own) postings += o.Length;
        ulong[] hashArray = GC.AllocateUninitializedArray<ulong>(postings);
        int[] groupArray = GC.AllocateUninitializedArray<int>(postings);
        for (int d = 0, at = 0; d < own.Length; d++)
        {
            own[d].CopyTo(hashArray, at);
            groupArray.AsSpan(at, own[d].Length).Fill(groupOf[d]);
            at += own[d].Length;
            own[d] = [];
        }
        // (hash, group) pairs sorted by hash, then group: a radix sort by hash, then each hash's groups.
        RadixSort.Sort(hashArray, groupArray, postings, options);
        RadixSort.SortRuns(hashArray, groupArray);
        return (hashArray, groupArray, postings);
    }

    /// <summary>A document's distinct fingerprint and line hashes, ascending.</summary>
    internal static ulong[] DistinctHashes(Fingerprint[] fingerprints, ulong[] lines)
    {
        ulong[] hashes = new ulong[fingerprints.Length + lines.Length];
        int k = 0;
        foreach (Fingerprint f in fingerprints) hashes[k++] = f.Hash;
        lines.CopyTo(hashes, k);
        NumberSort.Sort(hashes.AsSpan());
        int distinct = 0;
        for (int x = 0; x < hashes.Length; x++)
            if (x == 0 || hashes[x] != hashes[x - 1]) hashes[distinct++] = hashes[x];
        return distinct == hashes.Length ? hashes : hashes[..distinct];
    }

    /// <summary>
    /// The furniture of each group and the stock phrases from the postings (<see cref="Postings"/>: sorted by hash, then
    /// group number), with each group's key (<paramref name="names"/>) and number of documents (<paramref name="sizes"/>).
    /// Nothing depends on how the groups are numbered.
    /// </summary>
    internal static (Dictionary<string, HashSet<ulong>> ByGroup, HashSet<ulong> Common) Recurring(ReadOnlySpan<ulong> hash, ReadOnlySpan<int> group,
        IReadOnlyList<string> names, int[] sizes, int minDocuments)
    {
        var byGroup = new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal);
        var common = new HashSet<ulong>();
        int i = 0;
        while (i < hash.Length)
        {
            int j = SortedRuns.End(hash, i);
            int total = j - i;
            if (total >= minDocuments)
            {
                // Within a hash run, pairs are sorted by group: find the largest group run. Of two as large, either
                // may be taken: neither holds more than half the holders, so the hash is no group's furniture, and
                // whether it is a stock phrase does not depend on the group.
                int best = -1, bestCount = 0;
                for (int k = i; k < j;)
                {
                    int m = k;
                    while (m < j && group[m] == group[k]) m++;
                    if (m - k > bestCount) (best, bestCount) = (group[k], m - k);
                    k = m;
                }
                string name = names[best];
                switch (Judge(name, bestCount, total, minDocuments, new KnownSize(sizes[best])))
                {
                    case Recurrence.Furniture:
                        if (!byGroup.TryGetValue(name, out var set)) byGroup[name] = set = [];
                        set.Add(hash[i]);
                        break;
                    case Recurrence.Stock:
                        common.Add(hash[i]);
                        break;
                }
            }
            i = j;
        }
        return (byGroup, common);
    }

    /// <summary>What a recurring hash is: text, furniture of the group that holds it most, or a stock phrase.</summary>
    internal enum Recurrence { Text, Furniture, Stock }

    /// <summary>The size of the group that holds a hash most, as far as <see cref="Judge"/> needs it.</summary>
    internal interface IGroupShare
    {
        /// <summary>Whether <paramref name="count"/> of the group's documents are <see cref="InferredShare"/> of them or more.</summary>
        bool HeldByShare(int count);
    }

    /// <summary>A group whose size is known.</summary>
    readonly struct KnownSize(int size) : IGroupShare
    {
        public bool HeldByShare(int count) => count >= InferredShare * size;
    }

    /// <summary>
    /// The rule of <see cref="Learn"/> for one hash held by <paramref name="total"/> documents (at least
    /// <c>minDocuments</c>), <paramref name="count"/> of them of <paramref name="group"/>, the group holding it most (see
    /// the class summary). A query judges the hashes it meets by the same rule (<c>Pipeline.ReuseIndex</c>).
    /// </summary>
    internal static Recurrence Judge<TShare>(string group, int count, int total, int minDocuments, TShare share) where TShare : struct, IGroupShare =>
        count >= minDocuments && count * 2 > total
            && (!SourceGroups.IsInferred(group) || (count >= InferredMinDocuments && share.HeldByShare(count)))
            ? Recurrence.Furniture
            : total >= CommonDocuments ? Recurrence.Stock : Recurrence.Text;

    /// <summary>
    /// Words (distinct stems per document) used by at least <see cref="CommonWordShare"/> of the documents and at least
    /// <see cref="CommonDocuments"/> of them: a template ("Shr 20 cts vs 18 cts, net ... vs ...") shares only such words.
    /// </summary>
    internal static HashSet<ulong> CommonWordsOf(IReadOnlyList<ulong[]>? words)
    {
        if (words is null || words.Count == 0) return [];
        // Counted in a table of the distinct stems (tens of thousands), not sorted among all postings (millions): a
        // document lists each of its stems once, so a stem's count is its number of documents.
        var counts = new Dictionary<ulong, int>(1 << 14);
        foreach (ulong[] w in words)
            foreach (ulong stem in w) CollectionsMarshal.GetValueRefOrAddDefault(counts, stem, out _)++;
        return CommonWordsOf(counts, words.Count);
    }

    /// <summary>The common words of a corpus of <paramref name="documents"/> documents whose stems are held by <paramref name="counts"/> of them each.</summary>
    internal static HashSet<ulong> CommonWordsOf(Dictionary<ulong, int> counts, int documents)
    {
        var common = new HashSet<ulong>();
        int least = Math.Max(CommonDocuments, (int)Math.Ceiling(CommonWordShare * documents));
        foreach (var (stem, count) in counts)
            if (count >= least) common.Add(stem);
        return common;
    }
}
