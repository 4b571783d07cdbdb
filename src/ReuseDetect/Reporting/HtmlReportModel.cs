using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReuseDetect.Reporting;

/// <summary>
/// The data <c>report.html</c> embeds: a compact JSON view of the report. Documents and members refer to one another
/// by index; each cluster names a base member (the origin's copy when the origin is in the corpus, else the first) whose
/// text is stored once, and every other member stores a word diff against it (<c>[kind, text]</c> pairs, kind 0 kept,
/// 1 added, -1 dropped), or <c>same: true</c> when identical. Every string from the input is display-safe
/// (<see cref="DisplayText"/>): names carry no control or bidi character, so none can reorder the text beside it.
/// </summary>
static class HtmlReportModel
{
    /// <summary>Span kinds in a document's <c>spans</c>: <c>[start, end, cluster index, kind]</c>.</summary>
    const int SpanPassage = 0, SpanInternal = 1, SpanBoilerplate = 2;

    /// <summary>Clusters built at once (in parallel) before they are written: bounds the model held in memory.</summary>
    const int ClusterBatch = 256;

    /// <summary>
    /// Writes the model as one JSON object, node by node: each document and cluster is built, written and dropped, so
    /// the whole model is never held at once (the same bytes as serializing it in one piece).
    /// </summary>
    public static void Write(Utf8JsonWriter w, ReuseReport report, JsonSerializerOptions options, int parallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(report);
        var docIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < report.Documents.Count; i++) docIndex[report.Documents[i].Id] = i;
        var spans = new List<(int Start, int End, int Cluster, int Kind)>?[report.Documents.Count];
        for (int ci = 0; ci < report.Clusters.Count; ci++)
        {
            ReportCluster c = report.Clusters[ci];
            int kind = c.Boilerplate ? SpanBoilerplate : c.Kind == "internal" ? SpanInternal : SpanPassage;
            foreach (ReportMember m in c.Members)
                if (docIndex.TryGetValue(m.Id, out int d)) (spans[d] ??= []).Add((m.Start, m.End, ci, kind));
        }

        ReportSummary s = report.Summary;
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", report.SchemaVersion);
        w.WritePropertyName("summary");
        new JsonObject
        {
            ["documents"] = s.Documents, ["skipped"] = s.Skipped, ["ignored"] = s.Ignored, ["clusters"] = s.Clusters, ["passageClusters"] = s.PassageClusters,
            ["internalClusters"] = s.InternalClusters, ["boilerplateClusters"] = s.BoilerplateClusters,
            ["nearDuplicatePairs"] = s.NearDuplicatePairs, ["totalChars"] = s.TotalChars, ["reusedChars"] = s.ReusedChars,
            ["reusedFraction"] = s.ReusedFraction,
            ["outlets"] = report.Documents.Where(d => d.Error is null).Select(d => d.Outlet ?? ReuseGraph.UnknownOutlet).Distinct(StringComparer.Ordinal).Count(),
        }.WriteTo(w, options);
        w.WritePropertyName("parameters");
        new JsonObject
        {
            ["shingle"] = report.Parameters.Shingle, ["permutations"] = report.Parameters.Permutations,
            ["threshold"] = report.Parameters.NearDuplicateThreshold, ["minWords"] = report.Parameters.MinWords,
        }.WriteTo(w, options);

        w.WriteStartArray("documents");
        for (int i = 0; i < report.Documents.Count; i++)
        {
            ReportDocument d = report.Documents[i];
            new JsonObject
            {
                ["id"] = Name(d.Id), ["outlet"] = NameOrNull(d.Outlet), ["published"] = NameOrNull(d.Published), ["title"] = NameOrNull(d.Title), ["url"] = NameOrNull(d.Url),
                ["length"] = d.Length, ["bodyStart"] = d.BodyStart, ["reusedChars"] = d.ReusedChars, ["reusedFraction"] = d.ReusedFraction,
                ["internalChars"] = d.InternalRepeatChars, ["boilerplateChars"] = d.BoilerplateChars, ["error"] = NameOrNull(d.Error),
                ["shared"] = new JsonArray([.. d.SharedWith.Select(x => (JsonNode)new JsonArray(docIndex.GetValueOrDefault(x.Id, -1), x.Chars, x.Clusters))]),
                ["spans"] = new JsonArray([.. (spans[i] ?? []).OrderBy(x => x.Start).ThenBy(x => x.End)
                    .Select(x => (JsonNode)new JsonArray(x.Start, x.End, x.Cluster, x.Kind))]),
            }.WriteTo(w, options);
            spans[i] = null;
        }
        w.WriteEndArray();

