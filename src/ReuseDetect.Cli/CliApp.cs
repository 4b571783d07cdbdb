using System.CommandLine;
using System.CommandLine.Help;

namespace ReuseDetect.Cli;

/// <summary>The <c>reuse</c> command line: verbs scan, query, watch and eval.</summary>
static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, ConsoleKind console = default, Func<Stream>? stdin = null)
    {
        // A plain command named "reuse" (not RootCommand, whose name follows the host executable) keeps help identical everywhere.
        var root = new Command("reuse", "ReuseDetect: finds reused passages and near-duplicates across a folder of articles.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(ScanCommand.Create(stdout, stderr, console));
        root.Subcommands.Add(QueryCommand.Create(stdout, stderr, stdin ?? Console.OpenStandardInput));
        root.Subcommands.Add(WatchCommand.Create(stderr));
        root.Subcommands.Add(EvalCommand.Create(stdout, stderr));
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
}

/// <summary>Which standard streams are terminals: those get progress bars and tables; redirected ones get plain text.</summary>
readonly record struct ConsoleKind(bool StdoutIsTerminal, bool StderrIsTerminal)
{
    /// <summary>The real console of this process.</summary>
    public static ConsoleKind Detect() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
