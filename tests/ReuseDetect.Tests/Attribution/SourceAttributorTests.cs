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

    static readonly CreditLine s_reutersDateline = new("Reuters", "(Reuters) -", 7, 18, CreditKinds.Dateline);
    static readonly CreditLine s_reutersSignOff = new("Reuters", "Reporting by Jane Doe; Editing by John Smith", 900, 944, CreditKinds.SignOff);

    [Fact]
    public void Should_take_the_undated_bare_copy_with_the_agencys_dateline_as_the_wire_copy()
    {
        // Given two bare copies of one Reuters story, neither dated: the first in document order keeps only the sign-off,
        // the second opens with the dateline as well
        var docs = new[] { Doc("a/s.txt", "unknown", null, s_reutersSignOff), Doc("r/s.txt", "unknown", null, s_reutersDateline, s_reutersSignOff) };
        // When attributed
        var result = s_attributor.Attribute([Cluster(0, 1)], docs).Single();
        // Then the copy with the dateline is the origin, and the other credits it
        Assert.Equal(1, result.Origin.Document);
        Assert.Equal(SourceAttributor.WireCopy, result.Origin.Basis);
        Assert.Equal("Reuters", result.Source!.Name);
        Assert.True(result.Credits[0].Credited);
    }

    [Fact]
    public void Should_not_take_a_page_with_another_owners_copyright_line_for_the_bare_wire_copy()
    {
        // Given two copies with the Reuters dateline, the first also printing its own site's copyright line (found, and
        // crediting nobody), the second carrying less of the passage
        var copyright = new CreditLine("Local D Media Group", "Copyright 2024 Local D Media Group", 950, 984, CreditKinds.Copyright);
        var docs = new[]
        {
            Doc("d/s.txt", "unknown", null, s_reutersDateline, s_reutersSignOff) with { Candidates = [s_reutersDateline, s_reutersSignOff, copyright] },
            Doc("r/s.txt", "unknown", null, s_reutersDateline) with { Candidates = [s_reutersDateline] },
        };
        var cluster = new SpanCluster([new ClusterMember(0, 0, 1000), new ClusterMember(1, 0, 900)], 1.0);
        // When attributed
        var result = s_attributor.Attribute([cluster], docs).Single();
        // Then the page of the local site is a repost, not the wire's copy
        Assert.Equal(1, result.Origin.Document);
        Assert.Equal(SourceAttributor.WireCopy, result.Origin.Basis);
        // and without that line it would have been the origin (it carries more of the passage)
        var bare = s_attributor.Attribute([cluster], [docs[0] with { Candidates = [s_reutersDateline, s_reutersSignOff] }, docs[1]]).Single();
        Assert.Equal(0, bare.Origin.Document);
    }

    [Fact]
    public void Should_still_take_the_earliest_dated_bare_copy_before_the_one_with_the_dateline()
    {
        var early = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var docs = new[] { Doc("a/s.txt", "unknown", early, s_reutersSignOff), Doc("r/s.txt", "unknown", early.AddHours(2), s_reutersDateline, s_reutersSignOff) };
        var result = s_attributor.Attribute([Cluster(0, 1)], docs).Single();
        Assert.Equal(0, result.Origin.Document);
    }

    [Fact]
    public void Should_trace_a_credit_to_an_outlet_whose_page_is_dated_after_the_first_copy_back_to_that_copy()
    {
        // Given Metro Herald's story (first, crediting nobody), Daily Courier's uncredited copy a day later, Caspian Monitor's
        // copy crediting Daily Courier, and an undated copy crediting Metro Herald
        var day = new DateTimeOffset(2024, 3, 22, 19, 0, 0, TimeSpan.Zero);
        var fromCourier = new CreditLine("Daily Courier", "with permission from Daily Courier", 500, 534, CreditKinds.Permission);
        var fromHerald = new CreditLine("Metro Herald", "According to Metro Herald", 100, 125, CreditKinds.Source);
        var docs = new[]
        {
            Doc("metroherald/a.html", "Metro Herald", day), Doc("dailycourier/a.txt", "Daily Courier", day.AddDays(1)),
            Doc("caspian/a.json", "Caspian Monitor", day.AddDays(2), fromCourier), Doc("ararat/a.txt", "unknown", null, fromHerald),
        };
        // (Daily Courier's copy aligned with Metro Herald's over all of its text)
        SpanCluster cluster = Cluster(0, 1, 2, 3) with { Links = [new(0, 0, 100, 1, 0, 100, 1.0), new(1, 0, 100, 2, 0, 100, 1.0), new(0, 0, 100, 3, 0, 100, 1.0)] };
        // When attributed
        var result = s_attributor.Attribute([cluster], docs).Single();
        // Then Daily Courier's page, later than Metro Herald's, passes its credit on: both credits lead to Metro Herald,
        // whose page is the origin (before this, the tie went to the name first in ordinal order, Daily Courier)
        Assert.Equal("Metro Herald", result.Source!.Name);
        Assert.Equal(0, result.Origin.Document);
        Assert.Equal(SourceAttributor.SourceOutlet, result.Origin.Basis);
        Assert.Equal([null, false, false, true], result.Credits.Select(c => c.Credited));
        // But when the first member shares only a paragraph with Daily Courier's page (another, older story in the
        // cluster), the credit stays with Daily Courier
        SpanCluster fragment = cluster with { Links = [new(0, 60, 90, 1, 60, 90, 0.4), new(1, 0, 100, 2, 0, 100, 1.0), new(0, 0, 100, 3, 0, 100, 1.0)] };
        var kept = s_attributor.Attribute([fragment], docs).Single();
        Assert.Equal("Daily Courier", kept.Source!.Name);
        Assert.Equal(1, kept.Origin.Document);
    }

    [Fact]
    public void Should_not_trace_a_credit_past_a_page_that_is_first_or_undated()
    {
        var day = new DateTimeOffset(2024, 3, 22, 19, 0, 0, TimeSpan.Zero);
        var fromCourier = new CreditLine("Daily Courier", "with permission from Daily Courier", 500, 534, CreditKinds.Permission);
        // The credited outlet's page is the first: it stays the source and origin
        var first = new[] { Doc("dailycourier/a.txt", "Daily Courier", day), Doc("metroherald/a.html", "Metro Herald", day.AddDays(1)), Doc("caspian/a.json", "Caspian Monitor", day.AddDays(2), fromCourier) };
        var a = s_attributor.Attribute([Cluster(0, 1, 2)], first).Single();
        Assert.Equal("Daily Courier", a.Source!.Name);
        Assert.Equal(0, a.Origin.Document);
        // The credited outlet's page is undated: nothing says it came second
        var undated = new[] { Doc("dailycourier/a.txt", "Daily Courier"), Doc("metroherald/a.html", "Metro Herald", day), Doc("caspian/a.json", "Caspian Monitor", day.AddDays(2), fromCourier) };
        var b = s_attributor.Attribute([Cluster(0, 1, 2)], undated).Single();
        Assert.Equal("Daily Courier", b.Source!.Name);
        Assert.Equal(0, b.Origin.Document);
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
