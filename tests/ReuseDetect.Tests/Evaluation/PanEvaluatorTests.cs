using ReuseDetect.Alignment;
using ReuseDetect.Evaluation;

namespace ReuseDetect.Tests.Evaluation;

public sealed class PanEvaluatorTests
{
    /// <summary>The PAN 2013 training corpus, kept outside the repository in <c>shared/data</c> beside it.</summary>
    static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "pan13-text-alignment", "train");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    [Fact]
    public void Should_detect_verbatim_reuse_on_first_pan_pairs()
    {
        string? root = FindCorpus();
        if (root is null) Assert.Skip("PAN 2013 training corpus not found beside the repository (shared/data).");
        // Given the first 30 verbatim-copy pairs
        var evaluator = new PanEvaluator(new PanCorpus(root), AlignmentOptions.Pan);
        // When
        PanCategoryResult result = evaluator.Evaluate("02-no-obfuscation", 30, TestContext.Current.CancellationToken);
        // Then
        Assert.True(result.Score.PlagDet >= 0.9, $"plagdet {result.Score.PlagDet:F4}");
    }
}
