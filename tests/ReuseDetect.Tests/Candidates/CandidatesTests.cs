using ReuseDetect.Candidates;
using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Candidates;

public sealed class CandidatesTests
{
    [Fact]
    public void Should_find_documents_sharing_a_band()
    {
        var banding = new LshBanding(4, 2);
        var index = new LshIndex(banding);
        uint[] a = [1, 2, 3, 4, 5, 6, 7, 8], b = [1, 2, 9, 9, 9, 9, 9, 9], c = [9, 9, 1, 2, 8, 8, 8, 8];
        index.Add(0, a);
        index.Add(1, b);
        index.Add(2, c);
        // b shares band 0 with a; c has a's band-0 rows in band 1, which must not collide.
        Assert.Equal([new CandidatePair(0, 1)], index.Pairs());
    }

    [Fact]
    public void Should_pair_fingerprint_holders_skip_common_ones_and_star_large_groups()
    {
        var index = new FingerprintIndex();
        for (int d = 0; d < 6; d++)
        {
            var fps = new List<Fingerprint> { new(1000, 0) };          // in all 6 documents: too common at maxDocuments 5
            if (d < 2) fps.Add(new Fingerprint(2000, 3));              // shared by documents 0 and 1
            if (d >= 2) fps.Add(new Fingerprint(3000, 1));             // shared by documents 2..5: a star at cliqueLimit 3
            if (d == 5) fps.Add(new Fingerprint(3000, 40));            // twice in document 5: internal repeat
            index.Add(d, fps.ToArray());
        }
        var pairs = index.Pairs(maxDocuments: 5, cliqueLimit: 3);
        Assert.Equal([new(0, 1), new(2, 3), new(2, 4), new(2, 5), new(5, 5)], pairs.Keys);
    }
}
