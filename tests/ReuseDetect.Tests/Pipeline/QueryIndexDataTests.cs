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
        var postings = new List<(ulong Hash, int Owner)>();
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
}
