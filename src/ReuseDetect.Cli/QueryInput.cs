namespace ReuseDetect.Cli;

enum QueryInputKind { File, StandardInput, Text }

/// <summary>What the argument of <c>reuse query</c> names: a file (or one record of it), standard input, or the text itself.</summary>
sealed record QueryInput(QueryInputKind Kind, string? Path = null, string? Record = null)
{
    /// <summary>
    /// An existing file is a file; <c>file.jsonl#id</c> whose file exists is one record; <c>-</c> is standard input;
    /// the argument is text with <c>--text</c>, or when it holds white space and does not end like an article file
    /// name (<c>my story.txt</c> is a mistyped path). Anything else is a path that does not exist: null, with
    /// "reuse: no such file: PATH" on <paramref name="stderr"/>.
    /// </summary>
    public static QueryInput? Classify(string arg, bool isText, TextWriter stderr)
    {
        if (isText) return new QueryInput(QueryInputKind.Text);
        if (arg == "-") return new QueryInput(QueryInputKind.StandardInput);
        if (File.Exists(arg)) return new QueryInput(QueryInputKind.File, arg);
        int hash = arg.LastIndexOf('#');
        if (hash > 0 && hash < arg.Length - 1 && File.Exists(arg[..hash])) return new QueryInput(QueryInputKind.File, arg[..hash], arg[(hash + 1)..]);
        if (Directory.Exists(arg))
        {
            stderr.WriteLine($"reuse: {ConsoleSummary.Name(arg)} is a folder; 'query' takes one article (use 'reuse scan' for a folder).");
            return null;
        }
        bool namesArticleFile = System.IO.Path.HasExtension(arg) && Ingestion.FolderSource.FormatOf(arg) is not null && !arg.Contains('\n', StringComparison.Ordinal);
        if (arg.Any(char.IsWhiteSpace) && !namesArticleFile) return new QueryInput(QueryInputKind.Text);
        stderr.WriteLine($"reuse: no such file: {ConsoleSummary.Name(arg)}");
        stderr.WriteLine("To look for the argument itself as text, add --text.");
        return null;
    }
}
