using System.Buffers.Binary;

namespace ReuseDetect.Store.Tests;

public sealed class SegmentFileTests
{
    static SegmentBody Body() => new(new SegmentHeader(SegmentFile.FormatVersion, StoreTestData.Parameters, 1),
        [StoreTestData.File("a.txt", 1), StoreTestData.File("b.txt", 2)],
        [StoreTestData.Pair(StoreTestData.Document("a.txt", 1), StoreTestData.Document("b.txt", 2))]);

    [Fact]
    public void Should_round_trip_a_segment()
    {
        byte[] bytes = SegmentFile.Encode(Body());
        SegmentReadResult read = SegmentFile.Decode(bytes);
        Assert.Equal(SegmentStatus.Ok, read.Status);
        Assert.Equal(SegmentFile.Encode(read.Body!), bytes);
        StoredDocument d = read.Body!.Files[1].Documents[0];
        Assert.Equal(StoreTestData.Document("b.txt", 2).MinHash, d.MinHash);
        Assert.Equal("with permission from RFE/RL", d.Credits[0].Evidence);
        Assert.Equal("passage in b", read.Body.Pairs[0].Passages[0].BText);
    }

    [Fact]
    public void Should_write_segments_uncompressed_and_read_compressed_ones_alike()
    {
        // Given one body written as this build writes it and as builds before 2026-11-29 did (LZ4)
        byte[] plain = SegmentFile.Encode(Body()), compressed = SegmentFile.Encode(Body(), compressed: true);
        Assert.NotEqual(plain, compressed);
        // When both are read
        SegmentReadResult a = SegmentFile.Decode(plain), b = SegmentFile.Decode(compressed);
        // Then both read whole, to the same records
        Assert.Equal(SegmentStatus.Ok, a.Status);
        Assert.Equal(SegmentStatus.Ok, b.Status);
        Assert.Equal(plain, SegmentFile.Encode(b.Body!));
    }

    [Fact]
    public void Should_read_back_a_segment_that_decompresses_past_64_MiB()
    {
        // Given a segment written compressed (as before 2026-11-29) whose body decompresses to ~80 MB (a store of a 30 MB
        // corpus did; the untrusted-data profile caps an LZ4 block at 64 MiB by default, and such a store could not be read back)
        string big = string.Concat(Enumerable.Repeat("passage in b, reposted word for word. ", 2_100_000));
        StoredPair pair = StoreTestData.Pair(StoreTestData.Document("a.txt", 1), StoreTestData.Document("b.txt", 2));
        pair = pair with { Passages = [pair.Passages[0] with { BText = big }] };
        var body = new SegmentBody(new SegmentHeader(SegmentFile.FormatVersion, StoreTestData.Parameters, 1),
            [StoreTestData.File("a.txt", 1), StoreTestData.File("b.txt", 2)], [pair]);
        byte[] bytes = SegmentFile.Encode(body, compressed: true);
        Assert.True(bytes.Length < 64 << 20 && big.Length > 64 << 20);
        // When
        SegmentReadResult read = SegmentFile.Decode(bytes);
        // Then it reads back whole
        Assert.Equal(SegmentStatus.Ok, read.Status);
        Assert.Equal(big, read.Body!.Pairs[0].Passages[0].BText);
    }

