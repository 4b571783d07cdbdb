using System.Reflection;
using PublicApiGenerator;
using ReuseDetect.Cli;
using ReuseDetect.Pipeline;
using ReuseDetect.Store;
using ReuseDetect.Worker;

namespace ReuseDetect.Tests;

/// <summary>
/// The public API of every shipped assembly, locked by an approved text under <c>Expectations/PublicApi/</c>: adding,
/// removing or changing a public member fails here until the approved file is regenerated
/// (<c>REUSEDETECT_UPDATE_GOLDEN=1</c>) and the change is reviewed in the diff. Types are internal unless the CLI, the
/// worker, the store or a library caller needs them (README, "Public API").
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => ["ReuseDetect", "ReuseDetect.Store", "ReuseDetect.Worker", "reuse"];

    static Assembly Load(string name) => name switch
    {
        "ReuseDetect" => typeof(ReuseDetector).Assembly,
        "ReuseDetect.Store" => typeof(SignatureStore).Assembly,
        "ReuseDetect.Worker" => typeof(WatchHost).Assembly,
        "reuse" => typeof(CliApp).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a shipped assembly."),
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Should_expose_only_the_approved_public_api(string assembly)
    {
        // Given a shipped assembly
        Assembly shipped = Load(assembly);
        // When its public API is written out
        string api = shipped.GeneratePublicApi(new ApiGeneratorOptions()).ReplaceLineEndings("\n");
        // Then it is the approved one
        Golden.Verify(Path.Combine("PublicApi", assembly + ".approved.txt"), api);
    }
}
