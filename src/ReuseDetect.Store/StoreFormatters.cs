using System.Buffers;
using MessagePack;
using MessagePack.Formatters;

namespace ReuseDetect.Store;

/// <summary>
/// The MessagePack formatters of the persisted records (StoreRecords.cs), written out by hand.
/// MessagePack's own resolver for <c>[MessagePackObject]</c> types builds these at run time with
/// <c>System.Reflection.Emit</c>, which a native AOT build of the CLI does not have, and which cost every new process
/// that opened a store the time to emit them. These write the same bytes the dynamic resolver writes (a record with
/// integer keys is an array of its highest key + 1 items, each member in key order, nil for null; a test holds them to
/// the dynamic resolver's bytes) and read as it reads: keys this build does not know are skipped, keys an older segment
/// lacks keep their defaults, and nesting counts against the untrusted-data depth limit.
/// </summary>
sealed class StoreResolver : IFormatterResolver
{
    /// <summary>The one instance; falls back to MessagePack's built-in formatters (primitives and their arrays).</summary>
    public static readonly StoreResolver Instance = new();

    StoreResolver() { }

    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T>? Formatter = (Find(typeof(T)) as IMessagePackFormatter<T>) ?? MessagePack.Resolvers.BuiltinResolver.Instance.GetFormatter<T>();
    }

    static object? Find(Type type) =>
        type == typeof(SegmentBody) ? SegmentBodyFormatter.Instance
        : type == typeof(SegmentHeader) ? SegmentHeaderFormatter.Instance
        : type == typeof(StoreParameters) ? StoreParametersFormatter.Instance
        : type == typeof(StoredFile) ? StoredFileFormatter.Instance
        : type == typeof(StoredDocument) ? StoredDocumentFormatter.Instance
        : type == typeof(StoredCredit) ? StoredCreditFormatter.Instance
        : type == typeof(StoredError) ? StoredErrorFormatter.Instance
        : type == typeof(StoredPair) ? StoredPairFormatter.Instance
        : type == typeof(StoredPassage) ? StoredPassageFormatter.Instance
        : null;
}

/// <summary>
/// Reading and writing the members of persisted records that MessagePack's reader and writer have no call for
/// (nullable numbers, arrays), as its built-in formatters do; strings and byte arrays, nil when null, are the reader's
/// and writer's own.
/// </summary>
static class Members
{
    /// <summary>Starts reading a record: nil gives false (a null record); else the depth step and the number of keys present.</summary>
    public static bool Begin(ref MessagePackReader reader, MessagePackSerializerOptions options, out int count)
    {
        count = 0;
        if (reader.TryReadNil()) return false;
        options.Security.DepthStep(ref reader);
        count = reader.ReadArrayHeader();
        return true;
    }

