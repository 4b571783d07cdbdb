using System.Runtime;

namespace ReuseDetect.Store;

/// <summary>
/// Holds the garbage collector off while a store's segments are decoded. Nearly everything decoded stays for the whole
/// scan (the files and pairs the store keeps), so a collection during the decoding frees next to nothing and copies what
/// it finds: with the default budgets, opening Reuters-21578's store (about 120 MB decoded) ran some 26 young and 6 full
/// collections, about 0.3 to 0.5 s of pauses and more on the background collector's thread, for nothing. A no-GC region
/// sized to what the decoding allocates skips them; when the decoding allocates more than announced, the collector simply
/// resumes (the region ends by itself). Only for stores large enough for it to matter, and one region at a time in a
/// process (stores opened side by side, as in tests, take turns: the second decodes as usual).
/// </summary>
sealed class CollectorPause : IDisposable
{
    /// <summary>Below this many bytes to allocate, collections are too few to be worth a region (and its induced collection).</summary>
    internal const long MinimumBytes = 16L << 20;

    /// <summary>The most one region asks for: past it, a store is decoded with the collector as usual.</summary>
    const long MaximumBytes = 4L << 30;

    // 1 while a region of this class is open in the process.
    static int s_open;

    CollectorPause() { }

    /// <summary>A region for <paramref name="bytes"/> of allocations, or null when none is started (too small, too large, or one is open).</summary>
    public static CollectorPause? For(long bytes)
    {
        if (bytes < MinimumBytes || bytes > MaximumBytes) return null;
        if (Interlocked.CompareExchange(ref s_open, 1, 0) != 0) return null;
        try
        {
            if (GC.TryStartNoGCRegion(bytes)) return new CollectorPause();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // A region opened by other code, or a size the collector cannot give at once: decode as usual.
        }
        Volatile.Write(ref s_open, 0);
        return null;
    }

    /// <summary>Lets the collector run again (when the region has not ended by itself already).</summary>
    public void Dispose()
    {
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region ended by itself (more was allocated than announced): the collector already runs.
        }
        Volatile.Write(ref s_open, 0);
    }
}
