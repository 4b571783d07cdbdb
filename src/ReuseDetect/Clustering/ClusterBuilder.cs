using ReuseDetect.Internal;

namespace ReuseDetect.Clustering;

/// <summary>
/// Turns aligned passage links into reuse clusters: one reused passage, one cluster, and no chaining.
/// <list type="number">
/// <item>Spans of one document that overlap by at least half of the shorter carry the same text: a paragraph reposted
/// alone and the whole article that also carries it are one passage, never two nested clusters.</item>
/// <item>Links joined through such spans form a candidate; each candidate is peeled into coherent clusters. A cluster
/// grows from its core, the span group of one document with the most aligned text: a link joins it when one of its
/// spans lies in the core (a copy of the core's text), or lies in text of a member that joined through the core and
/// covers at least half of that member's joined text (a repost of a repost), when both links hold a verbatim run
/// (links resting on reworded text alone join through the core only). So every member shares aligned text with
/// the core, directly or through a copy of most of a copy; a fragment inside a member (a widget, a caption, a short
/// quote) never drags the documents it links to into the cluster. A link between two documents that are members
/// already, with a span lying mostly in text a member holds, joins too: it adds no document (a copy split in two by an edit,
/// a paragraph two copies share), and left over it would form a second cluster of the same text; so does one that
/// continues the cluster's text in both its documents (the rest of a copy an edit or a box split off), though its text
/// relays nothing. Links left over form the next cluster.</item>
/// <item>Within a cluster, overlapping spans of a document merge into one member; disjoint spans of one document stay
/// separate members (a passage repeated inside it).</item>
/// </list>
/// Output order depends only on the input content: clusters by their first member, members by (document, start).
/// </summary>
static class ClusterBuilder
{
    /// <summary>Share of the shorter span two spans of one document must overlap by to carry the same text.</summary>
    public const double SameSpanOverlap = 0.5;

    /// <summary>Share of a member's joined text a link must cover to bring in a document through that member.</summary>
    public const double RelayShare = 0.5;

