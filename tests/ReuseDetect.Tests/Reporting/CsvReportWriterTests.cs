using System.Text;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

public sealed class CsvReportWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("Армения – “quoted” ’", "Армения – “quoted” ’")]
    public void Should_quote_fields_as_RFC_4180_says(string field, string expected)
    {
        var sb = new StringBuilder();
        CsvReportWriter.AppendField(sb, field);
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void Should_write_one_row_per_member_with_a_header_and_CRLF_row_ends()
    {
        // Given a cluster whose text holds a comma, a quote and a line break
        var report = SyntheticReports.TwoMembers("He said, \"yes\"\nand left.", "He said, \"no\"\nand left.");
        // When
        string csv = CsvReportWriter.ToCsv(report);
        // Then
        string[] rows = csv.Split("\r\n");
        Assert.Equal(string.Join(",", CsvReportWriter.Columns), rows[0]);
        Assert.Equal("c1,passage,false,2,a.txt,outlet-a,earliest-date,a.txt,outlet-a,0,25,5,,\"He said, \"\"yes\"\"\nand left.\",", rows[1]);
        Assert.Equal("c1,passage,false,2,a.txt,outlet-a,earliest-date,b.txt,outlet-b,10,34,5,no,\"He said, \"\"no\"\"\nand left.\",", rows[2]);
        Assert.Equal("", rows[3]);
        Assert.Equal(4, rows.Length);
    }
}

/// <summary>Small hand-made reports for the writers' unit tests.</summary>
static class SyntheticReports
{
    public static ReuseReport TwoMembers(string first, string second) => new()
    {
        Parameters = new ReportParameters(5, 128, "0", 0.8, 9, 13, 6, 20, 5, 4, 0.5, 100, 5),
        Summary = new ReportSummary(2, 2, 0, 1, 1, 0, 0, 0, 100, 49, 0.49),
        Documents =
        [
            new ReportDocument { Id = "a.txt", Path = "a.txt", Outlet = "outlet-a", Published = "2024-01-02", Length = 50, ReusedChars = 25, ReusedFraction = 0.5 },
            new ReportDocument { Id = "b.txt", Path = "b.txt", Outlet = "outlet-b", Published = "2024-01-03", Length = 50, ReusedChars = 24, ReusedFraction = 0.48 },
        ],
        Clusters =
        [
            new ReportCluster
            {
                Id = "c1", Kind = "passage", Documents = 2, Outlets = ["outlet-a", "outlet-b"], Words = 5, MinIdentity = 0.8,
                Origin = new ReportOrigin("a.txt", "outlet-a", "earliest-date", null),
                Members = [new ReportMember("a.txt", "outlet-a", 0, 25, first, null, null), new ReportMember("b.txt", "outlet-b", 10, 34, second, false, null)],
            },
        ],
        NearDuplicates = [],
    };
}
