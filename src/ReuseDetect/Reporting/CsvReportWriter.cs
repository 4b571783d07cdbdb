using System.Globalization;
using System.Text;

namespace ReuseDetect.Reporting;

/// <summary>
/// Writes <c>report.csv</c> for spreadsheets: one row per cluster member, RFC 4180 (CRLF row ends; a field holding a
/// comma, quote, CR or LF is quoted, quotes doubled). The file is UTF-8 with a byte order mark so that spreadsheet
/// programs detect the encoding. Text cells are display-safe and cannot be read as formulas
/// (<see cref="DisplayText.CsvText"/>: a cell starting with <c>= + - @</c> gets a leading apostrophe and quotes).
/// </summary>
public static class CsvReportWriter
{
    /// <summary>The header row's column names.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "cluster_id", "kind", "boilerplate", "cluster_documents", "origin_id", "origin_outlet", "origin_basis",
        "member_id", "outlet", "start", "end", "words", "credited", "text", "source",
    ];

    /// <summary>The report as CSV text (without the byte order mark, which the file writer adds).</summary>
    public static string ToCsv(ReuseReport report)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, report);
        return text.ToString();
    }

    /// <summary>
    /// Writes the CSV text (without the byte order mark) to <paramref name="w"/> as it goes. With
    /// <paramref name="fragments"/>, the rows of a cluster object written before are copied from their kept text, and
    /// the rows of each cluster written are kept for the next report.
    /// </summary>
    public static void Write(TextWriter w, ReuseReport report, ReportFragments? fragments = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        AppendRow(sb, Columns);
        w.Write(sb);
        var row = new string[Columns.Count];
        // A member's words counted in one set of token arrays, not a new one per member.
        var tokens = new Text.TokenizerScratch();
        var kept = fragments is null ? null : new string?[report.Clusters.Count];
        for (int i = 0; i < report.Clusters.Count; i++)
        {
            ReportCluster c = report.Clusters[i];
            if (fragments is not null && fragments.Csv.TryGetValue(c, out string? rows))
            {
                fragments.CountReuse();
                kept![i] = rows;
                w.Write(rows);
                continue;
            }
            sb.Clear();
            AppendRows(sb, c, row, tokens);
            if (kept is null) w.Write(sb);
            else w.Write(kept[i] = sb.ToString());
        }
        if (kept is not null) fragments!.Csv.Keep(report.Clusters, kept);
    }

    /// <summary>Appends a cluster's rows, one per member; <paramref name="row"/> and <paramref name="tokens"/> are scratch.</summary>
    static void AppendRows(StringBuilder sb, ReportCluster c, string[] row, Text.TokenizerScratch tokens)
    {
        // Input text (ids, outlets, passage text, credit names) goes through Safe(); the counts stay numbers.
        static string Safe(string? value, bool multiline = false) => DisplayText.CsvText(value, multiline);
        foreach (ReportMember m in c.Members)
        {
            row[0] = Safe(c.Id);
            row[1] = Safe(c.Kind);
            row[2] = c.Boilerplate ? "true" : "false";
            row[3] = c.Documents.ToString(CultureInfo.InvariantCulture);
            row[4] = Safe(c.Origin.Id);
            row[5] = Safe(c.Origin.Outlet);
            row[6] = Safe(c.Origin.Basis);
            row[7] = Safe(m.Id);
            row[8] = Safe(m.Outlet);
            row[9] = m.Start.ToString(CultureInfo.InvariantCulture);
            row[10] = m.End.ToString(CultureInfo.InvariantCulture);
            row[11] = Text.Tokenizer.Tokenize(m.Text, 0, m.Text.Length, tokens).Count.ToString(CultureInfo.InvariantCulture);
            row[12] = m.Credited switch { true => "yes", false => "no", null => "" };
            row[13] = Safe(m.Text, multiline: true);
            row[14] = Safe(c.Source?.Name);
            AppendRow(sb, row);
        }
    }

    /// <summary>Appends one record and its CRLF.</summary>
    internal static void AppendRow(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            AppendField(sb, fields[i]);
        }
        sb.Append("\r\n");
    }

    /// <summary>
    /// One field, quoted when it holds a comma, a double quote, CR or LF, starts or ends with a space, or starts with
    /// the apostrophe that neutralises a formula.
    /// </summary>
    internal static void AppendField(StringBuilder sb, string field)
    {
        bool quote = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] is ' ' or '\'' || field[^1] == ' '));
        if (!quote)
        {
            sb.Append(field);
            return;
        }
        sb.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