    public static long? ReadNullableInt64(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadInt64();

    public static double? ReadNullableDouble(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadDouble();

    public static bool? ReadNullableBoolean(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadBoolean();

    public static byte[]? ReadBytes(ref MessagePackReader reader) => reader.ReadBytes()?.ToArray();

    public static int[]? ReadInt32s(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var values = new int[reader.ReadArrayHeader()];
        for (int i = 0; i < values.Length; i++) values[i] = reader.ReadInt32();
        return values;
    }

    public static uint[]? ReadUInt32s(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var values = new uint[reader.ReadArrayHeader()];
        for (int i = 0; i < values.Length; i++) values[i] = reader.ReadUInt32();
        return values;
    }

    public static ulong[]? ReadUInt64s(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var values = new ulong[reader.ReadArrayHeader()];
        for (int i = 0; i < values.Length; i++) values[i] = reader.ReadUInt64();
        return values;
    }

    /// <summary>An array of strings (a nil element stays null, as the built-in formatter leaves it).</summary>
    public static string[]? ReadStrings(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var values = new string[reader.ReadArrayHeader()];
        for (int i = 0; i < values.Length; i++) values[i] = reader.ReadString()!;
        return values;
    }

    /// <summary>
    /// An array of records (a nil element stays null, as the built-in array formatter leaves it: the segment reader
    /// checks them all).
    /// </summary>
    public static T[]? ReadArray<T>(ref MessagePackReader reader, IMessagePackFormatter<T?> element, MessagePackSerializerOptions options)
        where T : class => ReadArray(ref reader, element, options, inParallel: false, null);

    /// <summary>
    /// <see cref="ReadArray{T}(ref MessagePackReader, IMessagePackFormatter{T}, MessagePackSerializerOptions)"/> for the
    /// long arrays of a segment (its files and pairs): the elements' bounds are found by skipping over them, which
    /// allocates nothing, then the elements are decoded side by side in chunks, each chunk's reader starting at the depth
    /// the elements are read at. The values, and the first error in element order, are those of reading one after the
    /// other. Decoding is most of opening a store (Reuters-21578: 19,047 files and 142,676 pairs, about 0.7 s of one core).
    /// </summary>
    public static T[]? ReadArrayInParallel<T>(ref MessagePackReader reader, IMessagePackFormatter<T?> element, MessagePackSerializerOptions options,
        ReadPool.Seed? seed = null)
        where T : class => ReadArray(ref reader, element, options, inParallel: true, seed);

    static T[]? ReadArray<T>(ref MessagePackReader reader, IMessagePackFormatter<T?> element, MessagePackSerializerOptions options, bool inParallel,
        ReadPool.Seed? seed)
        where T : class
    {
        if (reader.TryReadNil()) return null;
        int count = reader.ReadArrayHeader();
        if (count == 0) return [];
        options.Security.DepthStep(ref reader);
        try
        {
            var values = new T[count];
            int chunks = inParallel ? Math.Min(Environment.ProcessorCount * 4, count / ElementsPerChunk) : 1;
            if (chunks <= 1)
            {
                using ReadPool.Scope pool = inParallel ? ReadPool.Open(seed) : default;
                for (int i = 0; i < count; i++) values[i] = element.Deserialize(ref reader, options)!;
                return values;
            }
            var bounds = new SequencePosition[chunks + 1];
            for (int c = 0, i = 0; c < chunks; c++)
            {
                bounds[c] = reader.Position;
                for (int end = (int)((long)(c + 1) * count / chunks); i < end; i++) reader.Skip();
            }
            bounds[chunks] = reader.Position;
            ReadOnlySequence<byte> sequence = reader.Sequence;
            int depth = reader.Depth;
            var errors = new Exception?[chunks];
            Parallel.For(0, chunks, c =>
            {
                using ReadPool.Scope pool = ReadPool.Open(seed);
                try
                {
                    var part = new MessagePackReader(sequence.Slice(bounds[c], bounds[c + 1])) { Depth = depth };
                    for (int i = (int)((long)c * count / chunks), end = (int)((long)(c + 1) * count / chunks); i < end; i++)
                        values[i] = element.Deserialize(ref part, options)!;
                }
                catch (Exception e)
                {
                    errors[c] = e;
                }
            });
            foreach (Exception? e in errors)
                if (e is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
            return values;
        }
        finally
        {
            reader.Depth--;
        }
    }

    /// <summary>Fewest elements a chunk of <see cref="ReadArrayInParallel{T}"/> decodes.</summary>
    const int ElementsPerChunk = 256;

    public static void Write(ref MessagePackWriter writer, long? value)
    {
        if (value is { } v) writer.Write(v);
        else writer.WriteNil();
    }

    public static void Write(ref MessagePackWriter writer, double? value)
    {
        if (value is { } v) writer.Write(v);
        else writer.WriteNil();
    }

    public static void Write(ref MessagePackWriter writer, bool? value)
    {
        if (value is { } v) writer.Write(v);
        else writer.WriteNil();
    }

    public static void Write(ref MessagePackWriter writer, int[]? values)
    {
        if (values is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(values.Length);
        foreach (int v in values) writer.Write(v);
    }

    public static void Write(ref MessagePackWriter writer, uint[]? values)
    {
        if (values is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(values.Length);
        foreach (uint v in values) writer.Write(v);
    }

    public static void Write(ref MessagePackWriter writer, ulong[]? values)
    {
        if (values is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(values.Length);
        foreach (ulong v in values) writer.Write(v);
    }

    public static void Write(ref MessagePackWriter writer, string[]? values)
    {
        if (values is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(values.Length);
        foreach (string v in values) writer.Write(v);
    }

    public static void WriteArray<T>(ref MessagePackWriter writer, T[]? values, IMessagePackFormatter<T?> element, MessagePackSerializerOptions options)
        where T : class
    {
        if (values is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(values.Length);
        foreach (T v in values) element.Serialize(ref writer, v, options);
    }
}

/// <summary>
/// The ids and content hashes met while decoding one run of records, each kept once. A segment names every pair by both
/// documents' ids and content hashes, which repeat from pair to pair (Reuters-21578: 142,636 pairs over 19,043
/// documents): decoded one by one they were 570,000 strings and 16-byte arrays, about 23 MB that all stay for the whole
/// scan and that every full collection marks again. Held by the thread decoding (<see cref="Members.ReadArrayInParallel"/>
/// opens one for each chunk it decodes, the serial reader one for the whole body), dropped when that run ends. The
/// records that share a string or an array never change them.
/// </summary>
sealed class ReadPool
{
    [ThreadStatic]
    static ReadPool? t_current;

    /// <summary>Entries past which a pool stops growing (a body of unusual ids decodes as without a pool).</summary>
    const int MostEntries = 1 << 16;

    /// <summary>Longest id looked up in the pool, in UTF-8 bytes (a longer one is decoded as usual).</summary>
    const int MostIdBytes = 256;

    readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    readonly Dictionary<UInt128, byte[]> _hashes = [];
    readonly Seed? _seed;

    ReadPool(Seed? seed)
    {
        _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _seed = seed;
    }

    /// <summary>
    /// Opens a pool on this thread unless one is open (nested arrays share their body's), which looks in
    /// <paramref name="seed"/> first; dispose to close it.
    /// </summary>
    public static Scope Open(Seed? seed = null)
    {
        if (t_current is not null) return default;
        t_current = new ReadPool(seed);
        return new Scope(true);
    }

    /// <summary>
    /// The ids and content hashes of a segment's documents, read by every chunk of its pairs (only read once made, so the
    /// chunks share it without a lock): a pair's ids are documents' ids, and its hashes mostly their content hashes.
    /// </summary>
    public sealed class Seed
    {
        readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        readonly Dictionary<UInt128, byte[]> _hashes = [];

        /// <summary>The ids and content hashes of <paramref name="files"/>' documents.</summary>
        public Seed(StoredFile[]? files)
        {
            Strings = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (StoredFile? f in files ?? [])
                foreach (StoredDocument? d in f?.Documents ?? [])
                {
                    if (d?.Id is { } id) _strings.TryAdd(id, id);
                    if (d?.ContentHash is { Length: 16 } hash) _hashes.TryAdd(System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash), hash);
                }
        }

        public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Strings { get; }

        public Dictionary<UInt128, byte[]> Hashes => _hashes;
    }

    /// <summary>Closes the pool <see cref="Open"/> opened, if it opened one.</summary>
    public readonly struct Scope(bool opened) : IDisposable
    {
        public void Dispose()
        {
            if (opened) t_current = null;
        }
    }

    /// <summary>A string (nil: null), the pool's copy when one is open on this thread.</summary>
    public static string? ReadString(ref MessagePackReader reader)
    {
        ReadPool? pool = t_current;
        if (pool is null || !reader.TryReadStringSpan(out ReadOnlySpan<byte> utf8)) return reader.ReadString();
        if (utf8.Length > MostIdBytes) return System.Text.Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MostIdBytes];
        int length = System.Text.Encoding.UTF8.GetChars(utf8, chars);
        if (pool._byChars.TryGetValue(chars[..length], out string? known) || pool._seed?.Strings.TryGetValue(chars[..length], out known) == true) return known;
        string text = new(chars[..length]);
        if (pool._strings.Count < MostEntries) pool._strings[text] = text;
        return text;
    }

    /// <summary>A byte array (nil: null); a 16-byte one (a content hash) is the pool's copy when one is open on this thread.</summary>
    public static byte[]? ReadBytes(ref MessagePackReader reader)
    {
        ReadOnlySequence<byte>? read = reader.ReadBytes();
        if (read is not { } bytes) return null;
        ReadPool? pool = t_current;
        if (pool is null || bytes.Length != 16) return bytes.ToArray();
        Span<byte> value = stackalloc byte[16];
        bytes.CopyTo(value);
        UInt128 key = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(value);
        if (pool._hashes.TryGetValue(key, out byte[]? known) || pool._seed?.Hashes.TryGetValue(key, out known) == true) return known!;
        byte[] array = value.ToArray();
        if (pool._hashes.Count < MostEntries) pool._hashes[key] = array;
        return array;
    }
}

// One formatter per record. Each Serialize writes nil for null, else the array header (highest key + 1) and every key in
// order; each Deserialize reads what is there, skipping keys it does not know, then builds the record.

sealed class StoreParametersFormatter : IMessagePackFormatter<StoreParameters?>
{
    public static readonly StoreParametersFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, StoreParameters? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(6);
        writer.Write(value.ShingleSize);
        writer.Write(value.Permutations);
        writer.Write(value.Seed);
        writer.Write(value.WinnowWindow);
        writer.Write(value.TokenizerVersion);
        writer.Write(value.AlignmentFingerprint);
    }

    public StoreParameters? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        int shingle = 0, permutations = 0, window = 0, tokenizer = 0, alignment = 0;
        ulong seed = 0;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: shingle = reader.ReadInt32(); break;
                case 1: permutations = reader.ReadInt32(); break;
                case 2: seed = reader.ReadUInt64(); break;
                case 3: window = reader.ReadInt32(); break;
                case 4: tokenizer = reader.ReadInt32(); break;
                case 5: alignment = reader.ReadInt32(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new StoreParameters(shingle, permutations, seed, window, tokenizer, alignment);
    }
}

sealed class SegmentHeaderFormatter : IMessagePackFormatter<SegmentHeader?>
{
    public static readonly SegmentHeaderFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, SegmentHeader? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(4);
        writer.Write(value.FormatVersion);
        StoreParametersFormatter.Instance.Serialize(ref writer, value.Parameters, options);
        writer.Write(value.Sequence);
        writer.Write(value.Root);
    }

    public SegmentHeader? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        int version = 0;
        StoreParameters? parameters = null;
        long sequence = 0;
        string? root = null;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: version = reader.ReadInt32(); break;
                case 1: parameters = StoreParametersFormatter.Instance.Deserialize(ref reader, options); break;
                case 2: sequence = reader.ReadInt64(); break;
                case 3: root = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new SegmentHeader(version, parameters!, sequence, root);
    }
}

sealed class StoredCreditFormatter : IMessagePackFormatter<StoredCredit?>
{
    public static readonly StoredCreditFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, StoredCredit? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(5);
        writer.Write(value.Outlet);
        writer.Write(value.Evidence);
        writer.Write(value.Start);
        writer.Write(value.End);
        writer.Write(value.Kind);
    }

    public StoredCredit? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        string? outlet = null, evidence = null, kind = null;
        int start = 0, end = 0;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: outlet = reader.ReadString(); break;
                case 1: evidence = reader.ReadString(); break;
                case 2: start = reader.ReadInt32(); break;
                case 3: end = reader.ReadInt32(); break;
                case 4: kind = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new StoredCredit(outlet!, evidence!, start, end, kind);
    }
}

sealed class StoredErrorFormatter : IMessagePackFormatter<StoredError?>
{
    public static readonly StoredErrorFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, StoredError? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(2);
        writer.Write(value.Id);
        writer.Write(value.Reason);
    }

    public StoredError? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        string? id = null, reason = null;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: id = reader.ReadString(); break;
                case 1: reason = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new StoredError(id!, reason!);
    }
}

