using System.Reflection;
using ReuseDetect.Alignment;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Store.Tests;

/// <summary>The store's parameters come from one engine-owned key of every option stored results depend on.</summary>
public sealed class ResultsKeyTests
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months. "
        + "Analysts had expected a smaller increase after two consecutive hikes earlier this year, and markets reacted with a modest rally in the national currency.";

    /// <summary>A copy of <paramref name="options"/> with the property <paramref name="p"/> changed to another valid-looking value.</summary>
    static object Changed(object options, PropertyInfo p)
    {
        object copy = options; // a boxed copy of the struct
        object? value = p.GetValue(copy);
        object next = value switch
        {
            int i => i + 1,
            long l => l + 1,
            ulong u => u + 1,
            double d => d / 2 + 0.01,
            bool b => !b,
            _ => throw new InvalidOperationException($"{p.Name}: {p.PropertyType} has no test value; teach this test how to change it"),
        };
        p.SetValue(copy, next);
        return copy;
    }

    static IEnumerable<PropertyInfo> Settable(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType.IsPrimitive);

    [Fact]
    public void Should_change_the_store_parameters_when_any_option_results_depend_on_changes()
    {
        // Given the default options and their store parameters
        var defaults = new ReuseDetectOptions();
        StoreParameters baseline = StoreScanCache.ParametersFor(defaults);
        var checkedNames = new List<string>();
        // When each detector, alignment and reader option is changed in turn
        foreach (PropertyInfo p in Settable(typeof(ReuseDetectOptions)).Where(p => p.Name != nameof(ReuseDetectOptions.Parallelism)))
        {
            var changed = (ReuseDetectOptions)Changed(defaults, p);
            Assert.True(StoreScanCache.ParametersFor(changed) != baseline, $"{p.Name} is not part of the store key");
            checkedNames.Add(p.Name);
        }
        foreach (PropertyInfo p in Settable(typeof(AlignmentOptions)))
        {
            var changed = defaults with { Alignment = (AlignmentOptions)Changed(defaults.Alignment, p) };
            Assert.True(StoreScanCache.ParametersFor(changed) != baseline, $"Alignment.{p.Name} is not part of the store key");
            checkedNames.Add(p.Name);
        }
        foreach (PropertyInfo p in Settable(typeof(IngestOptions)))
        {
            var changed = defaults with { Ingest = (IngestOptions)Changed(defaults.Ingest, p) };
            Assert.True(StoreScanCache.ParametersFor(changed) != baseline, $"Ingest.{p.Name} is not part of the store key");
            checkedNames.Add(p.Name);
        }
        // Then every one of them changes the key (and the test did look at the options that broke before)
        Assert.Contains(nameof(AlignmentOptions.MinAnchorWords), checkedNames);
        Assert.Contains(nameof(AlignmentOptions.TrimDensity), checkedNames);
        Assert.Contains(nameof(ReuseDetectOptions.BoilerplateMinDocuments), checkedNames);
        // And the thread count and the excluded folders, which no result depends on, do not
        Assert.Equal(baseline, StoreScanCache.ParametersFor(defaults with { Parallelism = defaults.Parallelism + 1 }));
        Assert.Equal(baseline, StoreScanCache.ParametersFor(defaults with { Ingest = defaults.Ingest with { ExcludedFolders = ["/tmp/out"] } }));
    }

    [Fact]
    public void Should_not_depend_on_the_culture()
    {
        var options = new ReuseDetectOptions { Alignment = new AlignmentOptions { MinCoverage = 0.3 } };
        string invariant = options.ResultsKey();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(invariant, options.ResultsKey());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        Assert.Contains("Alignment.MinCoverage=0.3", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_a_warm_store_scanned_with_other_options_the_cold_scans_answer()
    {
        // Given a folder scanned with the defaults into a store
        using var root = new TempDir();
        using var storeDir = new TempDir();
        File.WriteAllText(Path.Combine(root.Path, "wire.txt"), Story);
        File.WriteAllText(Path.Combine(root.Path, "copy.txt"), "Breaking. " + Story.Replace("a modest rally", "a small rally", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root.Path, "reworded.txt"), "Markets: " + Story.Replace("raised", "lifted", StringComparison.Ordinal).Replace("persistent", "stubborn", StringComparison.Ordinal)
            .Replace("told reporters", "said", StringComparison.Ordinal).Replace("Analysts had expected", "Economists had forecast", StringComparison.Ordinal));
        var defaults = new ReuseDetectOptions { Parallelism = 1 };
        Scan(root.Path, storeDir.Path, defaults);
        // When it is scanned again through that store with options the old key left out
        var other = defaults with { Alignment = defaults.Alignment with { MinAnchorWords = 0, TrimDensity = 0 } };
        string warm = Scan(root.Path, storeDir.Path, other);
        // Then the answer is a cold scan's with those options
        Assert.Equal(JsonReportWriter.ToJson(new ReuseDetector(other).Scan(root.Path)), warm);
    }

    static string Scan(string root, string storeDir, ReuseDetectOptions options)
    {
        using var store = SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(options));
        return JsonReportWriter.ToJson(new ReuseDetector(options).Scan(new FolderSource(root, options.Ingest), new StoreScanCache(store)));
    }
}
