namespace ReuseDetect.Tests;

/// <summary>Locations of the repository, the seeds and the shared evaluation data, found from the test binary.</summary>
static class TestPaths
{
    static readonly Lazy<string> s_repo = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReuseDetect.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReuseDetect.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Repo => s_repo.Value;

    public static string Seeds => Path.Combine(Repo, "seeds");

    public static string TestSource => Path.Combine(Repo, "tests", "ReuseDetect.Tests");

    /// <summary>The shared data folder (<c>../shared/data</c> beside the repository), or null when absent.</summary>
    public static string? SharedData(string name)
    {
        string path = Path.GetFullPath(Path.Combine(Repo, "..", "shared", "data", name));
        return Directory.Exists(path) ? path : null;
    }
}

/// <summary>
/// Golden files under <c>Expectations/</c>: compared byte for byte; rewritten (never hand-edited) when
/// <c>REUSEDETECT_UPDATE_GOLDEN=1</c>.
/// </summary>
static class Golden
{
    public static void Verify(string relativePath, string actual)
    {
        string path = Path.Combine(TestPaths.TestSource, "Expectations", relativePath);
        if (Environment.GetEnvironmentVariable("REUSEDETECT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {relativePath} is missing; run the tests once with REUSEDETECT_UPDATE_GOLDEN=1.");
        string expected = File.ReadAllText(path);
        if (expected != actual)
        {
            File.WriteAllText(path + ".actual", actual);
            Assert.Fail($"{relativePath} differs from the golden file; the actual output is in {path}.actual. If the change is intended, regenerate with REUSEDETECT_UPDATE_GOLDEN=1.");
        }
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reusedetect-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
