namespace ReuseDetect.Worker;

/// <summary>
/// Settings of the watch worker, bound from the configuration section <c>Watch</c> (appsettings.json, environment
/// variables <c>REUSEDETECT_Watch__Root</c> …, command line); the CLI's options override them.
/// </summary>
public sealed class WatchSettings
{
    /// <summary>The folder watched.</summary>
    public string Root { get; set; } = "";

    /// <summary>Where the reports are written.</summary>
    public string Out { get; set; } = "";

    /// <summary>The signature store.</summary>
    public string Store { get; set; } = "";

    /// <summary>Quiet time after the last file event before a rescan, in milliseconds.</summary>
    public int DebounceMilliseconds { get; set; } = 2000;

    /// <summary>Interval of the full reconcile that catches events the file watcher missed, in seconds.</summary>
    public int ReconcileSeconds { get; set; } = 300;

    /// <summary>
    /// Most changed files answered one by one in <c>changes.jsonl</c> before a rescan; a larger batch (a folder copied
    /// in) goes straight to the rescan, which reads them all at once far faster than one query each.
    /// </summary>
    public int QuickAnswerMaxFiles { get; set; } = 100;
}
