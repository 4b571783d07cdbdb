using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Store;

namespace ReuseDetect.Cli;

/// <summary>The JSON shapes of <c>reuse query --json</c>, generated at compile time (no reflection, so a native AOT build writes them).</summary>
[JsonSerializable(typeof(QueryResult))]
[JsonSerializable(typeof(List<QueryResult>))]
sealed partial class QueryJsonContext : JsonSerializerContext;

/// <summary>
/// <c>reuse query &lt;file-or-text&gt; --store DIR</c>: the passages of one article found in the index. A file is read
/// as <c>scan</c> reads it (one answer per record of a JSON/JSONL file, or the record named by <c>file.jsonl#id</c>);
/// <c>-</c> reads standard input as plain text; the argument itself is the text only when it clearly is one (it holds
/// white space) or <c>--text</c> says so, so a mistyped path is an error, not a query that finds nothing.
/// </summary>
static class QueryCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var input = new Argument<string>("file-or-text")
        {
            Description = "An article file, read as 'scan' reads it (file.jsonl#id: one record); '-' for standard input; or the text itself when it contains spaces.",
        };
        var store = new Option<DirectoryInfo>("--store") { Description = "The store a scan wrote (default of 'scan': <folder>.reuse/store).", Required = true };
        var asText = new Option<bool>("--text") { Description = "Take the argument as the text to look for, even without spaces or when a file has that name." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (an array when a JSON/JSONL file holds several records)." };
        var command = new Command("query", "Find where the passages of one article come from, using the store of an earlier scan (no rescan).\n"
            + "Exit codes: 0 answered, 1 failure (store or file unreadable), 2 usage error (no such file or record).");
        command.Arguments.Add(input);
        command.Options.Add(store);
        command.Options.Add(asText);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            string arg = parse.GetValue(input)!;
            QueryInput? what = QueryInput.Classify(arg, parse.GetValue(asText), stderr);
            if (what is null) return ExitCodes.Usage;
            // Standard input is read once, before the index: a query answered again from the segments reads the same bytes.
            byte[]? piped = null;
            if (what.Kind == QueryInputKind.StandardInput && (piped = ReadStandardInput(stdin, stderr)) is null) return ExitCodes.Failure;
            var clock = Stopwatch.StartNew();
            string storeDir = parse.GetValue(store)!.FullName;
            ReuseIndex? index = OpenQueryIndex(storeDir, stderr) ?? OpenSegments(storeDir, stderr);
            if (index is null) return ExitCodes.Failure;
            double loadMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            List<(string Label, QueryResult Result)> answers;
            int exit;
            try
            {
                (answers, exit) = Answer(index, what, arg, piped, stderr);
            }
            catch (InvalidDataException e)
            {
                // A postings block of the query index is damaged (found only when a query reads it): as when opening.
                stderr.WriteLine($"reuse: {Name(e.Message)}; reading the store segments instead");
                if ((index = OpenSegments(storeDir, stderr)) is null) return ExitCodes.Failure;
                (answers, exit) = Answer(index, what, arg, piped, stderr);
            }
            if (exit != ExitCodes.Success) return exit;
            double queryMs = clock.Elapsed.TotalMilliseconds;
            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions
                {
                    WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                    TypeInfoResolver = QueryJsonContext.Default,
                };
                stdout.WriteLine(answers.Count == 1 ? JsonSerializer.Serialize(answers[0].Result, (JsonTypeInfo<QueryResult>)options.GetTypeInfo(typeof(QueryResult)))
                    : JsonSerializer.Serialize(answers.ConvertAll(a => a.Result), (JsonTypeInfo<List<QueryResult>>)options.GetTypeInfo(typeof(List<QueryResult>))));
                return ExitCodes.Success;
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Index of {index.Count:N0} documents loaded in {loadMs:F0} ms; query answered in {queryMs:F1} ms."));
            foreach (var (label, result) in answers) Write(stdout, label, result);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Queries what the argument names; the labels name each queried document as the user knows it.</summary>
    static (List<(string, QueryResult)> Answers, int Exit) Answer(ReuseIndex index, QueryInput what, string arg, byte[]? piped, TextWriter stderr)
    {
        switch (what.Kind)
        {
            case QueryInputKind.Text:
                return ([("the text given", index.Query(arg))], ExitCodes.Success);
            case QueryInputKind.StandardInput:
                FileLoad load = new FolderSource(index.Root, default).Decode("-", piped!, InputFormat.Text);
                if (load.Documents.Count == 0)
                {
                    stderr.WriteLine($"reuse: cannot read standard input: {Name(load.Errors.FirstOrDefault()?.Reason ?? "no text")}");
                    return ([], ExitCodes.Failure);
                }
                return ([("standard input", index.Query(load.Documents[0], null))], ExitCodes.Success);
            default:
                QueryFileResult file;
                try
                {
                    file = index.QueryFile(what.Path!, what.Record);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"reuse: cannot read {Name(what.Path)}: {Name(e.Message)}");
                    return ([], ExitCodes.Failure);
                }
                foreach (IngestError e in file.Errors)
                    stderr.WriteLine(file.Results.Count == 0 && !e.Id.Contains('#', StringComparison.Ordinal) ? $"reuse: cannot read {Name(what.Path)}: {Name(e.Reason)}" : $"reuse: {Name(e.Id)}: {Name(e.Reason)}");
                if (file.Results.Count == 0)
                    return ([], what.Record is not null && file.Errors.Any(e => e.Reason.StartsWith("no record", StringComparison.Ordinal)) ? ExitCodes.Usage : ExitCodes.Failure);
                // A document is labelled by the path given, a record by the path and its record id.
                return ([.. file.Results.Select(r => (r.Document?.IndexOf('#', StringComparison.Ordinal) is int hash and >= 0
                    ? what.Path + r.Document[hash..] : what.Path!, r))], ExitCodes.Success);
        }
    }

    /// <summary>Standard input, up to the file size limit; null (with the reason printed) when it holds more.</summary>
    static byte[]? ReadStandardInput(Func<Stream> stdin, TextWriter stderr)
    {
        // Read at most the file size limit (plus one byte to tell), so `cat /dev/zero | reuse query -` ends.
        long limit = new IngestOptions().MaxFileBytes;
        using var buffer = new MemoryStream();
        using Stream s = stdin();
        byte[] chunk = new byte[81920];
        int n;
        while (buffer.Length <= limit && (n = s.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
            buffer.Write(chunk, 0, n);
        if (buffer.Length > limit)
        {
            stderr.WriteLine($"reuse: cannot read standard input: more than {limit:N0} bytes (limit {limit:N0})");
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary>The index over the query index file when it is usable; else null, with the reason printed when the store exists.</summary>
    static ReuseIndex? OpenQueryIndex(string storeDir, TextWriter stderr)
    {
        if (QueryIndexFile.Open(storeDir, out string why) is { } fast) return fast;
        // No usable query index (older store, damaged file): the caller builds the index from the segments.
        if (Directory.Exists(storeDir)) stderr.WriteLine($"reuse: {Name(why)}; reading the store segments instead");
        return null;
    }

    /// <summary>The index built from the store's segments; null (with the reason printed) when they cannot be read.</summary>
    static ReuseIndex? OpenSegments(string storeDir, TextWriter stderr)
    {
        SignatureStore opened;
        try
        {
            opened = SignatureStore.OpenReadOnly(storeDir, m => stderr.WriteLine("reuse: " + Name(m)));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            stderr.WriteLine("reuse: " + Name(e.Message));
            return null;
        }
        using (opened)
        {
            if (opened.Root is null || !Directory.Exists(opened.Root))
            {
                stderr.WriteLine($"reuse: the scanned folder {Name(opened.Root ?? "(unknown)")} is not there any more; scan again.");
                return null;
            }
            return new ReuseIndex(opened.Parameters.QueryOptions(), opened.Root, StoreScanCache.Documents(opened));
        }
    }

    /// <summary>Prints one answer; every name and quote is display-safe (<see cref="ConsoleSummary.Name"/>).</summary>
    static void Write(TextWriter w, string label, QueryResult result)
    {
        label = Name(label);
        if (result.Identical is { Count: > 0 } same)
            w.WriteLine($"{label} has the same content as indexed {string.Join(", ", same.Select(Name))} (a copy; not listed as a match).");
        if (result.Matches.Count == 0)
        {
            w.WriteLine($"No passage of {label} was found in the index.");
            return;
        }
        string origin = Name(result.OriginId ?? result.OriginOutlet ?? "undetermined");
        w.WriteLine($"{label} shares passages with {result.Matches.Count} indexed document(s); likely origin: {origin} ({result.OriginBasis}).");
        foreach (QueryMatch m in result.Matches)
        {
            string date = m.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated";
            w.WriteLine($"  {Name(m.Id)} ({Name(m.Outlet)}, {date}){(m.Credited ? ", credited" : "")}:");
            // The page itself, when the index knows it: its title and address.
            if (m.Title is not null || m.Url is not null)
                w.WriteLine("    " + string.Join("  ", new[] { m.Title is null ? null : $"\"{Name(m.Title)}\"", m.Url is null ? null : $"<{Name(m.Url)}>" }.OfType<string>()));
            foreach (QueryPassage p in m.Passages)
            {
                string quote = ConsoleSummary.Quote(p.QueryText);
                if (quote.Length > 140) quote = quote[..140] + "…";
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    [{p.QueryStart}..{p.QueryEnd}) ~ [{p.DocumentStart}..{p.DocumentEnd})  \"{quote}\""));
            }
        }
    }

    static string Name(string? s) => ConsoleSummary.Name(s);
}