        // Each cluster's word diffs are independent (the LCS tables are most of the page's cost): a batch of clusters
        // is built in parallel, then written in order, so the bytes do not depend on the number of threads.
        w.WriteStartArray("clusters");
        var batch = new JsonObject[Math.Min(ClusterBatch, report.Clusters.Count)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        for (int from = 0; from < report.Clusters.Count; from += ClusterBatch)
        {
            int count = Math.Min(ClusterBatch, report.Clusters.Count - from);
            Parallel.For(0, count, parallel, i => batch[i] = Cluster(report.Clusters[from + i], docIndex));
            for (int i = 0; i < count; i++)
            {
                batch[i].WriteTo(w, options);
                batch[i] = null!;
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("nearDuplicates");
        foreach (ReportNearDuplicate n in report.NearDuplicates)
            new JsonObject
            {
                ["ids"] = new JsonArray([.. n.Ids.Select(id => (JsonNode?)JsonValue.Create(Name(id)))]), ["jaccard"] = n.Jaccard,
            }.WriteTo(w, options);
        w.WriteEndArray();

        ReuseGraph graph = ReuseGraph.From(report);
        w.WritePropertyName("graph");
        new JsonObject
        {
            ["nodeKind"] = graph.NodeKind,
            ["nodes"] = new JsonArray([.. graph.Nodes.Select(n => (JsonNode)new JsonObject
            {
                ["id"] = Name(n.Id), ["kind"] = n.Kind, ["documents"] = n.Documents, ["reusedChars"] = n.ReusedChars,
            })]),
            ["edges"] = new JsonArray([.. graph.Edges.Select(e => (JsonNode)new JsonArray(Name(e.Source), Name(e.Target), e.Chars, e.Clusters, e.Directed))]),
        }.WriteTo(w, options);
        w.WriteEndObject();
    }

    static JsonObject Cluster(ReportCluster c, Dictionary<string, int> docIndex)
    {
        int baseIndex = 0;
        if (c.Origin.Id is { } originId)
        {
            int found = c.Members.ToList().FindIndex(m => m.Id == originId);
            if (found >= 0) baseIndex = found;
        }
        string baseText = c.Members.Count > 0 ? DisplayText.Text(c.Members[baseIndex].Text) : "";
        var members = new JsonArray();
        var origin = new WordDiff.Origin(baseText);
        for (int i = 0; i < c.Members.Count; i++)
        {
            ReportMember m = c.Members[i];
            var o = new JsonObject
            {
                ["doc"] = docIndex.GetValueOrDefault(m.Id, -1), ["outlet"] = Name(m.Outlet), ["start"] = m.Start, ["end"] = m.End,
                ["credited"] = m.Credited, ["credit"] = NameOrNull(m.Credit),
            };
            if (i != baseIndex)
            {
                string text = DisplayText.Text(m.Text);
                IReadOnlyList<DiffOp> ops = origin.DiffTo(text);
                if (WordDiff.IsIdentical(ops) && text == baseText) o["same"] = true;
                else o["diff"] = new JsonArray([.. ops.Select(op => (JsonNode)new JsonArray((int)op.Kind, op.Text))]);
            }
            members.Add(o);
        }
        return new JsonObject
        {
            ["id"] = Name(c.Id), ["kind"] = c.Kind, ["boilerplate"] = c.Boilerplate, ["words"] = c.Words, ["documents"] = c.Documents,
            ["outlets"] = new JsonArray([.. c.Outlets.Select(x => (JsonNode?)JsonValue.Create(Name(x)))]), ["minIdentity"] = c.MinIdentity,
            ["origin"] = new JsonObject
            {
                ["id"] = NameOrNull(c.Origin.Id), ["outlet"] = NameOrNull(c.Origin.Outlet), ["basis"] = c.Origin.Basis, ["evidence"] = NameOrNull(c.Origin.Evidence),
            },
            ["source"] = c.Source is { } s ? new JsonObject { ["name"] = Name(s.Name), ["evidence"] = NameOrNull(s.Evidence) } : null,
            ["base"] = baseIndex, ["text"] = baseText, ["members"] = members,
        };
    }

    static string Name(string? s) => DisplayText.Name(s);

    static string? NameOrNull(string? s) => s is null ? null : DisplayText.Name(s);
}
