using ReuseDetect.Reporting;

namespace ReuseDetect.Worker;

/// <summary>Writes the reports of a scan (atomically) to a folder.</summary>
public interface IReportSink
{
    /// <summary>Writes every report file for <paramref name="report"/> into <paramref name="folder"/>.</summary>
    void Write(string folder, ReuseReport report);
}