sealed class StoredDocumentFormatter : IMessagePackFormatter<StoredDocument?>
{
    public static readonly StoredDocumentFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, StoredDocument? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(22);
        writer.Write(value.Id);
        writer.Write(value.Outlet);
        Members.Write(ref writer, value.PublishedUtcTicks);
        writer.Write(value.Title);
        writer.Write(value.Url);
        writer.Write(value.Encoding);
        writer.Write(value.ContentHash);
        writer.Write(value.Length);
        writer.Write(value.BodyStart);
        writer.Write(value.BodyEnd);
        writer.Write(value.TokenCount);
        writer.Write(value.ShingleCount);
        Members.Write(ref writer, value.MinHash);
        writer.Write(value.SimHash);
        Members.Write(ref writer, value.FingerprintHashes);
        Members.Write(ref writer, value.FingerprintPositions);
        Members.WriteArray(ref writer, value.Credits, StoredCreditFormatter.Instance, options);
        Members.Write(ref writer, value.ContentFingerprints);
        Members.Write(ref writer, value.Warnings);
        Members.Write(ref writer, value.Lines);
        Members.Write(ref writer, value.Words);
        Members.Write(ref writer, value.ContentPlaces);
    }

    public StoredDocument? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        string? id = null, outlet = null, title = null, url = null, encoding = null;
        long? published = null;
        byte[]? contentHash = null;
        int length = 0, bodyStart = 0, bodyEnd = 0, tokenCount = 0, shingleCount = 0;
        uint[]? minHash = null;
        ulong simHash = 0;
        ulong[]? fingerprints = null, contentFingerprints = null, lines = null, words = null;
        int[]? positions = null, contentPlaces = null;
        StoredCredit[]? credits = null;
        string[]? warnings = null;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: id = ReadPool.ReadString(ref reader); break;
                case 1: outlet = ReadPool.ReadString(ref reader); break;
                case 2: published = Members.ReadNullableInt64(ref reader); break;
                case 3: title = reader.ReadString(); break;
                case 4: url = reader.ReadString(); break;
                case 5: encoding = reader.ReadString(); break;
                case 6: contentHash = Members.ReadBytes(ref reader); break;
                case 7: length = reader.ReadInt32(); break;
                case 8: bodyStart = reader.ReadInt32(); break;
                case 9: bodyEnd = reader.ReadInt32(); break;
                case 10: tokenCount = reader.ReadInt32(); break;
                case 11: shingleCount = reader.ReadInt32(); break;
                case 12: minHash = Members.ReadUInt32s(ref reader); break;
                case 13: simHash = reader.ReadUInt64(); break;
                case 14: fingerprints = Members.ReadUInt64s(ref reader); break;
                case 15: positions = Members.ReadInt32s(ref reader); break;
                case 16: credits = Members.ReadArray(ref reader, StoredCreditFormatter.Instance, options); break;
                case 17: contentFingerprints = Members.ReadUInt64s(ref reader); break;
                case 18: warnings = Members.ReadStrings(ref reader); break;
                case 19: lines = Members.ReadUInt64s(ref reader); break;
                case 20: words = Members.ReadUInt64s(ref reader); break;
                case 21: contentPlaces = Members.ReadInt32s(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        // Required members missing from a damaged body stay null, as MessagePack's own formatter leaves them: the
        // segment reader checks every one before the store uses the body.
        return new StoredDocument
        {
            Id = id!, Outlet = outlet!, PublishedUtcTicks = published, Title = title, Url = url, Encoding = encoding!,
            ContentHash = contentHash!, Length = length, BodyStart = bodyStart, BodyEnd = bodyEnd, TokenCount = tokenCount,
            ShingleCount = shingleCount, MinHash = minHash!, SimHash = simHash, FingerprintHashes = fingerprints!,
            FingerprintPositions = positions!, Credits = credits!, ContentFingerprints = contentFingerprints,
            Warnings = warnings, Lines = lines, Words = words, ContentPlaces = contentPlaces,
        };
    }
}

