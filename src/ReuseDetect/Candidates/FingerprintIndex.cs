using System.Runtime.InteropServices;
using ReuseDetect.Signatures;

namespace ReuseDetect.Candidates;

/// <summary>
/// Inverted index from winnowing fingerprint to documents. Postings are one flat array of (hash, document)
/// sorted once, which costs 16 bytes a fingerprint and no per-entry objects. Candidate pairs are documents
/// that share a fingerprint held by at most <c>maxDocuments</c> documents (commoner fingerprints are phrases,
/// not reuse); groups larger than <c>cliqueLimit</c> are linked as a star around their first document, which keeps
/// the pair count linear while still connecting every holder for clustering. A document holding the same
/// fingerprint twice is a candidate for internal repeats.
/// </summary>
public sealed class FingerprintIndex
{
    [StructLayout(LayoutKind.Sequential)]
    readonly record struct Posting(ulong Hash, int Document) : IComparable<Posting>
    {
        public int CompareTo(Posting other) => Hash != other.Hash ? Hash.CompareTo(other.Hash) : Document.CompareTo(other.Document);
    }

    readonly List<Posting> _postings = [];

    /// <summary>Adds a document's fingerprints.</summary>
    public void Add(int document, ReadOnlySpan<Fingerprint> fingerprints)
    {
        foreach (Fingerprint f in fingerprints) _postings.Add(new Posting(f.Hash, document));
    }

    /// <summary>Number of postings.</summary>
    public int Count => _postings.Count;

    /// <summary>Candidate pairs, sorted, each with the number of fingerprints the two documents share.</summary>
    public SortedDictionary<CandidatePair, int> Pairs(int maxDocuments, int cliqueLimit)
    {
        Span<Posting> all = CollectionsMarshal.AsSpan(_postings);
        all.Sort();
        var pairs = new Dictionary<CandidatePair, int>();
        var docs = new List<int>();
        int i = 0;
        while (i < all.Length)
        {
            int j = i;
            docs.Clear();
            while (j < all.Length && all[j].Hash == all[i].Hash)
            {
                int d = all[j].Document;
                if (docs.Count > 0 && docs[^1] == d)
                {
                    // Same fingerprint twice in one document: a possible internal repeat.
                    Bump(pairs, new CandidatePair(d, d));
                }
                else
                {
                    docs.Add(d);
                }
                j++;
            }
            i = j;
            if (docs.Count < 2 || docs.Count > maxDocuments) continue;
            if (docs.Count <= cliqueLimit)
            {
                for (int x = 0; x < docs.Count; x++)
                    for (int y = x + 1; y < docs.Count; y++)
                        Bump(pairs, new CandidatePair(docs[x], docs[y]));
            }
            else
            {
                for (int y = 1; y < docs.Count; y++) Bump(pairs, new CandidatePair(docs[0], docs[y]));
            }
        }
        return new SortedDictionary<CandidatePair, int>(pairs);
    }

    static void Bump(Dictionary<CandidatePair, int> pairs, CandidatePair key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(pairs, key, out _)++;
}
