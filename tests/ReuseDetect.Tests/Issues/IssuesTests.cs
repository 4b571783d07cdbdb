using System.Diagnostics;
using System.Text;

namespace ReuseDetect.Tests.Issues;

/// <summary>Regressions of reported issues, one partial file per topic and issue (<c>IssuesTests.&lt;Topic&gt;_&lt;issue&gt;.cs</c>).</summary>
public sealed partial class IssuesTests
{
    /// <summary>Seeded article-like text: <paramref name="count"/> words from a vocabulary of <paramref name="vocabulary"/>.</summary>
    static string Words(int seed, int count, int vocabulary = 5000)
    {
        var r = new Random(seed);
        var sb = new StringBuilder(count * 7);
        for (int i = 0; i < count; i++) sb.Append('w').Append(r.Next(vocabulary)).Append(' ');
        return sb.ToString();
    }

    /// <summary>Makes a FIFO (named pipe) at <paramref name="path"/> with mkfifo(1).</summary>
    static void MakeFifo(string path)
    {
        var start = new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false };
        using Process p = Process.Start(start) ?? throw new InvalidOperationException("mkfifo did not start");
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a time limit, so a read that blocks fails the test instead of hanging the
    /// run; on time-out each FIFO in <paramref name="fifos"/> is opened for writing once, which frees a blocked reader.
    /// </summary>
    static async Task<T> WithinAsync<T>(TimeSpan limit, Func<T> work, params string[] fifos)
    {
        Task<T> task = Task.Run(work, TestContext.Current.CancellationToken);
        try
        {
            return await task.WaitAsync(limit, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            foreach (string fifo in fifos)
            {
                // Not awaited: the open only returns once a reader is blocked on the other end.
                _ = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose());
            }
            throw;
        }
    }
}