sealed class StoredFileFormatter : IMessagePackFormatter<StoredFile?>
{
    public static readonly StoredFileFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, StoredFile? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(7);
        writer.Write(value.FileId);
        writer.Write(value.Size);
        writer.Write(value.ModifiedUtcTicks);
        writer.Write(value.Deleted);
        Members.WriteArray(ref writer, value.Documents, StoredDocumentFormatter.Instance, options);
        writer.Write(value.Error);
        Members.WriteArray(ref writer, value.RecordErrors, StoredErrorFormatter.Instance, options);
    }

    public StoredFile? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        string? fileId = null, error = null;
        long size = 0, modified = 0;
        bool deleted = false;
        StoredDocument[]? documents = null;
        StoredError[]? recordErrors = null;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: fileId = ReadPool.ReadString(ref reader); break;
                case 1: size = reader.ReadInt64(); break;
                case 2: modified = reader.ReadInt64(); break;
                case 3: deleted = reader.ReadBoolean(); break;
                case 4: documents = Members.ReadArray(ref reader, StoredDocumentFormatter.Instance, options); break;
                case 5: error = reader.ReadString(); break;
                case 6: recordErrors = Members.ReadArray(ref reader, StoredErrorFormatter.Instance, options); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new StoredFile
        {
            FileId = fileId!, Size = size, ModifiedUtcTicks = modified, Deleted = deleted, Documents = documents!, Error = error,
            RecordErrors = recordErrors!,
        };
    }
}

