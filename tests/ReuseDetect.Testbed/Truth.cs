using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReuseDetect.Testbed;

/// <summary>
/// The ground truth of a generated ecosystem (<c>truth.json</c>, beside the corpus, never in it). It is independent of
/// file formats: documents by the id a scan gives them, planted text as strings (the scorer finds them in each
/// document's text as read), and for each story the pages that carry it, who copied from whom, and who is credited.
/// </summary>
public sealed record EcosystemTruth
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public int Seed { get; init; }
    /// <summary>all, none or mixed.</summary>
    public required string Dates { get; init; }
    public required IReadOnlyList<TruthDocument> Documents { get; init; }
    public required IReadOnlyList<TruthStory> Stories { get; init; }
    /// <summary>Text that recurs without being reuse a detector should report: common phrases, short quotes, same-topic stories.</summary>
    public IReadOnlyList<TruthNegative> Negatives { get; init; } = [];

    static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, s_options) + "\n";

    /// <summary>Reads <c>truth.json</c>; a file that is not one is an <see cref="InvalidDataException"/> naming the path.</summary>
    public static EcosystemTruth Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<EcosystemTruth>(File.ReadAllText(path), s_options)
                ?? throw new InvalidDataException($"{path}: empty ground truth");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a testbed ground truth ({e.Message})", e);
        }
    }
}

/// <summary>A document of the corpus: its id as a scan gives it, its true outlet, its format, and its planted furniture.</summary>
public sealed record TruthDocument
{
    public required string Id { get; init; }
    /// <summary>The outlet that really published it (a reader may know it by another name, or not at all).</summary>
    public required string Outlet { get; init; }
    /// <summary>html, text, markdown or jsonl.</summary>
    public required string Format { get; init; }
    /// <summary>True when the document declares its publication date (metadata a reader can use).</summary>
    public bool Dated { get; init; }
    /// <summary>When it was published (ISO 8601), declared or not: reposts always come after their parent.</summary>
    public required string Time { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<TruthFurniture> Furniture { get; init; }
}

/// <summary>
/// A furniture string of a document (header, caption, video, related headline, sign-off, newsletter, copyright, nav,
/// or a line copied from another outlet's page). <c>where</c> is <c>text</c> when it is written inside the article text
/// (for HTML: inside the article's content element, where a reader is likely to keep it), <c>page</c> when it is page
/// chrome outside the article that an HTML reader drops.
/// </summary>
public sealed record TruthFurniture(string Kind, string Text, string Where);

/// <summary>A story and its carriers, with the true origin and source.</summary>
public sealed record TruthStory
{
    public required string Id { get; init; }
    /// <summary>NEWID of the Reuters-21578 record the text comes from.</summary>
    public int ReutersId { get; init; }
    /// <summary>The agency whose story it is, or null for an outlet's own story.</summary>
    public string? Agency { get; init; }
    /// <summary>The outlet whose own story it is, or null.</summary>
    public string? OriginalOutlet { get; init; }
    /// <summary>The true origin document (the wire copy or the outlet's article) when in the corpus, else null.</summary>
    public string? Origin { get; init; }
    /// <summary>
    /// The answers counted right for the origin (null meaning "outside the corpus or undetermined"): the true origin
    /// when the evidence a reader has (a date, the wire's own dateline, a credit naming its outlet) points at it; also
    /// null and the apparent origin when nothing can tell.
    /// </summary>
    public required IReadOnlyList<string?> AcceptedOrigins { get; init; }
    /// <summary>How a reader can know the origin: date, wire-dateline, credit, outside-credited, or undeterminable.</summary>
    public required string OriginEvidence { get; init; }
    /// <summary>The true source: the agency, or the original outlet, when some document names it; else null.</summary>
    public string? Source { get; init; }
    public required IReadOnlyList<TruthCarrier> Carriers { get; init; }
}

/// <summary>
/// A document carrying a story: the carried block (dateline, paragraphs, sign-off, as printed after edits), what it was
/// copied from (a document, or an agency outside the corpus), which paragraphs of the parent <c>[from, to)</c>, how it
/// was edited, the credit lines it added (outside the block), the names it credits, and whether it credits the
/// story's origin or source (null for the origin itself).
/// </summary>
public sealed record TruthCarrier
{
    public required string Document { get; init; }
    public string? Parent { get; init; }
    public string? ParentAgency { get; init; }
    public int From { get; init; }
    public int To { get; init; }
    /// <summary>wire, original, verbatim, light or heavy.</summary>
    public required string Edit { get; init; }
    public string? Dateline { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? SignOff { get; init; }
    public IReadOnlyList<string> CreditLines { get; init; } = [];
    public IReadOnlyList<string> Credits { get; init; } = [];
    public bool? Credited { get; init; }

    /// <summary>The carried block as one text (paragraphs apart by a blank line).</summary>
    [JsonIgnore]
    public string Block => Blocks.Join(Dateline, Paragraphs, SignOff);
}

/// <summary>A hard negative: text planted in several stories that is not reuse between them.</summary>
public sealed record TruthNegative(string Kind, string Text, IReadOnlyList<string> Stories);
