using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using ReuseDetect.Alignment;
using ReuseDetect.Evaluation;

namespace ReuseDetect.Cli;

/// <summary>The <c>reuse</c> command line: verbs scan and eval.</summary>
static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, ConsoleKind console = default)
    {
        // A plain command named "reuse" (not RootCommand, whose name follows the host executable) keeps help identical everywhere.
        var root = new Command("reuse", "ReuseDetect: finds reused passages and near-duplicates across a folder of articles.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(ScanCommand.Create(stdout, stderr, console));
        root.Subcommands.Add(QueryCommand.Create(stdout, stderr));
        root.Subcommands.Add(WatchCommand.Create(stderr));
        root.Subcommands.Add(EvalCommand(stdout));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"reuse: {error.Message}");
            stderr.WriteLine("Try 'reuse --help'.");
            return ExitCodes.Usage;
        }
        return parse.Invoke(config);
    }

    static Command EvalCommand(TextWriter stdout)
    {
        var eval = new Command("eval", "Evaluate detection quality on labelled corpora.");
        var pan = new Command("pan", "PAN 2013 text alignment: character precision, recall, granularity and plagdet per category.");
        var dir = new Argument<DirectoryInfo>("corpus-dir") { Description = "The PAN corpus folder holding src/, susp/ and the category folders." };
        var category = new Option<string?>("--category") { Description = "Only this category (e.g. 02-no-obfuscation); default all." };
        var limit = new Option<int?>("--limit") { Description = "Only the first N pairs of each category." };
        var preset = new Option<string>("--preset") { Description = "Aligner settings: pan (tuned for PAN's obfuscations) or news (the scan defaults).", DefaultValueFactory = _ => "pan" };
        preset.AcceptOnlyFromAmong("pan", "news");
        pan.Arguments.Add(dir);
        pan.Options.Add(category);
        pan.Options.Add(limit);
        pan.Options.Add(preset);
        pan.SetAction(parse =>
        {
            var corpus = new PanCorpus(parse.GetValue(dir)!.FullName);
            var evaluator = new PanEvaluator(corpus, parse.GetValue(preset) == "news" ? new AlignmentOptions() : AlignmentOptions.Pan);
            string? only = parse.GetValue(category);
            var cats = only is null ? corpus.Categories() : [only];
            stdout.WriteLine("category                     pairs  cases  dets  precision  recall  granularity  plagdet  false-dets  false-chars");
            var all = new List<PanCategoryResult>();
            foreach (string c in cats)
            {
                PanCategoryResult r = evaluator.Evaluate(c, parse.GetValue(limit));
                all.Add(r);
                // A category without cases (negatives) has no recall or plagdet: only its false detections count.
                string scores = r.Score.Cases == 0
                    ? $"{"–",9}  {"–",6}  {"–",11}  {"–",7}"
                    : string.Create(CultureInfo.InvariantCulture, $"{r.Score.Precision,9:F4}  {r.Score.Recall,6:F4}  {r.Score.Granularity,11:F4}  {r.Score.PlagDet,7:F4}");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c,-28} {r.Pairs,5} {r.Score.Cases,6} {r.Score.Detections,5}  {scores}  {r.FalseDetections,10}  {r.FalseDetectionChars,11:N0}"));
            }
            return 0;
        });
        eval.Subcommands.Add(pan);
        return eval;
    }
}

/// <summary>Which standard streams are terminals: those get progress bars and tables; redirected ones get plain text.</summary>
readonly record struct ConsoleKind(bool StdoutIsTerminal, bool StderrIsTerminal)
{
    /// <summary>The real console of this process.</summary>
    public static ConsoleKind Detect() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
