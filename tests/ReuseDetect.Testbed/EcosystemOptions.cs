namespace ReuseDetect.Testbed;

/// <summary>Which documents carry a machine-readable publication date.</summary>
public enum DateMode
{
    /// <summary>Every document that has metadata is dated (the metadata-less outlets cannot be); the origin is always the earliest.</summary>
    All,
    /// <summary>No publication date anywhere: the origin must be told from the texts.</summary>
    None,
    /// <summary>Some outlets date their pages, others do not.</summary>
    Mixed,
}

/// <summary>What to generate: the seed, how many base stories, and the dates.</summary>
public readonly record struct EcosystemOptions
{
    public EcosystemOptions() { }

    /// <summary>The seed: the same options give byte-identical files.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Base stories drawn from Reuters-21578; each becomes one to six documents.</summary>
    public int Stories { get; init; } = 120;

    public DateMode Dates { get; init; } = DateMode.All;

    /// <summary>The mode's name as the command line and truth.json spell it.</summary>
    public static string NameOf(DateMode mode) => mode switch
    {
        DateMode.All => "all",
        DateMode.None => "none",
        _ => "mixed",
    };

    /// <summary>Parses "all", "none" or "mixed".</summary>
    public static DateMode? ParseDates(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "all" => DateMode.All,
        "none" => DateMode.None,
        "mixed" => DateMode.Mixed,
        _ => null,
    };
}
