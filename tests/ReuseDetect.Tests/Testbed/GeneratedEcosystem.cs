using ReuseDetect.Testbed;

namespace ReuseDetect.Tests.Testbed;

/// <summary>
/// One ecosystem generated for a test class (40 stories, seed 3, dated), or none when Reuters-21578 is not beside the
/// repository; tests then skip.
/// </summary>
public sealed class GeneratedEcosystem : IDisposable
{
    readonly TempFolder _folder = new();

    public GeneratedEcosystem()
    {
        if (Reuters is not { } reuters) return;
        Truth = NewsEcosystem.Generate(reuters, _folder.Path, new EcosystemOptions { Seed = 3, Stories = 40, Dates = DateMode.All });
    }

    public static string? Reuters => TestPaths.SharedData("reuters21578");

    public EcosystemTruth? Truth { get; }

    public string Path => _folder.Path;

    /// <summary>The truth, or a quiet skip when the data set is absent.</summary>
    public EcosystemTruth Require()
    {
        if (Truth is null) Assert.Skip("../shared/data/reuters21578 is not present");
        return Truth;
    }

    public void Dispose() => _folder.Dispose();
}
