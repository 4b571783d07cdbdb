namespace ReuseDetect.Cli;

/// <summary>Exit codes of <c>reuse</c> (documented in the README and in <c>--help</c>).</summary>
static class ExitCodes
{
    /// <summary>Everything read and reported.</summary>
    public const int Success = 0;
    /// <summary>
    /// The run failed (folder missing, output not writable, store in use or not writable, corpus not found); for
    /// <c>watch</c>, a fatal error stopped it (the same causes, or an unexpected exception).
    /// </summary>
    public const int Failure = 1;
    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
    /// <summary>Reports written, but some files were skipped (each named in the report with its reason).</summary>
    public const int PartialSuccess = 3;
}
