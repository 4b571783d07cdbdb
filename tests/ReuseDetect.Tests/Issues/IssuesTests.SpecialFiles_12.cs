using ReuseDetect.Internal;
using ReuseDetect.Cli;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Issues;

/// <summary>Issue 12, defect 2: FIFOs and devices among the articles hung the scan or exhausted memory.</summary>
public sealed partial class IssuesTests
{
    static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_skip_a_fifo_named_like_an_article_with_the_reason_and_finish_the_scan()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo(1) on Linux");
        // Given a folder with a reposted story, a FIFO named a.txt, and a FIFO as a story's sidecar
        using var tmp = new TempFolder();
        string story = Words(1, 200);
        tmp.Write("wire/story.txt", story);
        tmp.Write("site/copy.txt", "Reposted: " + story);
        string fifo = Path.Combine(tmp.Path, "a.txt"), sidecar = Path.Combine(tmp.Path, "site", "copy.meta.json");
        MakeFifo(fifo);
        MakeFifo(sidecar);

        // When it is scanned (a blocked read fails the test instead of hanging it)
        ReuseReport r = await WithinAsync(s_limit, () => new ReuseDetector(new ReuseDetectOptions { Parallelism = 2 }).Scan(tmp.Path), fifo, sidecar);

        // Then the FIFO is skipped with the reason, the sidecar is not read, and the rest is scanned
        Assert.Equal("not a regular file: FIFO (named pipe)", r.Documents.Single(d => d.Id == "a.txt").Error);
        Assert.Equal("sidecar not read: not a regular file: FIFO (named pipe)", r.Documents.Single(d => d.Id == "site/copy.meta.json").Error);
        Assert.Contains(r.Clusters, c => c.Kind == "passage" && c.Members.Select(m => m.Id).SequenceEqual(["site/copy.txt", "wire/story.txt"]));
    }

    [Fact]
    public async Task Should_skip_a_link_to_dev_zero_with_the_reason()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero is a Linux character device");
        // Given a folder with a link zero.txt -> /dev/zero beside an article
        using var tmp = new TempFolder();
        tmp.Write("story.txt", Words(2, 100));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "zero.txt"), "/dev/zero");

        // When it is scanned
        ReuseReport r = await WithinAsync(s_limit, () => new ReuseDetector(new ReuseDetectOptions()).Scan(tmp.Path));

        // Then the link is skipped with the reason and the article is read
        Assert.Equal(FolderSource.OutsideRootReason, r.Documents.Single(d => d.Id == "zero.txt").Error);
        Assert.Null(r.Documents.Single(d => d.Id == "story.txt").Error);
        Assert.Equal(1, r.Summary.Skipped);
    }

    [Fact]
    public async Task Should_refuse_to_query_a_fifo_or_a_device_with_exit_1()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo(1) on Linux");
        // Given a scanned folder and a FIFO in it
        using var tmp = new TempFolder();
        tmp.Write("news/story.txt", Words(3, 100));
        Assert.Equal(0, CliApp.Run(["scan", Path.Combine(tmp.Path, "news"), "-q"], new StringWriter(), new StringWriter()));
        string fifo = Path.Combine(tmp.Path, "news", "a.txt");
        MakeFifo(fifo);
        string store = Path.Combine(tmp.Path, "news.reuse", "store");

        foreach (string target in (string[])[fifo, "/dev/zero"])
        {
            // When it is queried
            var err = new StringWriter();
            int code = await WithinAsync(s_limit, () => CliApp.Run(["query", target, "--store", store], new StringWriter(), err), fifo);

            // Then the query is refused with the reason
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains($"reuse: cannot read {target}: not a regular file: ", err.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_refuse_a_device_or_a_fifo_found_at_open_time_without_blocking()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs and /dev/zero are Linux special files");
        // Given a device that reports a length of 0 and never ends, and a FIFO no one writes to, as they would be if
        // they replaced a checked file between the folder listing and the open
        using var tmp = new TempFolder();
        string fifo = Path.Combine(tmp.Path, "swapped.txt");
        MakeFifo(fifo);
        long before = GC.GetAllocatedBytesForCurrentThread();

        // When they are read
        var device = Assert.Throws<NotRegularFileException>(() => FolderSource.ReadBounded("/dev/zero", 1 << 20, out _));
        Task<Exception?> pipe = Task.Run(() => Record.Exception(() => FolderSource.ReadBounded(fifo, 1 << 20, out _)), TestContext.Current.CancellationToken);

        // Then the open itself says what they are: the device is not read at all, and the FIFO open does not wait for a writer
        Assert.Equal(FileKind.CharacterDevice, device.Kind);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Exception? opened = await pipe.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(FileKind.Fifo, Assert.IsType<NotRegularFileException>(opened).Kind);
        Assert.Equal("not a regular file: FIFO (named pipe)", opened.Message);
    }

    [Fact]
    public void Should_read_a_regular_file_whole_when_it_is_within_the_limit()
    {
        // Given files of 0, 1 and 100,000 bytes
        using var tmp = new TempFolder();
        foreach (int size in (int[])[0, 1, 100_000])
        {
            byte[] content = [.. Enumerable.Range(0, size).Select(i => (byte)(i * 7))];
            string path = tmp.WriteBytes($"f{size}.txt", content);

            // When each is read with a limit of its size, and of one byte less
            byte[]? within = FolderSource.ReadBounded(path, size, out _);
            byte[]? over = FolderSource.ReadBounded(path, size - 1, out long seen);

            // Then the first is read whole and the second is too large
            Assert.Equal(content, within);
            Assert.True(size == 0 || over is null, $"size {size}");
            if (size > 0) Assert.Equal(size, seen);
        }
    }
}
