using System.Runtime;

namespace ReuseDetect.Store.Tests;

/// <summary>
/// The no-GC region a large store is decoded in (<see cref="CollectorPause"/>): one at a time in a process, none for a
/// small store, always ended, and harmless when the collector ran anyway.
/// </summary>
public sealed class CollectorPauseTests
{
    // Regions are process-wide: the tests that open one do not run beside each other.
    static readonly Lock s_gate = new();

    [Fact]
    public void Should_start_no_region_for_a_small_store()
    {
        Assert.Null(CollectorPause.For(CollectorPause.MinimumBytes - 1));
        Assert.Null(CollectorPause.For(0));
    }

    [Fact]
    public void Should_hold_one_region_at_a_time_and_end_it()
    {
        lock (s_gate)
        {
            using (CollectorPause? first = CollectorPause.For(CollectorPause.MinimumBytes))
            {
                if (first is null) return; // the collector could not give the room at once (or another region is open)
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
                Assert.Null(CollectorPause.For(CollectorPause.MinimumBytes));
            }
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            using CollectorPause? again = CollectorPause.For(CollectorPause.MinimumBytes);
            Assert.NotNull(again);
        }
    }

    [Fact]
    public void Should_end_quietly_when_the_region_ended_by_itself()
    {
        lock (s_gate)
        {
            CollectorPause? pause = CollectorPause.For(CollectorPause.MinimumBytes);
            if (pause is null) return;
            // A collection asked for inside the region ends it; disposing then neither throws nor leaves a region open.
            GC.Collect();
            pause.Dispose();
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            using CollectorPause? again = CollectorPause.For(CollectorPause.MinimumBytes);
            Assert.NotNull(again);
        }
    }
}
