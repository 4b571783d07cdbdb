using System.Text;
using ReuseDetect.Reporting;

namespace ReuseDetect.Cli;

/// <summary>
/// Writes every report file atomically (a temporary file in the same folder, then a rename), so a reader never sees
/// half a report: <c>report.json</c>, <c>report.md</c>, <c>report.html</c>, <c>report.csv</c> and <c>reuse-graph.graphml</c>.
/// </summary>
static class ReportFiles
{
    public const string Json = "report.json", Markdown = "report.md", Html = "report.html", Csv = "report.csv", GraphMl = "reuse-graph.graphml";

    /// <summary>The file names, in the order they are written and listed.</summary>
    public static readonly IReadOnlyList<string> Names = [Json, Markdown, Html, Csv, GraphMl];

    static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    static readonly UTF8Encoding s_utf8Bom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The full paths of the reports in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Paths(string folder) => [.. Names.Select(n => Path.Combine(folder, n))];

    /// <summary>True when every report file is present in <paramref name="folder"/>.</summary>
    public static bool AllExist(string folder) => Paths(folder).All(File.Exists);

    /// <summary>
    /// Writes all reports into <paramref name="folder"/> (created if missing), using at most <paramref name="parallelism"/>
    /// threads (-1: one per core); returns their full paths, in <see cref="Names"/> order. The files are independent
    /// readers of one immutable report, so they are written side by side (the reuse graph two of them show built first,
    /// then report.html, the longest); with one thread, one after the other. A failure of one (a full disk) lets the
    /// others finish, then is thrown.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, ReuseReport report, int parallelism = -1, ReportFragments? fragments = null)
    {
        Directory.CreateDirectory(folder);
        // Each report is streamed to its file as it is produced; none is held as one big string.
        bool timings = Environment.GetEnvironmentVariable("REUSEDETECT_TIMINGS") == "1";
        void Timed(string what, long start, string more = "")
        {
            if (timings)
                Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"          {what}: {System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds:F2} s{more}"));
        }
        Action Put(string name, Action<Stream> write) => () =>
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            ParallelShare.Action(() => WriteAtomic(Path.Combine(folder, name), write));
            Timed(name, start, $", heap {GC.GetTotalMemory(false) >> 20} MiB");
        };
        static void Text(Stream stream, Encoding encoding, Action<TextWriter> write)
        {
            using var writer = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true);
            write(writer);
        }
        // report.html and the GraphML file show one graph, built once (ReuseGraph.From): by its own action, first, beside
        // the writers that do not need it (report.html needs it only at its end, and waits for it if it is not done).
        Action graph = () =>
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            ParallelShare.Action(() => ReuseGraph.From(report));
            Timed("reuse graph", start);
        };
        Action[] writes =
        [
            graph,
            Put(Html, stream => HtmlReportWriter.Write(stream, report, parallelism, fragments)),
            Put(Json, stream => JsonReportWriter.Write(stream, report, parallelism, fragments)),
            Put(Markdown, stream => Text(stream, s_utf8, w => MarkdownReportWriter.Write(w, report, fragments))),
            // Spreadsheet programs need the byte order mark to read the CSV as UTF-8.
            Put(Csv, stream => Text(stream, s_utf8Bom, w => CsvReportWriter.Write(w, report, fragments))),
            Put(GraphMl, stream => GraphMlReportWriter.Write(stream, ReuseGraph.From(report))),
        ];
        try
        {
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = parallelism }, writes);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return Paths(folder);
    }

    static void WriteAtomic(string path, Action<Stream> write)
    {
        string tmp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }
}
