using ReuseDetect.Alignment;
using ReuseDetect.Candidates;
using ReuseDetect.Ingestion;
using ReuseDetect.Reporting;

namespace ReuseDetect.Pipeline;

/// <summary>All options of a scan, with the defaults the README documents. Immutable; change with <c>with</c>.</summary>
public readonly record struct ReuseDetectOptions
{
    /// <summary>The defaults.</summary>
    public ReuseDetectOptions() { }

    /// <summary>Words per shingle for signatures and fingerprints.</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>MinHash permutations (K), a multiple of 8.</summary>
    public int Permutations { get; init; } = 128;

    /// <summary>Seed of the MinHash permutations.</summary>
    public ulong Seed { get; init; } = Signatures.MinHasher.DefaultSeed;

    /// <summary>Jaccard similarity (over shingles) from which two documents are near-duplicates.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>Winnowing window: any shared run of Window + ShingleSize - 1 words shares a fingerprint.</summary>
    public int WinnowWindow { get; init; } = 6;

    /// <summary>A fingerprint held by more documents than this is a common phrase and links nothing.</summary>
    public int MaxDocumentFrequency { get; init; } = 1000;

    /// <summary>Documents sharing a fingerprint are all aligned pairwise up to this many; beyond, as a star.</summary>
    public int CliqueLimit { get; init; } = 24;

    /// <summary>A passage cluster whose members all come from at least this many documents of one known outlet is that outlet's boilerplate.</summary>
    public int BoilerplateMinDocuments { get; init; } = 3;

    /// <summary>Passage alignment options (minimum words, gaps, coverage).</summary>
    public AlignmentOptions Alignment { get; init; } = new();

    /// <summary>Folder walk and file reading options.</summary>
    public IngestOptions Ingest { get; init; } = new();

    /// <summary>Worker threads (1 = sequential). Results are the same for any value.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The key of everything stored results (signatures, aligned pairs) depend on: the algorithm version and every
    /// option of the detector, the aligner and the reader, as <c>Name=value</c> in name order, except the thread count
    /// (results do not depend on it) and the excluded folders (output locations). Built by reflection, so an option
    /// added later is part of the key without anyone having to remember it. A store written under another key is
    /// rebuilt, never mixed.
    /// </summary>
    public string ResultsKey()
    {
        var key = new System.Text.StringBuilder().Append("algorithm=").Append(ReuseDetector.AlgorithmVersion);
        AppendKey(key, "", this);
        return key.ToString();
    }

    // Typed, so that the properties read are known when the program is compiled (a trimmed or native AOT build keeps them).
    static void AppendKey<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        System.Text.StringBuilder key, string prefix, T options) where T : notnull
    {
        foreach (System.Reflection.PropertyInfo p in typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.Name is nameof(Parallelism) or nameof(IngestOptions.ExcludedFolders) || p.GetIndexParameters().Length > 0) continue;
            object? value = p.GetValue(options);
            if (value is AlignmentOptions alignment)
                AppendKey(key, prefix + p.Name + ".", alignment);
            else if (value is IngestOptions ingest)
                AppendKey(key, prefix + p.Name + ".", ingest);
            else
                key.Append(';').Append(prefix).Append(p.Name).Append('=')
                    .Append(value is IFormattable f ? f.ToString(value is double or float ? "R" : null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString());
        }
    }

    /// <summary>The parameters a report lists: these options, with the LSH banding chosen for the threshold.</summary>
    internal ReportParameters ToReportParameters()
    {
        var banding = LshBanding.ForThreshold(NearDuplicateThreshold, Permutations);
        return new ReportParameters(ShingleSize, Permutations, Seed.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            NearDuplicateThreshold, banding.Bands, banding.Rows, WinnowWindow, Alignment.MinWords,
            Alignment.SeedSize, Alignment.MaxGap, Alignment.MinCoverage, MaxDocumentFrequency,
            BoilerplateMinDocuments);
    }

    /// <summary>Checks the options, naming the first bad one.</summary>
    public void Validate()
    {
        if (ShingleSize < 1) throw new ArgumentOutOfRangeException(nameof(ShingleSize), ShingleSize, "Shingle size must be at least 1.");
        if (Permutations < 8 || Permutations % 8 != 0) throw new ArgumentOutOfRangeException(nameof(Permutations), Permutations, "Permutations must be a positive multiple of 8.");
        if (NearDuplicateThreshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(NearDuplicateThreshold), NearDuplicateThreshold, "Threshold must be in (0, 1].");
        if (WinnowWindow < 1) throw new ArgumentOutOfRangeException(nameof(WinnowWindow), WinnowWindow, "Window must be at least 1.");
        if (Alignment.MinWords < 1) throw new ArgumentOutOfRangeException(nameof(Alignment), Alignment.MinWords, "Minimum passage words must be at least 1.");
        if (Parallelism < 1) throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "Parallelism must be at least 1.");
    }
}
