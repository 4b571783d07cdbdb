using System.Text.Json;
using ReuseDetect.Evaluation;

namespace ReuseDetect.Testbed;

/// <summary>A member of a reported cluster: document, span, and whether it credits the origin (null for the origin).</summary>
sealed record ReportedMember(string Id, CharRange Range, bool? Credited);

/// <summary>A cluster of <c>report.json</c> as the scorer reads it.</summary>
sealed record ReportedCluster(string Id, string Kind, bool Boilerplate, string? OriginId, string? OriginBasis, string? SourceName,
    IReadOnlyList<ReportedMember> Members)
{
    /// <summary>A passage across documents that is not boilerplate: what the reuse figures count.</summary>
    public bool IsPassage => Kind == "passage" && !Boilerplate;
}

/// <summary>
/// Reads the clusters of a <c>report.json</c> (schema 1) tolerantly: <c>source</c> may be absent (reports from before
/// it existed) or null, <c>credited</c> may be null; anything else missing or of the wrong type is an
/// <see cref="InvalidDataException"/> that names the path and the cluster.
/// </summary>
static class ReportClusters
{
    public static List<ReportedCluster> Read(string reportJsonPath)
    {
        ArgumentNullException.ThrowIfNull(reportJsonPath);
        if (!File.Exists(reportJsonPath)) throw new FileNotFoundException($"report not found: {reportJsonPath}", reportJsonPath);
        try
        {
            return Parse(File.ReadAllText(reportJsonPath));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"{reportJsonPath}: not a readable report.json ({e.Message})", e);
        }
    }

    public static List<ReportedCluster> Parse(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        var clusters = new List<ReportedCluster>();
        foreach (JsonElement c in doc.RootElement.GetProperty("clusters").EnumerateArray())
        {
            string id = c.GetProperty("id").GetString() ?? "";
            JsonElement origin = c.GetProperty("origin");
            string? source = c.TryGetProperty("source", out JsonElement s) && s.ValueKind == JsonValueKind.Object
                && s.TryGetProperty("name", out JsonElement name) ? name.GetString() : null;
            var members = c.GetProperty("members").EnumerateArray().Select(m => new ReportedMember(
                m.GetProperty("id").GetString() ?? throw new InvalidDataException($"cluster {id}: member without id"),
                new CharRange(m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32()),
                m.TryGetProperty("credited", out JsonElement cr) && cr.ValueKind is JsonValueKind.True or JsonValueKind.False ? cr.GetBoolean() : null)).ToList();
            clusters.Add(new ReportedCluster(id, c.GetProperty("kind").GetString() ?? "", c.TryGetProperty("boilerplate", out JsonElement b) && b.ValueKind == JsonValueKind.True,
                origin.ValueKind == JsonValueKind.Object && origin.TryGetProperty("id", out JsonElement oid) ? oid.GetString() : null,
                origin.ValueKind == JsonValueKind.Object && origin.TryGetProperty("basis", out JsonElement basis) ? basis.GetString() : null,
                source, members));
        }
        return clusters;
    }
}
