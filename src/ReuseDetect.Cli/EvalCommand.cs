using System.CommandLine;
using System.Globalization;
using ReuseDetect.Alignment;
using ReuseDetect.Evaluation;

namespace ReuseDetect.Cli;

/// <summary><c>reuse eval pan</c> (the aligner on each labelled pair) and <c>reuse eval pan-scan</c> (a default scan of a folder of pairs).</summary>
static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var eval = new Command("eval", "Evaluate detection quality on labelled corpora.");
        eval.Subcommands.Add(Pan(stdout, stderr));
        eval.Subcommands.Add(PanScan(stdout, stderr));
        return eval;
    }

    static Command Pan(TextWriter stdout, TextWriter stderr)
    {
        var pan = new Command("pan", "PAN 2013 text alignment: the passage aligner on each labelled pair; character precision, recall, granularity and plagdet per category and for the entire corpus.");
        var dir = CorpusArgument();
        var category = new Option<string?>("--category") { Description = "Only this category (e.g. 02-no-obfuscation); default all." };
        var limit = new Option<int?>("--limit") { Description = "Only the first N pairs of each category." };
        var preset = new Option<string>("--preset") { Description = "Aligner settings: default (the scan's) or pan (tuned on PAN's obfuscations).", DefaultValueFactory = _ => "default" };
        preset.AcceptOnlyFromAmong("default", "pan");
        pan.Arguments.Add(dir);
        pan.Options.Add(category);
        pan.Options.Add(limit);
        pan.Options.Add(preset);
        pan.SetAction(parse =>
        {
            if (Open(parse.GetValue(dir)!, stderr) is not { } corpus) return ExitCodes.Failure;
            var evaluator = new PanEvaluator(corpus, parse.GetValue(preset) == "pan" ? AlignmentOptions.Pan : new AlignmentOptions());
            Print(stdout, evaluator.EvaluateAll(PanScanEvaluation.SelectPairs(corpus, parse.GetValue(limit), parse.GetValue(category))));
            return ExitCodes.Success;
        });
        return pan;
    }

    static Command PanScan(TextWriter stdout, TextWriter stderr)
    {
        var scan = new Command("pan-scan", "PAN 2013 the way a user runs the tool: copies the documents of the first N pairs of each category into one folder, "
            + "runs 'reuse scan' on it with no options, and scores each category's pairs from report.json.");
        var dir = CorpusArgument();
        var pairs = new Option<int?>("--pairs") { Description = "Pairs per category (default 40); 0 for all.", DefaultValueFactory = _ => 40 };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder to lay the documents in (must not exist); the reports go beside it. Default: a new temporary folder." };
        scan.Arguments.Add(dir);
        scan.Options.Add(pairs);
        scan.Options.Add(work);
        scan.SetAction(parse =>
        {
            if (Open(parse.GetValue(dir)!, stderr) is not { } corpus) return ExitCodes.Failure;
            string folder = parse.GetValue(work)?.FullName ?? Path.Combine(Path.GetTempPath(), "reuse-pan-scan-" + Guid.NewGuid().ToString("N")[..8], "pan");
            if (Directory.Exists(folder))
            {
                stderr.WriteLine($"reuse: {folder} exists; name a new folder with --work.");
                return ExitCodes.Usage;
            }
            int n = parse.GetValue(pairs) ?? 40;
            List<PanPair> selected = PanScanEvaluation.SelectPairs(corpus, n > 0 ? n : null);
            PanScanEvaluation.Lay(corpus, selected, folder);
            stdout.WriteLine($"{selected.Count:N0} pairs laid out in {folder}; running: reuse scan {folder}");
            int code = CliApp.Run(["scan", folder, "-q"], TextWriter.Null, stderr);
            if (code is not (ExitCodes.Success or ExitCodes.PartialSuccess)) return code;
            string report = Path.Combine(DetectionOptions.DefaultOutput(folder), "report.json");
            string json = File.ReadAllText(report);
            stdout.WriteLine($"Scored from {report}, each pair's aligned passages (clusters[].alignments):");
            Print(stdout, PanScanEvaluation.Score(corpus, selected, json));
            stdout.WriteLine("Scored from the same report, every suspicious member against every source member of a cluster:");
            Print(stdout, PanScanEvaluation.Score(corpus, selected, json, fromAlignments: false));
            return ExitCodes.Success;
        });
        return scan;
    }

    static Argument<DirectoryInfo> CorpusArgument() =>
        new("corpus-dir") { Description = "The PAN corpus folder holding src/, susp/ and the category folders." };

    static PanCorpus? Open(DirectoryInfo dir, TextWriter stderr)
    {
        try
        {
            return new PanCorpus(dir.FullName);
        }
        catch (DirectoryNotFoundException e)
        {
            stderr.WriteLine($"reuse: {e.Message}");
            return null;
        }
    }

    static void Print(TextWriter stdout, IEnumerable<PanCategoryResult> results)
    {
        stdout.WriteLine("category                     pairs  cases  dets  precision  recall  granularity  plagdet  false-dets  false-chars");
        foreach (PanCategoryResult r in results)
        {
            // A category without cases (negatives) has no recall or plagdet: only its false detections count.
            string scores = r.Score.Cases == 0
                ? $"{"–",9}  {"–",6}  {"–",11}  {"–",7}"
                : string.Create(CultureInfo.InvariantCulture, $"{r.Score.Precision,9:F4}  {r.Score.Recall,6:F4}  {r.Score.Granularity,11:F4}  {r.Score.PlagDet,7:F4}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Category,-28} {r.Pairs,5} {r.Score.Cases,6} {r.Score.Detections,5}  {scores}  {r.FalseDetections,10}  {r.FalseDetectionChars,11:N0}"));
        }
    }
}
