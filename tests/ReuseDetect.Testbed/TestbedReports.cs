using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReuseDetect.Testbed;

/// <summary>
/// The report a perfect detector would write for an ecosystem: one passage cluster per story with two or more
/// carriers, each carrier's block as a member, the true origin and source, the true credited flags. It checks the
/// scorer against the truth (it must score 1 on every figure but the edit-level plagdet, which the projection of
/// heavily edited pairs keeps just under 1) and is the base of hand-made bad reports in tests.
/// </summary>
public static class TestbedReports
{
    static readonly JsonWriterOptions s_json = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the perfect report of the ecosystem in <paramref name="outDir"/> to <paramref name="reportJsonPath"/>.</summary>
    public static void WritePerfect(string outDir, string reportJsonPath)
    {
        EcosystemTruth truth = TestbedScorer.ReadTruth(outDir);
        var located = LocatedTruth.Build(truth, TestbedScorer.ReadCorpus(NewsEcosystem.CorpusDir(outDir)));
        File.WriteAllText(reportJsonPath, Perfect(located), new UTF8Encoding(false));
    }

    internal static string Perfect(LocatedTruth located)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, s_json))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteStartArray("clusters");
            foreach (TruthStory s in located.Truth.Stories.Where(s => s.Carriers.Count >= 2))
            {
                w.WriteStartObject();
                w.WriteString("id", "truth-" + s.Id);
                w.WriteString("kind", "passage");
                w.WriteBoolean("boilerplate", false);
                w.WriteStartObject("origin");
                w.WriteString("id", s.Origin);
                w.WriteString("basis", "truth");
                w.WriteEndObject();
                if (s.Source is null) w.WriteNull("source");
                else
                {
                    w.WriteStartObject("source");
                    w.WriteString("name", s.Source);
                    w.WriteEndObject();
                }
                w.WriteStartArray("members");
                foreach (TruthCarrier c in s.Carriers.OrderBy(c => c.Document, StringComparer.Ordinal))
                {
                    if (located.BlockOf(s.Id, c.Document) is not { } range) continue;
                    w.WriteStartObject();
                    w.WriteString("id", c.Document);
                    w.WriteNumber("start", range.Start);
                    w.WriteNumber("end", range.End);
                    w.WriteString("text", located.Texts[c.Document][range.Start..range.End]);
                    if (c.Credited is { } credited) w.WriteBoolean("credited", credited);
                    else w.WriteNull("credited");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
