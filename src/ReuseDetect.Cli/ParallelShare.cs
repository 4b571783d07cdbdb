using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace ReuseDetect.Cli;

/// <summary>
/// Measures the serial share of a scan (<c>REUSEDETECT_TIMINGS=1</c> with <c>--threads 1</c>): the part of its time no
/// number of cores would shorten. It listens to the events the task library writes when a <see cref="Parallel"/> loop
/// or invoke begins and ends, and to the engine's marks around each action of an invoke (<c>ReuseDetect-Fork</c>; the
/// report writers mark theirs with <see cref="Action"/>). With one thread everything runs on the calling thread, one step
/// after another, so the time of each construct is known, and the scan's span (its critical path) follows: a loop's
/// iterations spread over any number of cores and add only the collector's pauses to it; an invoke adds its longest
/// action; everything else adds its own time. Serial share = span / time: Amdahl's serial fraction, measured rather
/// than inferred from two timed runs on a host that lends cores unevenly.
/// </summary>
/// <remarks>
/// A loop counts as divisible (its iterations, documents, pairs, clusters, are many and small) except for the
/// garbage collector's pauses during it, which stop every thread: they are serial wherever they fall. An invoke whose
/// actions are not marked counts as serial.
/// </remarks>
sealed class ParallelShare : EventListener
{
    const string TaskSource = "System.Threading.Tasks.Parallel.EventSource", ForkSource = "ReuseDetect-Fork";
    const int LoopBegin = 1, LoopEnd = 2, InvokeBegin = 3, InvokeEnd = 4, ActionBegin = 1, ActionEnd = 2;

    internal enum Kind { Loop, Invoke, Action }

    /// <summary>An open construct: when it began, the collector's pauses until then, the time of the constructs inside it and their span.</summary>
    sealed class Frame(Kind kind, long start, TimeSpan paused)
    {
        public readonly Kind Kind = kind;
        public readonly long Start = start;
        public readonly TimeSpan Paused = paused;
        public long ChildTicks, ChildSpan;
    }

    static volatile ParallelShare? s_active;
    // Only the constructs of the thread that made the listener count: with one thread the scan runs on it, and loops
    // that other code runs meanwhile (other threads, other tests) are none of its time. Set before the base
    // constructor, which may already report the event sources.
    readonly int _thread = Environment.CurrentManagedThreadId;
    // The constructs open on that thread, innermost on top.
    readonly Stack<Frame> _open = new();
    readonly Lock _gate = new();
    long _topTicks, _topSpan;
    // Whether any parallel loop was heard: a scan runs hundreds, so none means the task library's events never came
    // (a native AOT build does not write them), and the share would read 100 %.
    bool _sawLoop;

    public ParallelShare() => s_active = this;

    /// <summary>
    /// Runs <paramref name="action"/> as one action of an invoke, marked for the listening instance (if any): for the
    /// callers outside the engine, which cannot write its events.
    /// </summary>
    public static void Action(System.Action action)
    {
        ParallelShare? active = s_active;
        active?.Record(Kind.Action, begin: true, Stopwatch.GetTimestamp());
        try
        {
            action();
        }
        finally
        {
            active?.Record(Kind.Action, begin: false, Stopwatch.GetTimestamp());
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name is TaskSource or ForkSource) EnableEvents(eventSource, EventLevel.Informational, EventKeywords.All);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        long now = Stopwatch.GetTimestamp();
        if (eventData.EventSource.Name == ForkSource)
        {
            if (eventData.EventId is ActionBegin or ActionEnd) Record(Kind.Action, eventData.EventId == ActionBegin, now);
            return;
        }
        switch (eventData.EventId)
        {
            case LoopBegin or LoopEnd: Record(Kind.Loop, eventData.EventId == LoopBegin, now); break;
            case InvokeBegin or InvokeEnd: Record(Kind.Invoke, eventData.EventId == InvokeBegin, now); break;
        }
    }

    /// <summary>A construct of <paramref name="kind"/> begins or ends on this thread at <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks).</summary>
    internal void Record(Kind kind, bool begin, long ticks)
    {
        if (Environment.CurrentManagedThreadId != _thread) return;
        Stack<Frame> open = _open;
        if (begin)
        {
            if (kind == Kind.Loop) _sawLoop = true;
            open.Push(new Frame(kind, ticks, kind == Kind.Loop ? GC.GetTotalPauseDuration() : default));
            return;
        }
        if (open.Count == 0 || open.Peek().Kind != kind) return;
        Frame f = open.Pop();
        long length = ticks - f.Start;
        long span = f.Kind switch
        {
            // The collector stops every thread: its pauses during a loop are the loop's serial part.
            Kind.Loop => Math.Min(length, (long)((GC.GetTotalPauseDuration() - f.Paused).TotalSeconds * Stopwatch.Frequency)),
            // The longest action, and the invoke's own time outside its actions.
            Kind.Invoke => f.ChildSpan + length - f.ChildTicks,
            _ => length - f.ChildTicks + f.ChildSpan,
        };
        if (open.TryPeek(out Frame? parent))
        {
            parent.ChildTicks += length;
            parent.ChildSpan = parent.Kind == Kind.Invoke ? Math.Max(parent.ChildSpan, span) : parent.ChildSpan + span;
            return;
        }
        lock (_gate)
        {
            _topTicks += length;
            _topSpan += span;
        }
    }

    /// <summary>Seconds spent inside the outermost parallel constructs so far.</summary>
    public double InsideSeconds
    {
        get
        {
            lock (_gate) return _topTicks / (double)Stopwatch.Frequency;
        }
    }

    /// <summary>The serial seconds of the first <paramref name="elapsed"/> of the scan (constructs still open count as serial).</summary>
    public double SerialSeconds(TimeSpan elapsed)
    {
        lock (_gate) return elapsed.TotalSeconds - (_topTicks - _topSpan) / (double)Stopwatch.Frequency;
    }

    /// <summary>The timing lines' note of the serial seconds of the first <paramref name="elapsed"/> of the scan; empty without a listener.</summary>
    public static string SoFar(ParallelShare? share, TimeSpan elapsed) =>
        share is null ? "" : string.Create(CultureInfo.InvariantCulture, $", serial so far {share.SerialSeconds(elapsed):F2} s");

    /// <summary>
    /// The closing line of the timings: where the time of a scan that took <paramref name="total"/> went. Only a scan on
    /// one thread tells (with more, the workers' own constructs would count again).
    /// </summary>
    public string Describe(TimeSpan total, int threads)
    {
        double all = total.TotalSeconds;
        if (threads != 1)
            return string.Create(CultureInfo.InvariantCulture, $"{all,8:F2} s  Done  (the serial share is measured with --threads 1)");
        if (!_sawLoop)
            return string.Create(CultureInfo.InvariantCulture,
                $"{all,8:F2} s  Done  serial share not measured: no parallel loop was heard (a native build does not write the task library's events; the JIT build, dotnet reuse.dll, does)");
        double serial = SerialSeconds(total), inside = InsideSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{all,8:F2} s  Done  inside parallel loops and invokes {inside:F2} s; span (what no number of cores shortens) {serial:F2} s: serial share {100 * serial / all:F1} %");
    }

    public override void Dispose()
    {
        if (s_active == this) s_active = null;
        base.Dispose();
    }
}
