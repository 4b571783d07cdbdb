using ReuseDetect.Pipeline;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>What the query index learns from the corpus so that a query judges candidates as a scan does.</summary>
public sealed class QueryIndexDataTests
{
    [Fact]
    public void Should_list_as_common_the_content_fingerprints_held_by_more_documents_than_a_scan_pairs_by()
    {
        // Given content fingerprints (ascending, repeated for each place) of 60 documents: 7 in all of them, 11 in the
        // first 51 (twice in each), 13 in the first 50, 17 in one
        var documents = new List<ulong[]>();
        for (int d = 0; d < 60; d++)
        {
            var hashes = new List<ulong> { 7 };
            if (d < 51) hashes.AddRange([11, 11]);
            if (d < 50) hashes.Add(13);
            if (d == 0) hashes.Add(17);
            documents.Add([.. hashes]);
        }
        // When
        ulong[] common = QueryIndexData.CommonContentOf(documents);
        // Then those held by more than the scan's limit of documents (a fingerprint counted once per document) are common
        Assert.Equal(50, ReuseDetector.ContentMaxDocuments);
        Assert.Equal([7UL, 11UL], common);
        Assert.Empty(QueryIndexData.CommonContentOf([]));
    }
}
