using System.Runtime.InteropServices;

namespace ReuseDetect.Candidates;

/// <summary>
/// Buckets documents by LSH band key; documents sharing any bucket are near-duplicate candidates,
/// to be verified by the signature estimate and then by exact Jaccard.
/// </summary>
sealed class LshIndex
{
    readonly LshBanding _banding;
    readonly List<(ulong Key, int Document)> _entries;

    /// <summary>
    /// Creates an index for <paramref name="banding"/>, with room for the band keys of <paramref name="documents"/>
    /// documents (a list grown by doubling copies itself about as many times over as it ends up long).
    /// </summary>
    public LshIndex(LshBanding banding, int documents = 0)
    {
        _banding = banding;
        _entries = new(documents * banding.Bands);
    }

    /// <summary>The banding in use.</summary>
    public LshBanding Banding => _banding;

    /// <summary>Adds a document's signature.</summary>
    public void Add(int document, ReadOnlySpan<uint> signature)
    {
        Span<ulong> keys = stackalloc ulong[_banding.Bands];
        _banding.Keys(signature, keys);
        foreach (ulong k in keys) _entries.Add((k, document));
    }

    /// <summary>Candidate pairs (sorted, distinct).</summary>
    public List<CandidatePair> Pairs()
    {
        Span<(ulong Key, int Document)> all = CollectionsMarshal.AsSpan(_entries);
        all.Sort();
        var set = new HashSet<CandidatePair>();
        int i = 0;
        while (i < all.Length)
        {
            int j = i + 1;
            while (j < all.Length && all[j].Key == all[i].Key) j++;
            for (int x = i; x < j; x++)
                for (int y = x + 1; y < j; y++)
                    if (all[x].Document != all[y].Document) set.Add(new CandidatePair(all[x].Document, all[y].Document));
            i = j;
        }
        var list = set.ToList();
        list.Sort();
        return list;
    }
}
