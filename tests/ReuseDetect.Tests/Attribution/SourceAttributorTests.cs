using ReuseDetect.Attribution;
using ReuseDetect.Clustering;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Attribution;

public sealed class SourceAttributorTests
{
    static AttributionDocument Doc(string id, string outlet, DateTimeOffset? published = null, params CreditLine[] credits) =>
        new(id, new DocumentMetadata { Outlet = outlet, Published = published }, credits);

    static SpanCluster Cluster(params int[] docs) => new([.. docs.Select(d => new ClusterMember(d, 0, 100))], 1.0);

    static readonly SourceAttributor s_attributor = new(boilerplateMinDocuments: 3);

    [Fact]
    public void Should_take_the_earliest_dated_member_as_origin()
    {
        var docs = new[] { Doc("a", "ann", new(2023, 12, 15, 0, 0, 0, TimeSpan.Zero)), Doc("b", "rferl", new(2023, 12, 14, 0, 0, 0, TimeSpan.Zero)) };
        var result = s_attributor.Attribute([Cluster(0, 1)], docs).Single();
        Assert.Equal(1, result.Origin.Document);
        Assert.Equal(SourceAttributor.EarliestDate, result.Origin.Basis);
        Assert.Equal(new MemberCredit(false, null), result.Credits[0]);
        Assert.Null(result.Credits[1].Credited);
    }

    [Fact]
    public void Should_take_a_credited_outlet_outside_the_corpus_and_mark_members_credited()
    {
        var credit = new CreditLine("RFE/RL", "with permission from RFE/RL", 10, 37);
        var docs = new[] { Doc("a", "unknown", null, credit), Doc("b", "unknown", null, credit), Doc("c", "unknown") };
        var result = s_attributor.Attribute([Cluster(0, 1, 2)], docs).Single();
        Assert.Null(result.Origin.Document);
        Assert.Equal("RFE/RL", result.Origin.Outlet);
        Assert.Equal(SourceAttributor.CreditLineBasis, result.Origin.Basis);
        Assert.Equal([true, true, false], result.Credits.Select(c => c.Credited));
    }

    [Fact]
    public void Should_prefer_the_member_that_belongs_to_the_credited_outlet()
    {
        var credit = new CreditLine("TASS", "TASS reports", 0, 12);
        var docs = new[] { Doc("massis/a", "Massis Post", null, credit), Doc("tass/b", "TASS") };
        var result = s_attributor.Attribute([Cluster(0, 1)], docs).Single();
        Assert.Equal(1, result.Origin.Document);
        Assert.True(result.Credits[0].Credited);
    }

    [Fact]
    public void Should_mark_one_outlets_repeated_passage_as_boilerplate_and_internal_repeats_as_such()
    {
        var docs = new[] { Doc("a", "ann"), Doc("b", "ann"), Doc("c", "ann"), Doc("d", "unknown"), Doc("e", "unknown"), Doc("f", "unknown") };
        var results = s_attributor.Attribute([Cluster(0, 1, 2), Cluster(3, 4, 5), Cluster(0, 1), Cluster(3, 3)], docs);
        Assert.Equal([true, false, false, false], results.Select(r => r.Boilerplate));
        Assert.Equal("internal", results[3].Kind);
        Assert.Equal(SourceAttributor.SameDocument, results[3].Origin.Basis);
        Assert.Equal(SourceAttributor.Undetermined, results[1].Origin.Basis);
    }
}
