using System.Text.Json;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Pipeline;

/// <summary>What a scan reads, skips and ignores: text with stray control bytes, binaries by content, non-articles by extension.</summary>
public sealed class InputFilesTests
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months.";

    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

    /// <summary>A folder with a wire story, a repost whose text has NUL bytes, a PNG named .txt, a CSV and a PDF.</summary>
    internal static void WriteMixedFolder(TempFolder tmp, string folder, bool withPng)
    {
        tmp.Write($"{folder}/wire.txt", Story);
        tmp.WriteBytes($"{folder}/repost.txt", [.. "Reposted:"u8, 0x00, 0x00, .. System.Text.Encoding.UTF8.GetBytes(" " + Story), 0x1A]);
        if (withPng) tmp.WriteBytes($"{folder}/photo.txt", Png);
        tmp.Write($"{folder}/data/rates.csv", "date,rate\n2024-01-01,9.25\n");
        tmp.WriteBytes($"{folder}/docs/statement.pdf", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3]);
    }

    [Fact]
    public void Should_read_text_with_NULs_with_a_warning_skip_a_binary_and_list_non_articles_as_ignored()
    {
        // Given
        using var tmp = new TempFolder();
        WriteMixedFolder(tmp, "in", withPng: true);
        // When
        ReuseReport r = new ReuseDetector(new ReuseDetectOptions { Parallelism = 1 }).Scan(Path.Combine(tmp.Path, "in"));
        // Then the text with NULs is read (its spans index the file as read, one char per byte) and carries a warning
        ReportDocument repost = r.Documents.Single(d => d.Id == "repost.txt");
        Assert.Null(repost.Error);
        Assert.Equal(["3 control characters replaced by spaces"], repost.Warnings);
        ReportMember member = r.Clusters.Single(c => c.Kind == "passage").Members.Single(m => m.Id == "repost.txt");
        Assert.Equal(Story, member.Text);
        Assert.Equal(Story, File.ReadAllText(Path.Combine(tmp.Path, "in/repost.txt"))[member.Start..member.End]);
        // And the PNG named .txt is skipped as binary, the CSV and the PDF are ignored, not skipped
        Assert.Equal("binary file (PNG image)", r.Documents.Single(d => d.Id == "photo.txt").Error);
        Assert.Equal((3, 2, 1, 2), (r.Summary.Files, r.Summary.Documents, r.Summary.Skipped, r.Summary.Ignored));
        Assert.Equal(["data/rates.csv", "docs/statement.pdf"], r.Ignored.Select(i => i.Path));
        Assert.DoesNotContain(r.Documents, d => d.Id.EndsWith(".csv", StringComparison.Ordinal) || d.Id.EndsWith(".pdf", StringComparison.Ordinal));
        // And report.json carries them: documents[].warnings, ignored[{path, reason}], summary.ignored
        using JsonDocument json = JsonDocument.Parse(JsonReportWriter.ToJson(r));
        JsonElement root = json.RootElement;
        Assert.Equal(2, root.GetProperty("summary").GetProperty("ignored").GetInt32());
        Assert.Equal("not an article file (.csv: table)", root.GetProperty("ignored")[0].GetProperty("reason").GetString());
        Assert.Equal("data/rates.csv", root.GetProperty("ignored")[0].GetProperty("path").GetString());
        JsonElement repostJson = root.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "repost.txt");
        Assert.Equal("3 control characters replaced by spaces", repostJson.GetProperty("warnings")[0].GetString());
        // And report.md lists both
        string md = MarkdownReportWriter.ToMarkdown(r);
        Assert.Contains("2 documents read (1 skipped, 2 ignored)", md, StringComparison.Ordinal);
        Assert.Contains("- `repost.txt`: 3 control characters replaced by spaces", md, StringComparison.Ordinal);
        Assert.Contains("- `docs/statement.pdf`: not an article file (.pdf: document format not read: convert it to text or HTML)", md, StringComparison.Ordinal);
    }
}
