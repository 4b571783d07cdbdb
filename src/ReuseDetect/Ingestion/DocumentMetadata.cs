namespace ReuseDetect.Ingestion;

/// <summary>What is known about a document besides its text.</summary>
public sealed record DocumentMetadata
{
    /// <summary>The outlet (site, paper) that published it; <c>unknown</c> when nothing says.</summary>
    public string Outlet { get; init; } = UnknownOutlet;

    /// <summary>Publication date when known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Title when known.</summary>
    public string? Title { get; init; }

    /// <summary>URL when known.</summary>
    public string? Url { get; init; }

    /// <summary>The outlet name used when none is known.</summary>
    public const string UnknownOutlet = "unknown";
}
