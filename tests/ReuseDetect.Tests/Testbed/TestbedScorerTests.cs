using System.Text.Json.Nodes;
using ReuseDetect.Testbed;

namespace ReuseDetect.Tests.Testbed;

/// <summary>The scorer on hand-made reports over <see cref="TinyEcosystem"/>: each kind of error moves its own figure.</summary>
public sealed class TestbedScorerTests : IDisposable
{
    readonly TinyEcosystem _eco = new();

    public void Dispose() => _eco.Dispose();

    JsonObject Perfect()
    {
        string path = Path.Combine(_eco.Path, "perfect.json");
        TestbedReports.WritePerfect(_eco.Path, path);
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    static JsonArray Clusters(JsonObject report) => report["clusters"]!.AsArray();

    static JsonObject Member(JsonObject report, string id) =>
        Clusters(report)[0]!["members"]!.AsArray().Single(m => (string)m!["id"]! == id)!.AsObject();

    static JsonObject Cluster(string id, params (string Doc, int Start, int End)[] members) => new()
    {
        ["id"] = id,
        ["kind"] = "passage",
        ["boilerplate"] = false,
        ["origin"] = new JsonObject { ["id"] = null, ["basis"] = "undetermined" },
        ["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["id"] = m.Doc, ["start"] = m.Start, ["end"] = m.End, ["credited"] = false })]),
    };

    (int Start, int End) Find(string doc, string text)
    {
        int at = _eco.Text(doc).IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' not in {doc}");
        return (at, at + text.Length);
    }

    [Fact]
    public void Should_score_the_perfect_report_1_on_every_figure()
    {
        // Given the report of a perfect detector
        // When it is scored
        TestbedScore s = _eco.Score(Perfect().ToJsonString());

        // Then every figure is perfect
        Assert.Empty(s.Missing);
        Assert.Equal(2, s.PlagDet["verbatim"].Cases);
        Assert.Equal(1.0, s.PlagDet["verbatim"].PlagDet, 9);
        Assert.Equal(1.0, s.PlagDet["all"].Precision, 9);
        Assert.Equal(new Ratio(1, 1), s.Origin);
        Assert.Equal(new Ratio(1, 1), s.Source);
        Assert.Equal(new Ratio(2, 2), s.Credited);
        Assert.Equal(0, s.BoilerplateMembers);
        Assert.Equal(0, s.FalseClusters);
        Assert.Equal(0, s.NestedStories);
        Assert.Equal(1.0, s.MemberPrecision, 9);
        Assert.Contains("origin accuracy          1.000 (1/1)", s.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_count_a_cluster_outside_planted_reuse_as_false_unless_it_is_boilerplate()
    {
        // Given a second cluster joining the wire's headline and the Courier's header line
        JsonObject report = Perfect();
        var (ts, te) = Find("wire/one.txt", "Bank Raises Rates");
        var (hs, he) = Find("courier/two.txt", TinyEcosystem.CourierHeader);
        Clusters(report).Add(Cluster("extra", ("courier/two.txt", hs, he), ("wire/one.txt", ts, te)));

        // When it is scored, and when the same cluster is marked boilerplate
        TestbedScore s = _eco.Score(report.ToJsonString());
        Clusters(report)[1]!["boilerplate"] = true;
        TestbedScore flagged = _eco.Score(report.ToJsonString());

        // Then it is one false cluster of two, and its furniture member counts; flagged, it counts for nothing
        Assert.Equal(1, s.FalseClusters);
        Assert.Equal(0.5, s.FalseClusterShare);
        Assert.Equal(1, s.BoilerplateMembers);
        Assert.Equal(TinyEcosystem.CourierHeader.Length, s.BoilerplateChars);
        Assert.Equal(new Ratio(1, 1), s.Origin);
        Assert.Equal((0, 0, 1), (flagged.FalseClusters, flagged.BoilerplateMembers, flagged.PassageClusters));
    }

    [Fact]
    public void Should_count_a_wrong_origin()
    {
        JsonObject report = Perfect();
        Clusters(report)[0]!["origin"]!["id"] = "courier/two.txt";

        TestbedScore s = _eco.Score(report.ToJsonString());

        Assert.Equal(new Ratio(0, 1), s.Origin);
        Assert.Equal(new Ratio(0, 1), s.OriginByEvidence["wire-dateline"]);
        Assert.Equal(new Ratio(2, 2), s.Credited);
        Assert.Equal(1.0, s.PlagDet["all"].PlagDet, 9);
        Assert.Contains("origin: story s001 (wire-dateline): expected wire/one.txt, cluster truth-s001 says courier/two.txt", string.Join('\n', s.Examples), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_count_a_wrong_credited_flag()
    {
        JsonObject report = Perfect();
        Member(report, "herald/three.txt")["credited"] = true;

        TestbedScore s = _eco.Score(report.ToJsonString());

        Assert.Equal(new Ratio(1, 2), s.Credited);
        Assert.Equal(new Ratio(1, 1), s.Origin);
    }

    [Fact]
    public void Should_count_a_passage_that_runs_into_a_footer()
    {
        // Given the Courier's member stretched over its copyright footer
        JsonObject report = Perfect();
        Member(report, "courier/two.txt")["end"] = Find("courier/two.txt", TinyEcosystem.CourierFooter).End;

        TestbedScore s = _eco.Score(report.ToJsonString());

        // Then the footer is boilerplate in a passage, and the detection's precision drops
        Assert.Equal(1, s.BoilerplateMembers);
        Assert.Equal(TinyEcosystem.CourierFooter.Length, s.BoilerplateChars);
        Assert.InRange(s.PlagDet["verbatim"].Precision, 0.9, 0.99);
        Assert.Equal(1.0, s.PlagDet["verbatim"].Recall, 9);
        Assert.True(s.MemberPrecision < 1);
        Assert.Equal(0, s.FalseClusters);
    }

    [Fact]
    public void Should_count_the_same_text_in_two_clusters_as_nested_and_as_granularity()
    {
        // Given a second cluster holding paragraphs 2-3 of the wire and the Herald's copy again
        JsonObject report = Perfect();
        JsonObject wire = Member(report, "wire/one.txt"), herald = Member(report, "herald/three.txt");
        var (ps, _) = Find("wire/one.txt", TinyEcosystem.Paragraphs[1]);
        Clusters(report).Add(Cluster("inner", ("herald/three.txt", (int)herald["start"]!, (int)herald["end"]!), ("wire/one.txt", ps, (int)wire["end"]!)));

        TestbedScore s = _eco.Score(report.ToJsonString());

        Assert.Equal(1, s.NestedStories);
        Assert.Equal(1.5, s.PlagDet["verbatim"].Granularity, 9);
        Assert.Equal(0, s.FalseClusters);
    }

    [Fact]
    public void Should_read_a_report_without_source_as_naming_no_source()
    {
        JsonObject report = Perfect();
        Clusters(report)[0]!.AsObject().Remove("source");

        TestbedScore s = _eco.Score(report.ToJsonString());

        Assert.Equal(new Ratio(0, 1), s.Source);
        Assert.Equal(new Ratio(1, 1), s.Origin);
    }

    [Fact]
    public void Should_count_a_leading_headline_neither_for_nor_against_a_passage()
    {
        // Given the wire's member widened to start at its headline
        JsonObject report = Perfect();
        Member(report, "wire/one.txt")["start"] = 0;

        TestbedScore s = _eco.Score(report.ToJsonString());

        Assert.Equal(1.0, s.PlagDet["verbatim"].PlagDet, 9);
        Assert.Equal(1.0, s.MemberPrecision, 9);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"clusters\": [{\"id\": \"c1\", \"kind\": \"passage\"}]}")]
    public void Should_name_the_report_when_it_cannot_be_read(string json)
    {
        var e = Assert.Throws<InvalidDataException>(() => _eco.Score(json));
        Assert.Contains("report.json", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AP", "Associated Press", true)]
    [InlineData("AP News", "AP", true)]
    [InlineData("Anadolu Agency", "AA", true)]
    [InlineData("RFE/RL", "Radio Free Europe/Radio Liberty", true)]
    [InlineData("North Star Post", "northstarpost.net", true)]
    [InlineData("Reuters", "www.reuters.com", true)]
    [InlineData(null, "", true)]
    [InlineData("Reuters", "AP", false)]
    [InlineData("Reuters", null, false)]
    public void Should_compare_agency_and_outlet_names_loosely(string? a, string? b, bool same) =>
        Assert.Equal(same, Names.Same(a, b));
}
