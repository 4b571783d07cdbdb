using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;

namespace ReuseDetect.Store.Tests.Fuzz;

/// <summary>
/// Seeded fuzzing of the segment reader: random bytes, every truncation and bit flips of a real segment, and
/// mutated bodies under a correct checksum (which reach the MessagePack decoder). Reading must always return a
/// status and a reason, never throw. <c>REUSEDETECT_FUZZ_SECONDS=N</c> runs each row for N seconds.
/// </summary>
public sealed class SegmentFuzzTests
{
    static readonly byte[] s_good = SegmentFile.Encode(new SegmentBody(new SegmentHeader(SegmentFile.FormatVersion, StoreTestData.Parameters, 1, "/data"),
        [StoreTestData.File("a.txt", 1), StoreTestData.File("b.txt", 2), StoreTestData.File("c.txt", 3)],
        [StoreTestData.Pair(StoreTestData.Document("a.txt", 1), StoreTestData.Document("b.txt", 2))]));

    static void Check(ReadOnlySpan<byte> bytes)
    {
        SegmentReadResult read = SegmentFile.Decode(bytes);
        Assert.True(Enum.IsDefined(read.Status));
        Assert.False(string.IsNullOrWhiteSpace(read.Detail));
        if (read.Status == SegmentStatus.Ok) Assert.True(read.Body is { Header: not null, Files: not null, Pairs: not null });
        else Assert.Null(read.Body);
    }

    static byte[] Framed(byte[] payload)
    {
        var bytes = new byte[20 + payload.Length + 8];
        s_good.AsSpan(0, 12).CopyTo(bytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(12), (ulong)payload.Length);
        payload.CopyTo(bytes, 20);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(20 + payload.Length), XxHash3.HashToUInt64(payload));
        return bytes;
    }

    static void Run(int seed, int cases, Func<Random, byte[]> generate)
    {
        double seconds = double.TryParse(Environment.GetEnvironmentVariable("REUSEDETECT_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; seconds > 0 ? clock.Elapsed.TotalSeconds < seconds : i < cases; i++)
        {
            byte[] input = generate(new Random(unchecked(seed * 1_000_003 + i)));
            try
            {
                Check(input);
            }
            catch (Exception e)
            {
                string saved = Path.Combine(Path.GetTempPath(), $"reusedetect-fuzz-segment-{seed}-{i}.rds");
                File.WriteAllBytes(saved, input);
                throw new Xunit.Sdk.XunitException($"segment fuzz case seed={seed} i={i} failed (input saved to {saved}): {e}");
            }
        }
    }

    static byte[] Mutate(Random r, byte[] b)
    {
        b = (byte[])b.Clone();
        int edits = 1 + r.Next(6);
        for (int k = 0; k < edits && b.Length > 0; k++)
        {
            int at = r.Next(b.Length);
            switch (r.Next(3))
            {
                case 0: b[at] ^= (byte)(1 << r.Next(8)); break;
                case 1: b[at] = (byte)r.Next(256); break;
                default: b = b[..at]; break;
            }
        }
        return b;
    }

    [Fact]
    public void A_checksummed_body_with_nils_inside_is_malformed_not_a_crash()
    {
        // Found while writing the fuzzer: MessagePack accepts nil for any object, so Ok must mean every field the store reads is there.
        var header = new SegmentHeader(SegmentFile.FormatVersion, StoreTestData.Parameters, 1);
        var options = MessagePack.Resolvers.StandardResolverAllowPrivate.Options.WithCompression(MessagePack.MessagePackCompression.Lz4BlockArray);
        byte[] nilFile = MessagePack.MessagePackSerializer.Serialize(new SegmentBody(header, [null!], []), options);
        byte[] nilDocs = MessagePack.MessagePackSerializer.Serialize(new SegmentBody(header, [StoreTestData.File("a.txt", 1) with { Documents = null! }], []), options);
        byte[] nilHash = MessagePack.MessagePackSerializer.Serialize(new SegmentBody(header, [StoreTestData.File("a.txt", 1)],
            [StoreTestData.Pair(StoreTestData.Document("a.txt", 1), StoreTestData.Document("b.txt", 2)) with { BHash = null! }]), options);
        foreach (byte[] payload in new[] { nilFile, nilDocs, nilHash })
            Assert.Equal(SegmentStatus.Malformed, SegmentFile.Decode(Framed(payload)).Status);
    }

    [Fact]
    public void Every_truncation_of_a_real_segment_is_reported()
    {
        for (int n = 0; n < s_good.Length; n++)
        {
            Check(s_good.AsSpan(0, n));
            Assert.NotEqual(SegmentStatus.Ok, SegmentFile.Decode(s_good.AsSpan(0, n)).Status);
        }
    }

    [Theory]
    [InlineData(1, 2000)]
    public void Random_bytes_and_bit_flips_never_throw(int seed, int cases) =>
        Run(seed, cases, r => r.Next(3) switch
        {
            0 => [.. "RDSTORE\n"u8, .. Enumerable.Range(0, r.Next(64)).Select(_ => (byte)r.Next(256))],
            1 => Enumerable.Range(0, r.Next(256)).Select(_ => (byte)r.Next(256)).ToArray(),
            _ => Mutate(r, s_good),
        });

    [Theory]
    [InlineData(2, 3000)]
    [InlineData(3, 3000)]
    public void Mutated_bodies_with_a_correct_checksum_never_throw(int seed, int cases)
    {
        byte[] payload = s_good[20..^8];
        Run(seed, cases, r => Framed(r.Next(4) == 0
            ? Enumerable.Range(0, r.Next(128)).Select(_ => (byte)r.Next(256)).ToArray()
            : Mutate(r, payload)));
    }
}
