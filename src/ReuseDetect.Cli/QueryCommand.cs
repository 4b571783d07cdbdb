using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Store;

namespace ReuseDetect.Cli;

/// <summary><c>reuse query &lt;file-or-text&gt; --store DIR</c>: the passages of one article found in the index.</summary>
static class QueryCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("file-or-text") { Description = "An article file, or the text itself." };
        var store = new Option<DirectoryInfo>("--store") { Description = "The store a scan wrote (default of 'scan': <folder>.reuse/store).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("query", "Find where the passages of one article come from, using the store of an earlier scan (no rescan).");
        command.Arguments.Add(input);
        command.Options.Add(store);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            string arg = parse.GetValue(input)!;
            string text;
            string label;
            if (File.Exists(arg))
            {
                var decoded = TextDecoder.Decode(File.ReadAllBytes(arg));
                if (decoded.Text is null)
                {
                    stderr.WriteLine($"reuse: cannot read {arg}: {decoded.Error}");
                    return ExitCodes.Failure;
                }
                (text, label) = (decoded.Text, arg);
            }
            else
            {
                (text, label) = (arg, "the text given");
            }
            var clock = Stopwatch.StartNew();
            string storeDir = parse.GetValue(store)!.FullName;
            ReuseIndex index;
            var (fast, why) = QueryIndexFile.Read(storeDir);
            if (fast is not null && fast.Root is not null && Directory.Exists(fast.Root))
            {
                StoreParameters p = fast.Parameters;
                index = QueryIndexFile.ToReuseIndex(fast, Options(p), fast.Root);
            }
            else
            {
                // No usable query index (older store, damaged file): build the index from the segments.
                if (Directory.Exists(storeDir)) stderr.WriteLine($"reuse: {why}; reading the store segments instead");
                SignatureStore opened;
                try
                {
                    opened = SignatureStore.OpenReadOnly(storeDir, m => stderr.WriteLine("reuse: " + m));
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    stderr.WriteLine($"reuse: {e.Message}");
                    return ExitCodes.Failure;
                }
                using (opened)
                {
                    if (opened.Root is null || !Directory.Exists(opened.Root))
                    {
                        stderr.WriteLine($"reuse: the scanned folder {opened.Root ?? "(unknown)"} is not there any more; scan again.");
                        return ExitCodes.Failure;
                    }
                    index = new ReuseIndex(Options(opened.Parameters), opened.Root, StoreScanCache.Documents(opened));
                }
            }
            {
                double loadMs = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                QueryResult result = index.Query(text);
                double queryMs = clock.Elapsed.TotalMilliseconds;
                if (parse.GetValue(json))
                {
                    stdout.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions
                    {
                        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                    }));
                    return ExitCodes.Success;
                }
                Write(stdout, label, result, index.Count, loadMs, queryMs);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    static ReuseDetectOptions Options(StoreParameters p) =>
        new() { ShingleSize = p.ShingleSize, Permutations = p.Permutations, Seed = p.Seed, WinnowWindow = p.WinnowWindow };

    static void Write(TextWriter w, string label, QueryResult result, int indexed, double loadMs, double queryMs)
    {
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Index of {indexed:N0} documents loaded in {loadMs:F0} ms; query answered in {queryMs:F1} ms."));
        if (result.Matches.Count == 0)
        {
            w.WriteLine($"No passage of {label} was found in the index.");
            return;
        }
        string origin = result.OriginId ?? result.OriginOutlet ?? "undetermined";
        w.WriteLine($"{label} shares passages with {result.Matches.Count} indexed document(s); likely origin: {origin} ({result.OriginBasis}).");
        foreach (QueryMatch m in result.Matches)
        {
            string date = m.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated";
            w.WriteLine($"  {m.Id} ({m.Outlet}, {date}){(m.Credited ? ", credited" : "")}:");
            foreach (QueryPassage p in m.Passages)
            {
                string quote = p.QueryText.ReplaceLineEndings(" ");
                if (quote.Length > 140) quote = quote[..140] + "…";
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    [{p.QueryStart}..{p.QueryEnd}) ~ [{p.DocumentStart}..{p.DocumentEnd})  \"{quote}\""));
            }
        }
    }
}
