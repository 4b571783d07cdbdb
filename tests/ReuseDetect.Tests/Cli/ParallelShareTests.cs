using System.Diagnostics;
using ReuseDetect.Cli;
using ReuseDetect.Internal;
using Kind = ReuseDetect.Cli.ParallelShare.Kind;

namespace ReuseDetect.Tests.Cli;

/// <summary>The scan's serial share (<c>REUSEDETECT_TIMINGS=1</c>): the span of what ran, from the parallel constructs' begin and end.</summary>
public sealed class ParallelShareTests
{
    static long At(double seconds) => (long)(seconds * Stopwatch.Frequency);

    [Fact]
    public void Should_count_loops_as_divisible_and_an_invoke_as_its_longest_action()
    {
        // Given a 10-second scan on one thread: 1 s alone, a loop of 4 s, then an invoke of 3 s whose first action (2 s)
        // holds a loop of 1 s and whose second takes 1 s, then 2 s alone
        using var share = new ParallelShare();
        void Mark(Kind kind, double from, double to)
        {
            share.Record(kind, begin: true, At(from));
            share.Record(kind, begin: false, At(to));
        }
        Mark(Kind.Loop, 1, 5);
        share.Record(Kind.Invoke, begin: true, At(5));
        share.Record(Kind.Action, begin: true, At(5));
        Mark(Kind.Loop, 5.5, 6.5);
        share.Record(Kind.Action, begin: false, At(7));
        Mark(Kind.Action, 7, 8);
        share.Record(Kind.Invoke, begin: false, At(8));
        // Then no number of cores makes it shorter than 1 + 0 + max(2 - 1, 1) + 2 = 4 s: a serial share of 40 % (plus the
        // collector's pauses during the loops, if one ran while this test did: they stop every thread)
        Assert.InRange(share.SerialSeconds(TimeSpan.FromSeconds(10)), 4, 4.05);
        Assert.Equal(7, share.InsideSeconds, 6);
        Assert.Matches(@"serial share 40\.\d %$", share.Describe(TimeSpan.FromSeconds(10), threads: 1));
        // And with more threads it says where the figure comes from instead
        Assert.Contains("measured with --threads 1", share.Describe(TimeSpan.FromSeconds(10), threads: 2));
    }

    [Fact]
    public void Should_say_the_share_is_not_measured_when_no_parallel_loop_was_heard()
    {
        // Given a one-thread scan in which only the report writers' marked actions were heard (a native build writes no
        // task library events)
        using var share = new ParallelShare();
        share.Record(Kind.Action, begin: true, At(1));
        share.Record(Kind.Action, begin: false, At(2));
        // Then it does not claim a serial share of 100 %, and says why
        string line = share.Describe(TimeSpan.FromSeconds(10), threads: 1);
        Assert.DoesNotContain("%", line, StringComparison.Ordinal);
        Assert.Contains("serial share not measured", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_count_an_invoke_without_marked_actions_as_serial()
    {
        using var share = new ParallelShare();
        share.Record(Kind.Invoke, begin: true, At(0));
        share.Record(Kind.Loop, begin: true, At(1));
        share.Record(Kind.Loop, begin: false, At(2));
        share.Record(Kind.Invoke, begin: false, At(4));
        // The loop inside divides; the rest of the invoke (3 s) does not
        Assert.InRange(share.SerialSeconds(TimeSpan.FromSeconds(4)), 3, 3.05);
    }

    [Fact]
    public void Should_count_the_collectors_pauses_during_a_loop_as_serial()
    {
        // Given a loop during which the collector stops the threads (a full blocking collection)
        using var share = new ParallelShare();
        share.Record(Kind.Loop, begin: true, At(0));
        TimeSpan before = GC.GetTotalPauseDuration();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        double paused = (GC.GetTotalPauseDuration() - before).TotalSeconds;
        share.Record(Kind.Loop, begin: false, At(1));
        // Then the loop's span is that pause, not nothing
        Assert.True(paused > 0);
        Assert.InRange(share.SerialSeconds(TimeSpan.FromSeconds(1)), paused - 1e-6, 1); // to the tick
    }

    [Fact]
    public void Should_hear_the_task_librarys_loops_and_the_engines_marked_actions()
    {
        // Given the listener, when a parallel loop and a fork of marked actions run on one thread for at least 20 ms each
        using var share = new ParallelShare();
        var one = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        Parallel.For(0, 2, one, _ => Thread.Sleep(10));
        Fork.Join(one, () => Thread.Sleep(20), () => Thread.Sleep(1));
        ParallelShare.Action(() => Thread.Sleep(1));
        // Then their time is counted as inside parallel constructs (other tests' loops may add to it, never take away)
        Assert.True(share.InsideSeconds >= 0.04, $"{share.InsideSeconds} s inside");
    }
}
