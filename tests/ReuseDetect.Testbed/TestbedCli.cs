using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ReuseDetect.Cli;

namespace ReuseDetect.Testbed;

/// <summary>
/// The testbed's command line: <c>generate OUT</c>, <c>score OUT REPORT.json</c>, <c>run OUT</c> (generate when absent,
/// scan <c>OUT/corpus</c> with the CLI's defaults, score) and <c>perfect OUT REPORT.json</c> (the report a perfect
/// detector would write). Exit codes: 0 success, 1 failure (named, no stack trace), 2 usage error.
/// </summary>
static class TestbedCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new Command("testbed", "ReuseDetect news testbed: a generated syndication ecosystem with ground truth, and a scorer for report.json.");
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Subcommands.Add(Generate(stdout, stderr));
        root.Subcommands.Add(ScoreCommand(stdout, stderr));
        root.Subcommands.Add(RunCommand(stdout, stderr));
        root.Subcommands.Add(Perfect(stdout, stderr));
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"testbed: {error.Message}");
            stderr.WriteLine("Try 'testbed --help'.");
            return 2;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    sealed record GenerateOptions(Option<int> Seed, Option<int> Stories, Option<string> Dates, Option<DirectoryInfo?> Reuters)
    {
        public static GenerateOptions Create()
        {
            var dates = new Option<string>("--dates") { Description = "Which documents are dated: all, none or mixed.", DefaultValueFactory = _ => "all" };
            dates.AcceptOnlyFromAmong("all", "none", "mixed");
            return new GenerateOptions(
                new Option<int>("--seed") { Description = "Seed; the same options give byte-identical files.", DefaultValueFactory = _ => 1 },
                new Option<int>("--stories") { Description = "Base stories drawn from Reuters-21578 (2 to 5000).", DefaultValueFactory = _ => 120 },
                dates,
                new Option<DirectoryInfo?>("--reuters") { Description = "The Reuters-21578 folder. Default: ../shared/data/reuters21578 beside the repository." });
        }

        public void AddTo(Command c)
        {
            c.Options.Add(Seed);
            c.Options.Add(Stories);
            c.Options.Add(Dates);
            c.Options.Add(Reuters);
        }

        public EcosystemOptions Bind(ParseResult parse) => new()
        {
            Seed = parse.GetValue(Seed),
            Stories = parse.GetValue(Stories),
            Dates = EcosystemOptions.ParseDates(parse.GetValue(Dates)) ?? DateMode.All,
        };
    }

    static Command Generate(TextWriter stdout, TextWriter stderr)
    {
        var output = new Argument<DirectoryInfo>("out") { Description = "Output folder: OUT/corpus (to scan) and OUT/truth.json." };
        var options = GenerateOptions.Create();
        var command = new Command("generate", "Generate an ecosystem into OUT/corpus with its ground truth in OUT/truth.json.");
        command.Arguments.Add(output);
        options.AddTo(command);
        command.SetAction(parse => Guard(stderr, () =>
        {
            string outDir = parse.GetValue(output)!.FullName;
            EcosystemTruth truth = NewsEcosystem.Generate(ReutersDir(parse.GetValue(options.Reuters)), outDir, options.Bind(parse));
            stdout.WriteLine(Summary(truth, outDir));
            return 0;
        }));
        return command;
    }

    static Command ScoreCommand(TextWriter stdout, TextWriter stderr) =>
        OutAndReport("score", "Score a report.json against the ecosystem's ground truth and print the table.", "The scan's report.json.", stderr,
            (outDir, report) => stdout.Write(TestbedScorer.Score(outDir, report).ToTable()));

    static Command Perfect(TextWriter stdout, TextWriter stderr) =>
        OutAndReport("perfect", "Write the report a perfect detector would give (a check of the scorer against the truth).", "Where to write the perfect report.json.", stderr,
            (outDir, report) =>
            {
                TestbedReports.WritePerfect(outDir, report);
                stdout.WriteLine(report);
            });

    /// <summary>A verb taking the ecosystem folder and a report path.</summary>
    static Command OutAndReport(string name, string description, string reportDescription, TextWriter stderr, Action<string, string> action)
    {
        var output = new Argument<DirectoryInfo>("out") { Description = "The ecosystem folder (OUT/corpus, OUT/truth.json)." };
        var report = new Argument<FileInfo>("report") { Description = reportDescription };
        var command = new Command(name, description);
        command.Arguments.Add(output);
        command.Arguments.Add(report);
        command.SetAction(parse => Guard(stderr, () =>
        {
            action(parse.GetValue(output)!.FullName, parse.GetValue(report)!.FullName);
            return 0;
        }));
        return command;
    }

    static Command RunCommand(TextWriter stdout, TextWriter stderr)
    {
        var output = new Argument<DirectoryInfo>("out") { Description = "The ecosystem folder; generated when it holds no truth.json for these options." };
        var options = GenerateOptions.Create();
        var command = new Command("run", "Generate (when absent), run 'reuse scan OUT/corpus' with no options, and score its report.");
        command.Arguments.Add(output);
        options.AddTo(command);
        command.SetAction(parse => Guard(stderr, () =>
        {
            string outDir = parse.GetValue(output)!.FullName;
            EcosystemOptions wanted = options.Bind(parse);
            string truthPath = NewsEcosystem.TruthPath(outDir);
            EcosystemTruth? existing = File.Exists(truthPath) ? EcosystemTruth.Read(truthPath) : null;
            if (existing is null || existing.Seed != wanted.Seed || existing.Dates != EcosystemOptions.NameOf(wanted.Dates) || existing.Stories.Count != wanted.Stories)
                existing = NewsEcosystem.Generate(ReutersDir(parse.GetValue(options.Reuters)), outDir, wanted);
            stdout.WriteLine(Summary(existing, outDir));
            string corpus = NewsEcosystem.CorpusDir(outDir);
            var clock = Stopwatch.StartNew();
            int code = CliApp.Run(["scan", corpus, "-q"], TextWriter.Null, stderr);
            if (code is not (0 or 3))
            {
                stderr.WriteLine($"testbed: 'reuse scan {corpus}' failed with exit code {code}");
                return 1;
            }
            string reportPath = Path.Combine(corpus + ".reuse", "report.json");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reuse scan {corpus} -q: {clock.Elapsed.TotalSeconds:F1} s, report {reportPath}"));
            stdout.WriteLine();
            stdout.Write(TestbedScorer.Score(outDir, reportPath).ToTable());
            return 0;
        }));
        return command;
    }

    static string Summary(EcosystemTruth truth, string outDir) => string.Create(CultureInfo.InvariantCulture,
        $"Ecosystem {outDir}: seed {truth.Seed}, dates {truth.Dates}, {truth.Stories.Count} stories, {truth.Documents.Count} documents, {truth.Stories.Sum(s => s.Carriers.Count(c => c.Parent is not null || c.ParentAgency is not null))} reposts.");

    /// <summary>Runs a command; expected failures (missing files, bad data, unwritable folders) are one line on stderr, exit code 1.</summary>
    static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"testbed: {e.Message}");
            return 1;
        }
    }

    /// <summary>The Reuters folder: the one given, else <c>../shared/data/reuters21578</c> beside the repository.</summary>
    static string ReutersDir(DirectoryInfo? given)
    {
        if (given is not null) return given.FullName;
        return SharedData("reuters21578") ?? throw new DirectoryNotFoundException("Reuters-21578 not found beside the repository (../shared/data/reuters21578); pass --reuters DIR");
    }

    /// <summary><c>../shared/data/<paramref name="name"/></c> beside the repository (found above the binary or the working folder), or null.</summary>
    internal static string? SharedData(string name)
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (!File.Exists(Path.Combine(d.FullName, "ReuseDetect.sln"))) continue;
                string candidate = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "data", name));
                return Directory.Exists(candidate) ? candidate : null;
            }
        return null;
    }
}