    [Fact]
    public void Should_read_the_committed_version_1_fixture()
    {
        // Persisted bytes are a contract: this fixture was written by format version 1 and must stay readable.
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "segment-v1.rds");
        // Only a new format version writes a new fixture (never the golden switch: old bytes must stay old).
        if (Environment.GetEnvironmentVariable("REUSEDETECT_WRITE_STORE_FIXTURE") == "1")
        {
            string source = Path.Combine(FindRepo(), "tests", "ReuseDetect.Store.Tests", "Fixtures", "segment-v1.rds");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllBytes(source, SegmentFile.Encode(Body()));
            return;
        }
        SegmentReadResult read = SegmentFile.Read(path);
        Assert.Equal(SegmentStatus.Ok, read.Status);
        Assert.Equal(["a.txt", "b.txt"], read.Body!.Files.Select(f => f.FileId));
        Assert.Equal(StoreTestData.Parameters, read.Body.Header.Parameters);
    }

    [Fact]
    public void Should_detect_every_kind_of_damage_without_throwing()
    {
        byte[] good = SegmentFile.Encode(Body());
        Assert.Equal(SegmentStatus.NotASegment, SegmentFile.Decode("hello world, not a segment"u8).Status);
        Assert.Equal(SegmentStatus.NotASegment, SegmentFile.Decode([]).Status);
        Assert.Equal(SegmentStatus.Truncated, SegmentFile.Decode(good.AsSpan(0, good.Length - 3)).Status);
        Assert.Equal(SegmentStatus.Truncated, SegmentFile.Decode(good.AsSpan(0, 15)).Status);
        byte[] flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x10;
        Assert.Equal(SegmentStatus.ChecksumMismatch, SegmentFile.Decode(flipped).Status);
        byte[] future = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(future.AsSpan(8), 2);
        Assert.Equal(SegmentStatus.UnsupportedVersion, SegmentFile.Decode(future).Status);
        byte[] old = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(8), 0);
        Assert.Equal(SegmentStatus.UnsupportedVersion, SegmentFile.Decode(old).Status);
    }

    [Fact]
    public void Should_reject_a_well_checksummed_but_malformed_body()
    {
        // Given a body of valid MessagePack that is not a segment (an integer), with a correct checksum
        byte[] payload = [0x2A];
        byte[] bytes = new byte[20 + payload.Length + 8];
        "RDSTORE\n"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), SegmentFile.FormatVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(12), (ulong)payload.Length);
        payload.CopyTo(bytes, 20);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(20 + payload.Length), System.IO.Hashing.XxHash3.HashToUInt64(payload));
        Assert.Equal(SegmentStatus.Malformed, SegmentFile.Decode(bytes).Status);
    }

    [Fact]
    public void Should_stream_to_the_file_the_bytes_the_encoder_gives()
    {
        // Given a body of many blocks, with one string longer than a block (the writer's buffer must grow for it)
        string longText = string.Concat(Enumerable.Repeat("passage in b, reposted word for word. ", 30_000));
        StoredPair pair = StoreTestData.Pair(StoreTestData.Document("a.txt", 1), StoreTestData.Document("b.txt", 2));
        var body = new SegmentBody(new SegmentHeader(SegmentFile.FormatVersion, StoreTestData.Parameters, 7, "/data"),
            [.. Enumerable.Range(0, 400).Select(i => StoreTestData.File($"f{i:D4}.txt", (byte)i))],
            [pair with { Passages = [pair.Passages[0] with { BText = longText }] }]);
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "segment-00000007.rds");
        // When it is written to a file
        SegmentFile.Write(path, body);
        // Then the file holds exactly the framed bytes (length, checksum and all), and reads back (mapped, past 1 MiB)
        byte[] written = File.ReadAllBytes(path);
        Assert.True(written.Length > 1 << 20); // read back through a mapping of the file
        Assert.Equal(SegmentFile.Encode(body), written);
        SegmentReadResult read = SegmentFile.Read(path);
        Assert.Equal(SegmentStatus.Ok, read.Status);
        Assert.Equal(longText, read.Body!.Pairs[0].Passages[0].BText);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Should_leave_the_old_file_when_a_write_dies_before_the_rename()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "segment-00000001.rds");
        SegmentFile.Write(path, Body());
        byte[] before = File.ReadAllBytes(path);
        Assert.Throws<IOException>(() => SegmentFile.WriteAtomic(path, [1, 2, 3], () => throw new IOException("simulated crash")));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    static string FindRepo()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "ReuseDetect.sln"))) d = d.Parent;
        return d!.FullName;
    }
}
