using ReuseDetect.Internal;

namespace ReuseDetect.Alignment;

sealed partial class PassageAligner
{
    /// <summary>The working storage of the last alignment, kept for the next (null while an alignment uses it).</summary>
    Scratch? _scratch;

    /// <summary>
    /// The aligner's working storage for one alignment: its own when free, a new one when another thread is aligning with
    /// the same aligner (an aligner stays safe to share; one per thread allocates nothing here once grown).
    /// </summary>
    Scratch TakeScratch() => Interlocked.Exchange(ref _scratch, null) ?? new Scratch();

    /// <summary>Gives <paramref name="scratch"/> back for the next alignment, everything it lent freed.</summary>
    void GiveBack(Scratch scratch)
    {
        scratch.Clear();
        Volatile.Write(ref _scratch, scratch);
    }

    /// <summary>
    /// Working storage of one alignment, grown as needed and reused by the next: the seeds, the disjoint sets that chain
    /// them, the seed groups (segments of one arena, valid until the alignment ends), and lists of boxes lent until then.
    /// Nothing kept here outlives an alignment.
    /// </summary>
    internal sealed class Scratch
    {
        readonly List<List<Box>> _boxLists = [];
        int _boxListsLent;
        int[] _ends = new int[64];

        Seed[] _seeds = new Seed[256];

        /// <summary>Disjoint sets of seeds within the close gaps, within the summary gap, and of boxes to merge.</summary>
        public readonly UnionFind Close = new(64), Wide = new(64), Merge = new(64);

        /// <summary>The seed groups of chains and boxes.</summary>
        public readonly Arena<int> Groups = new(4096);

        /// <summary>The close and the wide chains of seeds, and the sets of boxes to merge.</summary>
        public readonly List<ArraySegment<int>> CloseChains = [], WideChains = [], MergeSets = [];

        /// <summary>
        /// Room for the <paramref name="count"/> seeds of the alignment, to be written in full (what an earlier alignment
        /// left there is not cleared).
        /// </summary>
        public Span<Seed> SeedRoom(int count)
        {
            if (_seeds.Length < count) _seeds = new Seed[Math.Max(count, 2 * _seeds.Length)];
            return _seeds.AsSpan(0, count);
        }

        /// <summary>An empty list of boxes, lent until the alignment ends.</summary>
        public List<Box> BoxList()
        {
            if (_boxListsLent == _boxLists.Count) _boxLists.Add([]);
            List<Box> list = _boxLists[_boxListsLent++];
            list.Clear();
            return list;
        }

        /// <summary>
        /// The sets of <paramref name="sets"/> of at least <paramref name="minSize"/> elements (as
        /// <see cref="UnionFind.Groups(int)"/> orders them), each a segment of <see cref="Groups"/>, into <paramref name="into"/>.
        /// </summary>
        public void ReadSets(UnionFind sets, int minSize, List<ArraySegment<int>> into)
        {
            into.Clear();
            int n = sets.Count;
            if (_ends.Length < n) _ends = new int[Math.Max(n, 2 * _ends.Length)];
            int count = sets.Groups(minSize, Groups.Room(n), _ends);
            ArraySegment<int> all = Groups.Keep(count == 0 ? 0 : _ends[count - 1]);
            for (int s = 0, start = 0; s < count; start = _ends[s++]) into.Add(all.Slice(start, _ends[s] - start));
        }

        /// <summary>Frees every group and list lent (the seeds and sets are overwritten by the next alignment).</summary>
        public void Clear()
        {
            Groups.Clear();
            _boxListsLent = 0;
            for (int i = 0; i < _boxLists.Count; i++) _boxLists[i].Clear();
            CloseChains.Clear();
            WideChains.Clear();
            MergeSets.Clear();
        }
    }
}
