using ReuseDetect.Evaluation;

namespace ReuseDetect.Tests.Evaluation;

public sealed class PanMeasuresTests
{
    static PanPassage P(int s0, int s1, int r0, int r1, string pair = "p") => new(pair, new CharRange(s0, s1), new CharRange(r0, r1));

    [Fact]
    public void Should_score_perfect_detection_as_one()
    {
        // Given a case detected exactly
        var cases = new[] { P(100, 200, 0, 100) };
        // When
        PanScore score = PanMeasures.Score(cases, cases);
        // Then
        Assert.Equal(1.0, score.Precision, 10);
        Assert.Equal(1.0, score.Recall, 10);
        Assert.Equal(1.0, score.Granularity, 10);
        Assert.Equal(1.0, score.PlagDet, 10);
    }

    [Fact]
    public void Should_count_granularity_and_partial_recall()
    {
        // Given one case of 100+100 chars found by two detections covering half of each side
        var cases = new[] { P(0, 100, 0, 100) };
        var dets = new[] { P(0, 25, 0, 25), P(50, 75, 50, 75) };
        // When
        PanScore score = PanMeasures.Score(cases, dets);
        // Then recall = 100/200, precision = 1, granularity = 2, plagdet = F1 / log2(3)
        Assert.Equal(0.5, score.Recall, 10);
        Assert.Equal(1.0, score.Precision, 10);
        Assert.Equal(2.0, score.Granularity, 10);
        Assert.Equal(2 * 0.5 / 1.5 / Math.Log2(3), score.PlagDet, 10);
    }

    [Fact]
    public void Should_not_credit_a_detection_overlapping_only_one_document()
    {
        // Given a detection that overlaps the suspicious side but not the source side
        var cases = new[] { P(0, 100, 0, 100) };
        var dets = new[] { P(0, 100, 500, 600) };
        // When
        PanScore score = PanMeasures.Score(cases, dets);
        // Then it neither recalls nor is precise
        Assert.Equal(0, score.Recall, 10);
        Assert.Equal(0, score.Precision, 10);
        Assert.Equal(0, score.PlagDet, 10);
    }

    [Fact]
    public void Should_penalise_overlong_detection_in_precision_only()
    {
        // Given a detection twice as long as the case on both sides
        var cases = new[] { P(100, 200, 100, 200) };
        var dets = new[] { P(50, 250, 50, 250) };
        // When
        PanScore score = PanMeasures.Score(cases, dets);
        // Then
        Assert.Equal(1.0, score.Recall, 10);
        Assert.Equal(0.5, score.Precision, 10);
    }

    [Fact]
    public void Should_keep_pairs_apart()
    {
        var cases = new[] { P(0, 100, 0, 100, "a") };
        var dets = new[] { P(0, 100, 0, 100, "b") };
        PanScore score = PanMeasures.Score(cases, dets);
        Assert.Equal(0, score.Recall, 10);
    }

    [Fact]
    public void Should_union_overlapping_ranges()
    {
        Assert.Equal(150, PanMeasures.UnionLength([new CharRange(0, 100), new CharRange(50, 150), new CharRange(10, 20)]));
        Assert.Equal(0, PanMeasures.UnionLength([]));
    }
}