sealed class StoredPassageFormatter : IMessagePackFormatter<StoredPassage?>
{
    public static readonly StoredPassageFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, StoredPassage? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(8);
        writer.Write(value.AStart);
        writer.Write(value.AEnd);
        writer.Write(value.BStart);
        writer.Write(value.BEnd);
        writer.Write(value.Identity);
        writer.Write(value.AText);
        writer.Write(value.BText);
        Members.Write(ref writer, value.Anchored);
    }

    public StoredPassage? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        int aStart = 0, aEnd = 0, bStart = 0, bEnd = 0;
        double identity = 0;
        string? aText = null, bText = null;
        bool? anchored = null;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: aStart = reader.ReadInt32(); break;
                case 1: aEnd = reader.ReadInt32(); break;
                case 2: bStart = reader.ReadInt32(); break;
                case 3: bEnd = reader.ReadInt32(); break;
                case 4: identity = reader.ReadDouble(); break;
                case 5: aText = reader.ReadString(); break;
                case 6: bText = reader.ReadString(); break;
                case 7: anchored = Members.ReadNullableBoolean(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new StoredPassage(aStart, aEnd, bStart, bEnd, identity, aText, bText, anchored);
    }
}

sealed class StoredPairFormatter : IMessagePackFormatter<StoredPair?>
{
    public static readonly StoredPairFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, StoredPair? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(7);
        writer.Write(value.A);
        writer.Write(value.AHash);
        writer.Write(value.B);
        writer.Write(value.BHash);
        Members.WriteArray(ref writer, value.Passages, StoredPassageFormatter.Instance, options);
        Members.Write(ref writer, value.Jaccard);
        writer.Write(value.Aligned);
    }

    public StoredPair? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        string? a = null, b = null;
        byte[]? aHash = null, bHash = null;
        StoredPassage[]? passages = null;
        double? jaccard = null;
        bool aligned = false;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: a = ReadPool.ReadString(ref reader); break;
                case 1: aHash = ReadPool.ReadBytes(ref reader); break;
                case 2: b = ReadPool.ReadString(ref reader); break;
                case 3: bHash = ReadPool.ReadBytes(ref reader); break;
                case 4: passages = Members.ReadArray(ref reader, StoredPassageFormatter.Instance, options); break;
                case 5: jaccard = Members.ReadNullableDouble(ref reader); break;
                case 6: aligned = reader.ReadBoolean(); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new StoredPair { A = a!, AHash = aHash!, B = b!, BHash = bHash!, Passages = passages!, Jaccard = jaccard, Aligned = aligned };
    }
}

sealed class SegmentBodyFormatter : IMessagePackFormatter<SegmentBody?>
{
    public static readonly SegmentBodyFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, SegmentBody? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        writer.WriteArrayHeader(3);
        SegmentHeaderFormatter.Instance.Serialize(ref writer, value.Header, options);
        Members.WriteArray(ref writer, value.Files, StoredFileFormatter.Instance, options);
        Members.WriteArray(ref writer, value.Pairs, StoredPairFormatter.Instance, options);
    }

    public SegmentBody? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (!Members.Begin(ref reader, options, out int count)) return null;
        SegmentHeader? header = null;
        StoredFile[]? files = null;
        StoredPair[]? pairs = null;
        for (int key = 0; key < count; key++)
        {
            switch (key)
            {
                case 0: header = SegmentHeaderFormatter.Instance.Deserialize(ref reader, options); break;
                case 1: files = Members.ReadArrayInParallel(ref reader, StoredFileFormatter.Instance, options); break;
                case 2: pairs = Members.ReadArrayInParallel(ref reader, StoredPairFormatter.Instance, options, new ReadPool.Seed(files)); break;
                default: reader.Skip(); break;
            }
        }
        reader.Depth--;
        return new SegmentBody(header!, files!, pairs!);
    }
}
