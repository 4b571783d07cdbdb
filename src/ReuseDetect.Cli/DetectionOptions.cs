using System.CommandLine;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Cli;

/// <summary>The detection options every verb shares, and their mapping onto <see cref="ReuseDetectOptions"/>.</summary>
sealed class DetectionOptions
{
    static readonly ReuseDetectOptions s_defaults = new();

    public Option<int> Shingle { get; } = new("--shingle") { Description = "Words per shingle for signatures and fingerprints.", DefaultValueFactory = _ => s_defaults.ShingleSize };
    public Option<int> Permutations { get; } = new("--permutations") { Description = "MinHash permutations K (multiple of 8).", DefaultValueFactory = _ => s_defaults.Permutations };
    public Option<double> Threshold { get; } = new("--threshold") { Description = "Jaccard similarity from which two documents are near-duplicates.", DefaultValueFactory = _ => s_defaults.NearDuplicateThreshold };
    public Option<int> MinWords { get; } = new("--min-words") { Description = "Shortest reported passage, in words.", DefaultValueFactory = _ => s_defaults.Alignment.MinWords };
    public Option<double> MinCoverage { get; } = new("--min-coverage") { Description = "Least share (0-1) of a passage's words that must match the other copy.", DefaultValueFactory = _ => s_defaults.Alignment.MinCoverage };
    public Option<int> MaxGap { get; } = new("--max-gap") { Description = "Largest run of edited words inside one passage.", DefaultValueFactory = _ => s_defaults.Alignment.MaxGap };
    public Option<int> Window { get; } = new("--window") { Description = "Winnowing window (fingerprint density).", DefaultValueFactory = _ => s_defaults.WinnowWindow };
    public Option<int> MaxDf { get; } = new("--max-df") { Description = "Fingerprints in more documents than this are common phrases, not reuse.", DefaultValueFactory = _ => s_defaults.MaxDocumentFrequency };
    public Option<bool> OutletFromFolder { get; } = new("--outlet-from-folder") { Description = "Take each document's outlet from its first folder under the root (root/<outlet>/...)." };
    public Option<int> MaxFileMb { get; } = new("--max-file-mb") { Description = "Skip (and report) files larger than this many MiB.", DefaultValueFactory = _ => (int)(s_defaults.Ingest.MaxFileBytes >> 20) };
    public Option<int> Threads { get; } = new("--threads") { Description = "Worker threads, 0 for one per core; results are identical for any value.", DefaultValueFactory = _ => 0 };

    public IEnumerable<Option> All => [Shingle, Permutations, Threshold, MinWords, MinCoverage, MaxGap, Window, MaxDf, OutletFromFolder, MaxFileMb, Threads];

    /// <summary>The report folder when none is named: beside the input, <c>&lt;folder&gt;.reuse</c>.</summary>
    public static string DefaultOutput(string root) => Path.TrimEndingDirectorySeparator(root) + ".reuse";

    /// <summary>Binds and validates the options; on a bad value writes the reason to <paramref name="stderr"/> and returns false.</summary>
    public bool TryBind(ParseResult parse, IReadOnlyList<string> excludedFolders, TextWriter stderr, out ReuseDetectOptions options)
    {
        try
        {
            options = Bind(parse, excludedFolders);
            options.Validate();
            return true;
        }
        catch (ArgumentOutOfRangeException e)
        {
            stderr.WriteLine("reuse: " + ConsoleSummary.Name(e.Message));
            options = default;
            return false;
        }
    }

    public ReuseDetectOptions Bind(ParseResult parse, IReadOnlyList<string> excludedFolders) => s_defaults with
    {
        ShingleSize = parse.GetValue(Shingle),
        Permutations = parse.GetValue(Permutations),
        NearDuplicateThreshold = parse.GetValue(Threshold),
        WinnowWindow = parse.GetValue(Window),
        MaxDocumentFrequency = parse.GetValue(MaxDf),
        Parallelism = parse.GetValue(Threads) is > 0 and int t ? t : Environment.ProcessorCount,
        Alignment = s_defaults.Alignment with
        {
            MinWords = parse.GetValue(MinWords),
            MinCoverage = parse.GetValue(MinCoverage),
            MaxGap = parse.GetValue(MaxGap),
        },
        Ingest = s_defaults.Ingest with
        {
            OutletFromFolder = parse.GetValue(OutletFromFolder),
            MaxFileBytes = (long)parse.GetValue(MaxFileMb) << 20,
            ExcludedFolders = excludedFolders,
        },
    };
}
