using System.Diagnostics.Tracing;

namespace ReuseDetect.Internal;

/// <summary>
/// <see cref="Parallel.Invoke(ParallelOptions, Action[])"/> whose actions are marked (<see cref="ForkEvents"/>) while a
/// listener asks for it, so the scan's timings can tell how long each one ran: the longest bounds what side-by-side
/// actions gain, which the task library's own events (the invoke's begin and end) do not show.
/// </summary>
static class Fork
{
    /// <summary>Runs <paramref name="actions"/> side by side (at most <see cref="ParallelOptions.MaxDegreeOfParallelism"/> at once).</summary>
    public static void Join(ParallelOptions options, params Action[] actions)
    {
        if (!ForkEvents.Log.IsEnabled())
        {
            Parallel.Invoke(options, actions);
            return;
        }
        Parallel.Invoke(options, Array.ConvertAll(actions, action => (Action)(() =>
        {
            ForkEvents.Log.ActionBegin();
            try
            {
                action();
            }
            finally
            {
                ForkEvents.Log.ActionEnd();
            }
        })));
    }
}

/// <summary>Begin and end of each action of a <see cref="Fork.Join"/>, written on the thread that runs it.</summary>
[EventSource(Name = SourceName)]
sealed class ForkEvents : EventSource
{
    /// <summary>The event source's name, which listeners match.</summary>
    public const string SourceName = "ReuseDetect-Fork";

    /// <summary>The one instance.</summary>
    public static readonly ForkEvents Log = new();

    ForkEvents() { }

    /// <summary>An action begins.</summary>
    [Event(1, Level = EventLevel.Informational)]
    public void ActionBegin() => WriteEvent(1);

    /// <summary>An action ends.</summary>
    [Event(2, Level = EventLevel.Informational)]
    public void ActionEnd() => WriteEvent(2);
}