    /// <summary>Builds the clusters of <paramref name="links"/> over <paramref name="documentCount"/> documents.</summary>
    /// <remarks>
    /// Candidates share no link, so they are peeled side by side (at most <paramref name="parallelism"/> at once, -1: one
    /// per core); their clusters are gathered in candidate order before the final sort, as one thread would give them.
    /// </remarks>
    public static List<SpanCluster> Build(IReadOnlyList<PassageLink> links, int documentCount, int parallelism = -1, ClusterMemo? memo = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        // Links in content order, so that nothing below depends on the order they were found in (every field compared:
        // two links equal in all of them are the same value).
        PassageLink[] ordered = [.. links];
        Array.Sort(ordered, ContentOrder);
        List<int[]> candidates = Candidates(ordered, documentCount);
        var peeled = new List<SpanCluster>[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, c =>
        {
            // A candidate's clusters depend on its links alone (their values, in content order): one the last build
            // peeled from the same links is taken from the memo.
            if (memo is not null && memo.TryGet(ordered, candidates[c], out List<SpanCluster>? kept))
            {
                peeled[c] = kept;
                return;
            }
            var own = new List<SpanCluster>();
            Peel(ordered, candidates[c], own);
            peeled[c] = own;
        });
        memo?.Keep(ordered, candidates, peeled);
        var clusters = new List<SpanCluster>(peeled.Sum(p => p.Count));
        foreach (List<SpanCluster> own in peeled) clusters.AddRange(own);
        clusters.Sort((a, b) =>
        {
            ClusterMember x = a.Members[0], y = b.Members[0];
            return x.Document != y.Document ? x.Document.CompareTo(y.Document) : x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End);
        });
        return clusters;
    }

    /// <summary>Links by document A, its span, document B, its span, identity, then anchored.</summary>
    static int ContentOrder(PassageLink x, PassageLink y)
    {
        int c = x.DocA.CompareTo(y.DocA);
        if (c == 0) c = x.AStart.CompareTo(y.AStart);
        if (c == 0) c = x.AEnd.CompareTo(y.AEnd);
        if (c == 0) c = x.DocB.CompareTo(y.DocB);
        if (c == 0) c = x.BStart.CompareTo(y.BStart);
        if (c == 0) c = x.BEnd.CompareTo(y.BEnd);
        if (c == 0) c = x.Identity.CompareTo(y.Identity);
        if (c == 0) c = x.Anchored.CompareTo(y.Anchored);
        return c;
    }

    /// <summary>Groups of link indexes joined by spans of one document carrying the same text.</summary>
    static List<int[]> Candidates(PassageLink[] links, int documentCount)
    {
        var uf = new UnionFind(links.Length);
        var byDoc = new List<Span>?[documentCount];
        for (int l = 0; l < links.Length; l++)
        {
            foreach (Span s in Spans(links[l], l)) (byDoc[s.Document] ??= []).Add(s);
        }
        foreach (List<Span>? spans in byDoc)
        {
            if (spans is null) continue;
            spans.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End));
            for (int i = 0; i < spans.Count; i++)
                for (int j = i + 1; j < spans.Count && spans[j].Start < spans[i].End; j++)
                    if (SameText(spans[i], spans[j])) uf.Union(spans[i].Link, spans[j].Link);
        }
        return uf.Groups();
    }

    /// <summary>
    /// Peels the links of one candidate into coherent clusters until none is left: each round groups the pending spans
    /// (same text in one document), takes the group with the most aligned text as the core (ties: the group whose first
    /// span comes first in document and position order) and grows its cluster. The spans are sorted once.
    /// </summary>
    static void Peel(PassageLink[] links, int[] candidate, List<SpanCluster> clusters)
    {
        var all = new List<Span>(candidate.Length * 2);
        foreach (int l in candidate) all.AddRange(Spans(links[l], l));
        all.Sort((x, y) => x.Document != y.Document ? x.Document.CompareTo(y.Document) : x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End));
        var taken = new HashSet<int>();
        var spans = new List<Span>(all.Count);
        while (taken.Count < candidate.Length)
        {
            spans.Clear();
            foreach (Span x in all)
                if (!taken.Contains(x.Link)) spans.Add(x);
            List<int> accepted = Grow(links, spans);
            foreach (int l in accepted) taken.Add(l);
            clusters.Add(ToCluster(links, accepted));
        }
    }

    /// <summary>The links of one coherent cluster among the pending <paramref name="spans"/> (sorted): the core's, then those relayed by its members.</summary>
    static List<int> Grow(PassageLink[] links, List<Span> spans)
    {
        // Span groups per document: spans carrying the same text (overlap of half the shorter), joined transitively.
        var groups = new UnionFind(spans.Count);
        for (int i = 0; i < spans.Count; i++)
            for (int j = i + 1; j < spans.Count && spans[j].Document == spans[i].Document && spans[j].Start < spans[i].End; j++)
                if (SameText(spans[i], spans[j])) groups.Union(i, j);
        // The core: the group with the most aligned characters (ties: first in document and position order).
        var weight = new long[spans.Count];
        for (int i = 0; i < spans.Count; i++) weight[groups.Find(i)] += spans[i].End - spans[i].Start;
        int core = -1;
        for (int i = 0; i < spans.Count; i++)
        {
            int root = groups.Find(i);
            if (core < 0 || weight[root] > weight[core]) core = root;
        }
        // Links with a span in the core join; then links with a span that covers most of a joined member's text.
        var accepted = new List<int>();
        var isAccepted = new HashSet<int>();
        var joined = new Dictionary<int, List<(int Start, int End)>>();
        var queue = new Queue<int>();
        for (int i = 0; i < spans.Count; i++)
            if (groups.Find(i) == core && isAccepted.Add(spans[i].Link)) queue.Enqueue(spans[i].Link);
        var continued = new HashSet<int>();
        while (queue.Count > 0 || Absorb(links, spans, joined, isAccepted, queue, continued))
        {
            int l = queue.Dequeue();
            accepted.Add(l);
            // The rest of a copy joins, but the text it adds is no ground for anything else to join on: what joins must
            // share text with the core, or with a copy of it, not with the far end of a member.
            if (continued.Contains(l)) continue;
            foreach (Span s in Spans(links[l], l))
            {
                if (!joined.TryGetValue(s.Document, out var parts)) joined[s.Document] = parts = [];
                Insert(parts, s.Start, s.End);
            }
            // A link resting on reworded text alone joins through the core only: it never relays.
            if (!links[l].Anchored) continue;
            // Every pending link with a span in a document that just gained joined text may relay through it.
            foreach (Span s in Spans(links[l], l))
            {
                List<(int Start, int End)> parts = joined[s.Document];
                for (int i = FirstOf(spans, s.Document); i < spans.Count && spans[i].Document == s.Document; i++)
                {
                    int other = spans[i].Link;
                    if (isAccepted.Contains(other) || !links[other].Anchored || !Relays(spans[i], parts)) continue;
                    isAccepted.Add(other);
                    queue.Enqueue(other);
                }
            }
        }
        accepted.Sort();
        return accepted;
    }

    /// <summary>
    /// Queues the pending links between two documents that are both members already, one of whose spans lies mostly in
    /// a member's joined text: such a link adds no document, only confirms or extends text the cluster
    /// holds (a copy split by an edit, a paragraph the two copies share), so it belongs here rather than in a second
    /// cluster of the same text. So does a link that continues the cluster's text in both its documents
    /// (<see cref="Continues"/>), listed in <paramref name="continued"/>: it joins, but its text relays nothing. Returns
    /// whether any was queued.
    /// </summary>
    static bool Absorb(PassageLink[] links, List<Span> spans, Dictionary<int, List<(int Start, int End)>> joined, HashSet<int> isAccepted, Queue<int> queue,
        HashSet<int> continued)
    {
        bool any = false;
        foreach (Span s in spans)
        {
            if (isAccepted.Contains(s.Link) || !joined.TryGetValue(s.Document, out var parts)) continue;
            PassageLink link = links[s.Link];
            bool sideA = link.DocA == s.Document && link.AStart == s.Start && link.AEnd == s.End;
            int other = sideA ? link.DocB : link.DocA;
            if (!joined.TryGetValue(other, out var otherParts)) continue;
            Span o = sideA ? new Span(link.DocB, link.BStart, link.BEnd, s.Link) : new Span(link.DocA, link.AStart, link.AEnd, s.Link);
            if (!Overlaps(s, parts) && !Overlaps(o, otherParts))
            {
                if (!Continues(s, parts, o, otherParts)) continue;
                continued.Add(s.Link);
            }
            isAccepted.Add(s.Link);
            queue.Enqueue(s.Link);
            any = true;
        }
        return any;
    }

    /// <summary>Whether at least half of a span lies in one of the sorted, disjoint joined ranges: text the cluster holds.</summary>
    static bool Overlaps(Span span, List<(int Start, int End)> joined)
    {
        foreach (var (_, _, overlap) in Touched(span, joined))
            if (overlap >= SameSpanOverlap * (span.End - span.Start)) return true;
        return false;
    }

    /// <summary>
    /// Whether a link continues the cluster's passage in both its documents: each span overlaps text the cluster holds
    /// there, and in at least one of them the span adds no more text than the joined stretches it touches already hold
    /// (the rest of a copy split in two by an edit or a box, which the partial copies around it never reached). A link
    /// that adds more than it shares on both sides is another story that quotes the passage: it stays out.
    /// </summary>
    static bool Continues(Span x, List<(int Start, int End)> xJoined, Span y, List<(int Start, int End)> yJoined)
    {
        var (xHeld, xAdded) = Contact(x, xJoined);
        var (yHeld, yAdded) = Contact(y, yJoined);
        return xHeld > 0 && yHeld > 0 && (xAdded <= xHeld || yAdded <= yHeld);
    }

    /// <summary>
    /// The length of the joined stretches (sorted, disjoint ranges) a span overlaps, and how much of the span lies
    /// outside every joined stretch.
    /// </summary>
    static (int Held, int Added) Contact(Span span, List<(int Start, int End)> joined)
    {
        int held = 0, inside = 0;
        foreach (var (start, end, overlap) in Touched(span, joined))
        {
            held += end - start;
            inside += overlap;
        }
        return (held, span.End - span.Start - inside);
    }

    /// <summary>The joined stretches (sorted, disjoint ranges) that <paramref name="span"/> overlaps, each with the overlap.</summary>
    static TouchedStretches Touched(Span span, List<(int Start, int End)> joined) => new(span, joined);

    /// <summary>
    /// Enumerates the stretches of sorted, disjoint ranges that overlap a span (found by binary search, then walked in
    /// order): what <see cref="Overlaps"/>, <see cref="Contact"/> and <see cref="Relays"/> each decide on.
    /// </summary>
    struct TouchedStretches(Span span, List<(int Start, int End)> joined)
    {
        int _k = Math.Max(0, LowerBound(joined, span.Start) - 1) - 1;

        public readonly TouchedStretches GetEnumerator() => this;

        public (int Start, int End, int Overlap) Current { get; private set; }

        public bool MoveNext()
        {
            while (++_k < joined.Count && joined[_k].Start < span.End)
            {
                var (start, end) = joined[_k];
                int overlap = Math.Min(end, span.End) - Math.Max(start, span.Start);
                if (overlap <= 0) continue;
                Current = (start, end, overlap);
                return true;
            }
            return false;
        }
    }

    /// <summary>Adds [<paramref name="start"/>, <paramref name="end"/>) to sorted, disjoint <paramref name="ranges"/>, merging what it overlaps.</summary>
    static void Insert(List<(int Start, int End)> ranges, int start, int end)
    {
        int at = LowerBound(ranges, start);
        if (at > 0 && ranges[at - 1].End > start) at--;
        int last = at;
        while (last < ranges.Count && ranges[last].Start < end)
        {
            start = Math.Min(start, ranges[last].Start);
            end = Math.Max(end, ranges[last].End);
            last++;
        }
        ranges.RemoveRange(at, last - at);
        ranges.Insert(at, (start, end));
    }

    /// <summary>The first range starting at or after <paramref name="start"/>.</summary>
    static int LowerBound(List<(int Start, int End)> ranges, int start)
    {
        int lo = 0, hi = ranges.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid].Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// Whether a span relays its link into the cluster: it lies in the document's joined text (sorted, disjoint ranges)
    /// and covers at least <see cref="RelayShare"/> of the joined stretch it lies in.
    /// </summary>
    static bool Relays(Span span, List<(int Start, int End)> joined)
    {
        int length = span.End - span.Start;
        foreach (var (start, end, overlap) in Touched(span, joined))
            if (overlap >= SameSpanOverlap * length && length >= RelayShare * (end - start)) return true;
        return false;
    }

    static int FirstOf(List<Span> spans, int document)
    {
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].Document < document) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The cluster of the accepted links: members are the overlapping spans of each document merged.</summary>
    static SpanCluster ToCluster(PassageLink[] links, List<int> accepted)
    {
        var spans = accepted.SelectMany(l => Spans(links[l], l)).Select(s => new ClusterMember(s.Document, s.Start, s.End))
            .OrderBy(m => m.Document).ThenBy(m => m.Start).ThenBy(m => m.End).ToList();
        var members = new List<ClusterMember>();
        foreach (ClusterMember s in spans)
        {
            if (members.Count > 0 && members[^1].Document == s.Document && s.Start < members[^1].End)
                members[^1] = members[^1] with { End = Math.Max(members[^1].End, s.End) };
            else
                members.Add(s);
        }
        var clusterLinks = accepted.ConvertAll(l => links[l]);
        return new SpanCluster(members, clusterLinks.Min(l => l.Identity)) { Links = clusterLinks };
    }

    static bool SameText(Span x, Span y)
    {
        int overlap = Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start);
        return overlap > 0 && overlap >= SameSpanOverlap * Math.Min(x.End - x.Start, y.End - y.Start);
    }

    /// <summary>The two spans of a link (one document twice for a repeat inside it).</summary>
    static Span[] Spans(PassageLink link, int index) =>
        [new Span(link.DocA, link.AStart, link.AEnd, index), new Span(link.DocB, link.BStart, link.BEnd, index)];

    readonly record struct Span(int Document, int Start, int End, int Link);
}
