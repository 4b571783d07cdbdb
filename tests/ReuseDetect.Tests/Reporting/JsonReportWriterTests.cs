using System.Text;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

/// <summary>report.json written a batch of documents and clusters at a time, side by side, is the serializer's text of the whole report.</summary>
public sealed class JsonReportWriterTests
{
    static string Written(ReuseReport report, int parallelism)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(stream, report, parallelism);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The hostile report with <paramref name="copies"/> times its documents and clusters (more than one batch when large).</summary>
    static ReuseReport Many(int copies)
    {
        ReuseReport r = HostileNamesTests.Report();
        return r with
        {
            Documents = [.. Enumerable.Range(0, copies).SelectMany(k => r.Documents.Select(d => d with { Id = d.Id + k, Tokens = k }))],
            Clusters = [.. Enumerable.Range(0, copies).SelectMany(k => r.Clusters.Select(c => c with { Id = c.Id + k, Words = k }))],
        };
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    [InlineData(1500, 1)] // 4,500 documents and 1,500 clusters: several batches of documents
    [InlineData(2500, 3)] // and of clusters, on three threads
    public void Should_write_the_serializers_text_of_the_whole_report(int copies, int threads)
    {
        // Given a report with hostile names (control characters, lone surrogates, markup) in every field
        ReuseReport report = copies == 0 ? HostileNamesTests.Report() with { Documents = [], Clusters = [] } : Many(copies);
        // When it is written in batches, then the bytes are those of serializing it whole
        Assert.Equal(JsonReportWriter.ToJson(report), Written(report, threads));
    }
}
