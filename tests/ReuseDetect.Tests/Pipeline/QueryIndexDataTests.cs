using ReuseDetect.Candidates;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>What the query index learns from the corpus so that a query judges candidates as a scan does.</summary>
public sealed class QueryIndexDataTests
{
    /// <summary>Content fingerprints (ascending, repeated for each place) of 60 documents: 7 in all of them, 11 in the first 51 (twice in each), 13 in the first 50, 17 in one.</summary>
    static List<ulong[]> Documents()
    {
        var documents = new List<ulong[]>();
        for (int d = 0; d < 60; d++)
        {
            var hashes = new List<ulong> { 7 };
            if (d < 51) hashes.AddRange([11, 11]);
            if (d < 50) hashes.Add(13);
            if (d == 0) hashes.Add(17);
            documents.Add([.. hashes]);
        }
        return documents;
    }

    [Fact]
    public void Should_list_as_common_the_content_fingerprints_held_by_more_documents_than_a_scan_pairs_by()
    {
        // Given content fingerprints of 60 documents
        List<ulong[]> documents = Documents();
        // When
        ulong[] common = QueryIndexData.CommonContentOf(documents);
        // Then those held by more than the scan's limit of documents (a fingerprint counted once per document) are common
        Assert.Equal(50, CandidateSearch.ContentMaxDocuments);
        Assert.Equal([7UL, 11UL], common);
        Assert.Empty(QueryIndexData.CommonContentOf([]));
    }

    [Fact]
    public void Should_count_again_only_the_candidates_and_agree_with_a_full_count()
    {
        // Given the documents above and their postings (each document's distinct content fingerprints, and 13 also as a
        // fingerprint of documents 50 to 59, twice each: postings that are not content)
        List<ulong[]> documents = Documents();
        var postings = new PostingList();
        for (int d = 0; d < documents.Count; d++)
        {
            ulong[] fingerprints = d >= 50 ? [13, 13] : [];
            QueryIndexData.AddPostings(postings, d, fingerprints, [], documents[d]);
        }
        var (sorted, owners) = QueryIndexData.Sorted(postings);
        // When the common ones among some candidates (unordered, repeated, one held by nobody) are counted from the postings
        ulong[] common = QueryIndexData.CommonContentAmong([17, 13, 11, 7, 11, 99], sorted, owners, d => documents[d]);
        // Then they are those of the full count: 13 has 60 owners but 50 holders, 11 is counted once per document
        Assert.Equal(QueryIndexData.CommonContentOf(documents), common);
        Assert.Equal([11UL], QueryIndexData.CommonContentAmong([13, 11], sorted, owners, d => documents[d]));
        Assert.Empty(QueryIndexData.CommonContentAmong([], sorted, owners, d => documents[d]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1000)]
    [InlineData(2000)]
    public void Should_sort_postings_by_hash_then_owner_whatever_the_capacity(int capacity)
    {
        // Given random postings, many sharing a hash, added to a list of the given capacity (grown when short)
        var random = new Random(capacity + 1);
        var expected = new List<(ulong Hash, int Owner)>();
        var postings = new PostingList(capacity);
        for (int i = 0; i < 1000; i++)
        {
            ulong hash = random.Next(3) == 0 ? (ulong)random.Next(20) : ((ulong)random.Next() << 32) | (uint)random.Next();
            int owner = random.Next(300);
            expected.Add((hash, owner));
            postings.Add(hash, owner);
        }
        // When they are sorted into the arrays an index keeps
        var (hashes, owners) = QueryIndexData.Sorted(postings);
        // Then they are all there, by hash then owner, in arrays of exactly their count
        expected.Sort();
        Assert.Equal(1000, postings.Count);
        Assert.Equal(expected.Select(p => p.Hash), hashes);
        Assert.Equal(expected.Select(p => p.Owner), owners);
        // (a list of exactly their count is sorted where it lies, not copied)
        Assert.Equal(capacity == 1000 || postings.Hashes.Length == 1000, ReferenceEquals(hashes, postings.Hashes));
    }

    [Fact]
    public void Should_post_a_documents_distinct_content_fingerprints_once_beside_all_its_fingerprints_and_lines()
    {
        // Given a document's fingerprints (one repeated), lines and content fingerprints (ascending, repeated per place)
        var postings = new PostingList();
        // When its postings are added
        QueryIndexData.AddPostings(postings, 4, [9, 9, 2], [5], [1, 1, 3, 8, 8, 8]);
        // Then fingerprints and lines are posted as they are, content fingerprints once each
        Assert.Equal([9UL, 9, 2, 5, 1, 3, 8], postings.Hashes.Take(postings.Count));
        Assert.All(postings.Owners.Take(postings.Count), o => Assert.Equal(4, o));
    }
}
