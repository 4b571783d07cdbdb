using System.Runtime.CompilerServices;

namespace ReuseDetect.Reporting;

/// <summary>
/// The bytes each cluster took in <c>report.json</c> and <c>report.html</c>, kept for writing the reports again: a
/// cluster object written before (the same object, which a detector with <see cref="Pipeline.ReuseDetector.KeepIndex"/>
/// keeps from one scan to the next when the cluster did not change) is copied instead of serialized, and its word diffs
/// are not made again. For a writer of successive reports of one folder (<c>reuse watch</c>); a one-off report gains
/// nothing from it. Entries live as long as their cluster objects (weak keys), so it holds about one report's clusters.
/// Safe to share between threads.
/// </summary>
public sealed class ReportFragments
{
    /// <summary>A cluster's element of <c>report.json</c>'s <c>clusters</c> array: a line break and its indented lines.</summary>
    internal readonly ConditionalWeakTable<ReportCluster, byte[]> Json = [];

    /// <summary>A cluster's object in <c>report.html</c>'s data, valid while its members' documents keep their indexes.</summary>
    internal readonly ConditionalWeakTable<ReportCluster, HtmlCluster> Html = [];

    /// <summary>
    /// The page's bytes for a cluster, the document index of each member they name, and each member's word diff (null
    /// for the base member; empty for a member with the base's text), to write it again when only the indexes moved.
    /// </summary>
    internal sealed record HtmlCluster(int[] Documents, byte[] Bytes, byte[]?[] Diffs);

    /// <summary>Fragments written from the kept bytes (for tests and measurements).</summary>
    public int Reused => Volatile.Read(ref _reused);

    int _reused;

    internal void CountReuse() => Interlocked.Increment(ref _reused);
}
