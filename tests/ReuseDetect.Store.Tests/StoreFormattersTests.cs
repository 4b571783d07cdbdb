using MessagePack;
using MessagePack.Resolvers;

namespace ReuseDetect.Store.Tests;

/// <summary>
/// The hand-written formatters of the persisted records against MessagePack's dynamic resolver, which wrote every
/// segment before them: the same bytes out, the same records in, and the dynamic resolver's tolerance of keys added or
/// missing.
/// </summary>
public sealed class StoreFormattersTests
{
    static readonly MessagePackSerializerOptions Dynamic = StandardResolverAllowPrivate.Options.WithSecurity(MessagePackSecurity.UntrustedData);
    static readonly MessagePackSerializerOptions Written = MessagePackSerializerOptions.Standard.WithResolver(StoreResolver.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    [Fact]
    public void Should_write_the_bytes_the_dynamic_resolver_wrote_for_every_member()
    {
        SegmentBody body = Full();
        Assert.Equal(MessagePackSerializer.Serialize(body, Dynamic), MessagePackSerializer.Serialize(body, Written));
    }

    [Fact]
    public void Should_write_the_same_bytes_for_random_bodies_and_read_them_back()
    {
        var random = new Random(20261130);
        for (int round = 0; round < 200; round++)
        {
            SegmentBody body = RandomBody(random);
            byte[] expected = MessagePackSerializer.Serialize(body, Dynamic);
            Assert.Equal(expected, MessagePackSerializer.Serialize(body, Written));
            // Read by each, then written again: the same bytes, so every member came back.
            SegmentBody ours = MessagePackSerializer.Deserialize<SegmentBody>(expected, Written);
            SegmentBody theirs = MessagePackSerializer.Deserialize<SegmentBody>(expected, Dynamic);
            Assert.Equal(expected, MessagePackSerializer.Serialize(ours, Written));
            Assert.Equal(MessagePackSerializer.Serialize(theirs, Dynamic), MessagePackSerializer.Serialize(ours, Dynamic));
        }
    }

    [Fact]
    public void Should_read_a_long_body_decoded_in_chunks_as_the_dynamic_resolver_reads_it()
    {
        // Thousands of files and pairs: the arrays are cut into chunks decoded side by side (with nil elements among them).
        var random = new Random(113);
        SegmentBody body = RandomBody(random, files: 4000, pairs: 9000);
        Assert.True(body.Files.Length > 1000 && body.Pairs.Length > 1000);
        body = body with { Files = [.. body.Files[..700], null!, .. body.Files[700..]] };
        byte[] bytes = MessagePackSerializer.Serialize(body, Dynamic);
        SegmentBody ours = MessagePackSerializer.Deserialize<SegmentBody>(bytes, Written);
        SegmentBody theirs = MessagePackSerializer.Deserialize<SegmentBody>(bytes, Dynamic);
        Assert.Null(ours.Files[700]);
        Assert.Equal(bytes, MessagePackSerializer.Serialize(ours, Written));
        Assert.Equal(MessagePackSerializer.Serialize(theirs, Dynamic), MessagePackSerializer.Serialize(ours, Dynamic));
        // The same depth limit as one reader after another; a body cut short anywhere is refused, never half read.
        foreach (int depth in new[] { 6, 7 })
            Assert.Equal(Decodes(bytes, Dynamic.WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(depth))),
                Decodes(bytes, Written.WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(depth))));
        foreach (double cut in new[] { 0.3, 0.6, 0.95 })
        {
            byte[] truncated = bytes[..(int)(bytes.Length * cut)];
            Assert.False(Decodes(truncated, Dynamic));
            Assert.False(Decodes(truncated, Written));
        }
    }

    [Fact]
    public void Should_share_the_ids_and_content_hashes_that_pairs_repeat()
    {
        // Thousands of pairs over a couple of hundred documents (decoded in chunks): each pair's ids and hashes are read as the
        // documents' own instances, with the values the dynamic resolver reads; a hash no document has is read too.
        // Seeds 1 to 200: every document has its own content hash.
        StoredFile[] files = [.. Enumerable.Range(0, 200).Select(i => StoreTestData.File($"doc-{i:D4}.txt", (byte)(i + 1)))];
        var random = new Random(7);
        StoredPair[] pairs = [.. Enumerable.Range(0, 5000).Select(i =>
        {
            StoredDocument a = files[random.Next(files.Length)].Documents[0], b = files[random.Next(files.Length)].Documents[0];
            StoredPair pair = StoreTestData.Pair(a, b);
            return i % 7 == 0 ? pair with { BHash = [.. b.ContentHash.Select(x => (byte)~x)] } : pair;
        })];
        var body = new SegmentBody(new SegmentHeader(1, StoreTestData.Parameters, 1, "/corpus"), files, pairs);
        byte[] bytes = MessagePackSerializer.Serialize(body, Written);
        SegmentBody ours = MessagePackSerializer.Deserialize<SegmentBody>(bytes, Written);
        SegmentBody theirs = MessagePackSerializer.Deserialize<SegmentBody>(bytes, Dynamic);
        Assert.Equal(MessagePackSerializer.Serialize(theirs, Dynamic), MessagePackSerializer.Serialize(ours, Dynamic));
        var ids = ours.Files.SelectMany(f => f.Documents).ToDictionary(d => d.Id, StringComparer.Ordinal);
        for (int i = 0; i < ours.Pairs.Length; i++)
        {
            StoredPair p = ours.Pairs[i];
            StoredDocument a = ids[p.A], b = ids[p.B];
            Assert.Same(a.Id, p.A);
            Assert.Same(b.Id, p.B);
            Assert.Same(a.ContentHash, p.AHash);
            if (i % 7 != 0) Assert.Same(b.ContentHash, p.BHash);
            else Assert.Equal(b.ContentHash.Select(x => (byte)~x), p.BHash);
        }
    }

    [Fact]
    public void Should_skip_keys_it_does_not_know_and_default_keys_an_older_record_lacks()
    {
        // A passage of a future build (a ninth key) and a header of an older one (no root).
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(9);
        foreach (int v in new[] { 1, 2, 3, 4 }) writer.Write(v);
        writer.Write(0.5);
        writer.WriteNil();
        writer.WriteNil();
        writer.Write(true);
        writer.Write("a later key");
        writer.Flush();
        StoredPassage passage = MessagePackSerializer.Deserialize<StoredPassage>(buffer.WrittenMemory, Written);
        Assert.Equal(new StoredPassage(1, 2, 3, 4, 0.5, null, null, true), passage);

        buffer.Clear();
        writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write(1);
        MessagePackSerializer.Serialize(ref writer, StoreTestData.Parameters, Written);
        writer.Write(7L);
        writer.Flush();
        SegmentHeader header = MessagePackSerializer.Deserialize<SegmentHeader>(buffer.WrittenMemory, Written);
        Assert.Equal(new SegmentHeader(1, StoreTestData.Parameters, 7, null), header);
    }

    [Fact]
    public void Should_count_nesting_against_the_untrusted_data_depth_as_the_dynamic_resolver_does()
    {
        // body > file list > file > document list > document > credit list > credit: 7 deep.
        byte[] bytes = MessagePackSerializer.Serialize(Full(), Written);
        foreach (int depth in new[] { 6, 7 })
        {
            var limited = Written.WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(depth));
            var dynamicLimited = Dynamic.WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(depth));
            bool theirs = Decodes(bytes, dynamicLimited), ours = Decodes(bytes, limited);
            Assert.Equal(theirs, ours);
            Assert.Equal(depth == 7, ours);
        }
    }

    [Fact]
    public void Should_never_fall_back_on_the_dynamic_resolver()
    {
        // A type it has no formatter for gets none (MessagePack then refuses it): nothing is generated at run time.
        Assert.Null(StoreResolver.Instance.GetFormatter<Unlisted>());
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Serialize(new Unlisted(1), Written));
        Assert.NotNull(StoreResolver.Instance.GetFormatter<ulong[]>());
    }

    /// <summary>A record shaped like the persisted ones that the store does not persist.</summary>
    [MessagePackObject]
    public sealed record Unlisted([property: Key(0)] int Value);

    static bool Decodes(byte[] bytes, MessagePackSerializerOptions options)
    {
        try
        {
            return MessagePackSerializer.Deserialize<SegmentBody>(bytes, options) is not null;
        }
        catch (MessagePackSerializationException)
        {
            return false;
        }
    }

    static SegmentBody Full()
    {
        StoredDocument a = StoreTestData.Document("a.txt", 3) with
        {
            Url = "https://example.org/a",
            ContentFingerprints = [5, 9, ulong.MaxValue],
            ContentPlaces = [0, 4, int.MaxValue],
            Warnings = ["2 control characters replaced"],
            Lines = [1, 1UL << 40],
            Words = [],
            Credits = [new StoredCredit("TASS", "TASS reports", 0, 12, "lead-in"), new StoredCredit("AP", "(AP)", 20, 24)],
        };
        StoredDocument b = StoreTestData.Document("b.txt", 250) with { PublishedUtcTicks = null, Title = null, Credits = [] };
        var files = new[]
        {
            StoreTestData.File("a.txt", 3) with { Documents = [a] },
            new StoredFile { FileId = "gone.txt", Deleted = true, Documents = [] },
            new StoredFile
            {
                FileId = "bad.jsonl", Size = -1, ModifiedUtcTicks = long.MinValue, Documents = [b], Error = "binary",
                RecordErrors = [new StoredError("bad.jsonl#3", "no text")],
            },
        };
        var pairs = new[]
        {
            StoreTestData.Pair(a, b) with { Aligned = true },
            new StoredPair
            {
                A = "a.txt", AHash = [], B = "b.txt", BHash = [1], Jaccard = null,
                Passages = [new StoredPassage(0, 1, 2, 3, double.Epsilon, null, null, false), new StoredPassage(-5, 0, 0, 0, -1, "", null)],
            },
        };
        return new SegmentBody(new SegmentHeader(1, StoreTestData.Parameters, long.MaxValue, "/corpus"), files, pairs);
    }

    static SegmentBody RandomBody(Random random, int files = 5, int pairs = 5)
    {
        string Text() => random.Next(4) switch
        {
            0 => "",
            1 => new string((char)random.Next(32, 0x2FF), random.Next(1, 40)),
            2 => "café ünïcode " + random.Next(),
            _ => new string('x', random.Next(30, 300)),
        };
        string? Maybe() => random.Next(3) == 0 ? null : Text();
        int Int() => random.Next(5) switch { 0 => random.Next(-40, 200), 1 => int.MaxValue - random.Next(3), 2 => int.MinValue + random.Next(3), _ => random.Next() };
        long Long() => random.Next(3) == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : random.Next(-300, 70000);
        ulong ULong() => random.Next(3) == 0 ? (ulong)random.NextInt64() * 2 + (ulong)random.Next(2) : (ulong)random.Next(0, 300);
        T[] Array<T>(Func<T> make, int most = 6) => Enumerable.Range(0, random.Next(most)).Select(_ => make()).ToArray();
        T[]? MaybeArray<T>(Func<T> make) => random.Next(3) == 0 ? null : Array(make);

        StoredDocument Document() => new()
        {
            Id = Text(), Outlet = Text(), PublishedUtcTicks = random.Next(2) == 0 ? null : Long(), Title = Maybe(), Url = Maybe(),
            Encoding = Text(), ContentHash = Array(() => (byte)random.Next(256), 20), Length = Int(), BodyStart = Int(), BodyEnd = Int(),
            TokenCount = Int(), ShingleCount = Int(), MinHash = Array(() => (uint)random.NextInt64(0, uint.MaxValue + 1L), 40),
            SimHash = ULong(), FingerprintHashes = Array(ULong, 30), FingerprintPositions = Array(Int, 30),
            Credits = Array(() => new StoredCredit(Text(), Text(), Int(), Int(), Maybe())), ContentFingerprints = MaybeArray(ULong),
            Warnings = MaybeArray(Text), Lines = MaybeArray(ULong), Words = MaybeArray(ULong), ContentPlaces = MaybeArray(Int),
        };
        StoredFile File() => new()
        {
            FileId = Text(), Size = Long(), ModifiedUtcTicks = Long(), Deleted = random.Next(2) == 0, Documents = Array(Document, 4),
            Error = Maybe(), RecordErrors = MaybeArray(() => new StoredError(Text(), Text())),
        };
        StoredPair Pair() => new()
        {
            A = Text(), AHash = Array(() => (byte)random.Next(256), 20), B = Text(), BHash = Array(() => (byte)random.Next(256), 20),
            Passages = Array(() => new StoredPassage(Int(), Int(), Int(), Int(), random.NextDouble() * Math.Pow(10, random.Next(-300, 300)), Maybe(), Maybe(),
                random.Next(3) switch { 0 => null, 1 => true, _ => false })),
            Jaccard = random.Next(2) == 0 ? null : random.NextDouble(), Aligned = random.Next(2) == 0,
        };
        var parameters = new StoreParameters(Int(), Int(), ULong(), Int(), Int(), Int());
        return new SegmentBody(new SegmentHeader(Int(), parameters, Long(), Maybe()), Array(File, files), Array(Pair, pairs));
    }
}
