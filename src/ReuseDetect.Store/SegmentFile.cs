using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;
using MessagePack;

namespace ReuseDetect.Store;

/// <summary>How reading a segment ended.</summary>
enum SegmentStatus
{
    /// <summary>Read and verified.</summary>
    Ok,
    /// <summary>The file does not start with the segment magic.</summary>
    NotASegment,
    /// <summary>Written by a format version this build cannot read.</summary>
    UnsupportedVersion,
    /// <summary>Shorter than its length field says (a write cut short).</summary>
    Truncated,
    /// <summary>The checksum does not match (bits changed on disk).</summary>
    ChecksumMismatch,
    /// <summary>Checksum fine but the body does not decode.</summary>
    Malformed,
}

/// <summary>The outcome of reading a segment: the status, the body when Ok, and a reason for the log.</summary>
readonly record struct SegmentReadResult(SegmentStatus Status, SegmentBody? Body, string Detail);

/// <summary>
/// One segment file. Layout (little endian):
/// <code>
/// offset 0   8 bytes  magic "RDSTORE\n"
/// offset 8   u32      format version
/// offset 12  u64      body length N
/// offset 20  N bytes  body: MessagePack of <see cref="SegmentBody"/> (LZ4 block array in segments written before 2026-11-29)
/// offset 20+N u64     XxHash3 of the body
/// </code>
/// Writes go to a temporary file that is flushed to disk and then renamed over the target, so a crash leaves
/// either the old file or the new one, never half of one. Reads use MessagePack's untrusted-data security.
/// </summary>
static class SegmentFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    static ReadOnlySpan<byte> Magic => "RDSTORE\n"u8;

    const int PrefixLength = 20;

    // The persisted records are written and read by the formatters of StoreResolver, which write the bytes MessagePack's
    // dynamic resolver wrote for them (tests compare the two) without generating code at run time.
    // Bodies are written without compression: a segment is mostly hashes (MinHash values, fingerprints, word stems),
    // which LZ4 shrinks by about a sixth (53.9 -> 44.6 MB for Reuters-21578) for about 0.3 s of compression at
    // each commit and 0.3 s of decompression at each opening. Reading takes either form: segments written compressed
    // before 2026-11-29 still open.
    static readonly MessagePackSerializerOptions s_writeOptions = MessagePackSerializerOptions.Standard
        .WithResolver(StoreResolver.Instance).WithSecurity(MessagePackSecurity.UntrustedData);

    static readonly MessagePackSerializerOptions s_options = s_writeOptions.WithCompression(MessagePackCompression.Lz4BlockArray);

    /// <summary>
    /// Options for reading a body of <paramref name="payloadLength"/> bytes. The untrusted-data profile caps what an LZ4
    /// block may decompress to (64 MiB by default), and one scan of a 30 MB corpus writes a segment that decompresses to
    /// more, which then could not be read back. The body has passed its checksum before it is decoded, so the cap is
    /// raised to what LZ4 can produce from that many bytes (255 to 1), within 2 GiB.
    /// </summary>
    static MessagePackSerializerOptions ReadOptions(int payloadLength)
    {
        int most = (int)Math.Min(Math.Max(64L << 20, 255L * payloadLength), int.MaxValue);
        return s_options.WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumDecompressedSize(most));
    }

    /// <summary>Serialises a segment to bytes (<paramref name="compressed"/>: LZ4, as segments were written before 2026-11-29; tests).</summary>
    public static byte[] Encode(SegmentBody body, bool compressed = false)
    {
        using var bytes = new MemoryStream();
        WriteFramed(bytes, body, Magic, compressed ? s_options : s_writeOptions);
        return bytes.ToArray();
    }

    /// <summary>Decodes and verifies segment bytes (a copy of them); never throws on bad input.</summary>
    public static SegmentReadResult Decode(ReadOnlySpan<byte> bytes) => Decode(bytes.ToArray());

    /// <summary>Decodes and verifies segment bytes in place; never throws on bad input.</summary>
    public static SegmentReadResult Decode(byte[] bytes) => Decode(bytes.AsMemory());

    static SegmentReadResult Decode(ReadOnlyMemory<byte> bytes)
    {
        var (status, body, detail) = Unframe<SegmentBody>(bytes, Magic, "store segment");
        if (status == SegmentStatus.Ok && !IsComplete(body))
            return new(SegmentStatus.Malformed, null, "segment body is incomplete");
        return new(status, body, detail);
    }

    /// <summary>Verifies and decodes framed bytes; never throws on bad input.</summary>
    internal static (SegmentStatus Status, T? Body, string Detail) Unframe<T>(ReadOnlyMemory<byte> memory, ReadOnlySpan<byte> magic, string what)
        where T : class
    {
        ReadOnlySpan<byte> bytes = memory.Span;
        if (bytes.Length < magic.Length || !bytes[..magic.Length].SequenceEqual(magic))
            return (SegmentStatus.NotASegment, null, $"not a ReuseDetect {what}");
        if (bytes.Length < PrefixLength) return (SegmentStatus.Truncated, null, $"truncated header ({bytes.Length} bytes)");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (version != FormatVersion)
            return (SegmentStatus.UnsupportedVersion, null, $"format version {version}, this build reads version {FormatVersion}");
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(bytes[12..]);
        if (length > (ulong)(bytes.Length - PrefixLength) || (ulong)(bytes.Length - PrefixLength) - length < 8)
            return (SegmentStatus.Truncated, null, $"truncated: body of {length:N0} bytes announced, {Math.Max(0, bytes.Length - PrefixLength - 8):N0} present");
        ReadOnlySpan<byte> payload = bytes.Slice(PrefixLength, (int)length);
        ulong expected = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(PrefixLength + (int)length)..]);
        if (XxHash3.HashToUInt64(payload) != expected) return (SegmentStatus.ChecksumMismatch, null, "checksum mismatch (the file was damaged)");
        try
        {
            // Decoded where it lies: a copy of a segment of tens of megabytes is one more large object for the collector.
            T? body = MessagePackSerializer.Deserialize<T>(memory.Slice(PrefixLength, (int)length), ReadOptions(payload.Length));
            return body is null ? (SegmentStatus.Malformed, null, $"{what} body is empty") : (SegmentStatus.Ok, body, "ok");
        }
        catch (MessagePackSerializationException e)
        {
            // The innermost exception names the actual fault (the outer one only names the type being read).
            Exception inner = e;
            while (inner.InnerException is not null) inner = inner.InnerException;
            string detail = ReferenceEquals(inner, e) ? e.Message : $"{e.Message} ({inner.Message})";
            return (SegmentStatus.Malformed, null, $"{what} body does not decode: " + detail);
        }
    }

    // MessagePack leaves a nil in place of any object, and the store dereferences everything a segment holds.
    static bool IsComplete(SegmentBody? body) =>
        body is { Header.Parameters: not null, Files: not null, Pairs: not null }
        && body.Files.All(f => f is { FileId: not null, Documents: not null } && (f.RecordErrors ?? []).All(e => e is { Id: not null, Reason: not null })
            && f.Documents.All(d => d is { Id: not null, Outlet: not null, Encoding: not null, ContentHash: not null, MinHash: not null,
                FingerprintHashes: not null, FingerprintPositions: not null, Credits: not null }
                && d.FingerprintHashes.Length == d.FingerprintPositions.Length && d.Credits.All(c => c is { Outlet: not null, Evidence: not null })))
        && body.Pairs.All(p => p is { A: not null, AHash: not null, B: not null, BHash: not null, Passages: not null }
            && p.Passages.All(x => x is not null));

    /// <summary>
    /// Reads a segment file, decoding it where the file is mapped into memory: copying tens of megabytes into a fresh
    /// array costs a page fault for every 4 KiB of it, while a mapping of the file's cached pages is filled many pages a
    /// fault (Reuters-21578's 55 MB segment: about 0.24 s less at each opening). Segments are never changed in place
    /// (written aside, then renamed over), so the mapped bytes stay those verified; a small file is read plainly.
    /// </summary>
    public static SegmentReadResult Read(string path)
    {
        try
        {
            using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            long length = RandomAccess.GetLength(file);
            if (length > int.MaxValue) return new(SegmentStatus.Malformed, null, $"{length:N0} bytes, more than a segment can hold");
            if (length < MappedFrom)
            {
                var bytes = new byte[length];
                int read = 0;
                while (read < bytes.Length)
                {
                    int n = RandomAccess.Read(file, bytes.AsSpan(read), read);
                    if (n == 0) break;
                    read += n;
                }
                return Decode(bytes.AsMemory(0, read));
            }
            using var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            using var mapped = new MappedBytes(view, (int)length);
            return Decode(mapped.Memory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(SegmentStatus.Truncated, null, "cannot read: " + e.Message);
        }
    }

    /// <summary>Files smaller than this are read into an array (a mapping costs more than it saves).</summary>
    const int MappedFrom = 1 << 20;

    /// <summary>The bytes of a mapped view as <see cref="Memory{T}"/>, for decoding in place; valid until disposed.</summary>
    sealed unsafe class MappedBytes : MemoryManager<byte>
    {
        readonly MemoryMappedViewAccessor _view;
        readonly byte* _start;
        readonly int _length;
        bool _released;

        public MappedBytes(MemoryMappedViewAccessor view, int length)
        {
            _view = view;
            _length = length;
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _start = pointer + view.PointerOffset;
        }

        public override Span<byte> GetSpan() => new(_start, _length);

        public override MemoryHandle Pin(int elementIndex = 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
            return new MemoryHandle(_start + elementIndex);
        }

        public override void Unpin() { }

        protected override void Dispose(bool disposing)
        {
            if (_released) return;
            _released = true;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    /// <summary>
    /// Writes a segment crash-safely: temporary file, flush to disk, atomic rename. The bytes are those of
    /// <see cref="Encode"/>, streamed to the file as they are serialised and hashed on the way: a segment of tens of
    /// megabytes is never held whole (as the serialiser's buffer, its array and the framed copy of it, each fresh memory
    /// beside the scan that is still running).
    /// </summary>
    public static void Write(string path, SegmentBody body, Action? beforeRename = null) =>
        WriteAtomic(path, stream => WriteFramed(stream, body, Magic, s_writeOptions), beforeRename);

    /// <summary>Writes bytes crash-safely. A failure leaves the target untouched and removes the temporary file.</summary>
    public static void WriteAtomic(string path, byte[] bytes, Action? beforeRename = null) =>
        WriteAtomic(path, stream => stream.Write(bytes), beforeRename);

    /// <summary>Writes what <paramref name="write"/> writes to a new file (seekable, at position 0), crash-safely.</summary>
    internal static void WriteAtomic(string path, Action<FileStream> write, Action? beforeRename)
    {
        string tmp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            beforeRename?.Invoke();
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>
    /// A MessagePack body framed (magic, version, length, body, checksum; see the class summary), written to a seekable
    /// <paramref name="stream"/> as it is serialised and hashed: the body's length, unknown until the end, is written
    /// into the header last.
    /// </summary>
    static void WriteFramed<T>(Stream stream, T body, ReadOnlySpan<byte> magic, MessagePackSerializerOptions options)
    {
        Span<byte> prefix = stackalloc byte[PrefixLength];
        magic.CopyTo(prefix);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix[8..], FormatVersion);
        stream.Write(prefix);
        long length;
        Span<byte> checksum = stackalloc byte[8];
        using (var writer = new HashingWriter(stream))
        {
            MessagePackSerializer.Serialize(writer, body, options);
            writer.Flush();
            length = writer.Written;
            BinaryPrimitives.WriteUInt64LittleEndian(checksum, writer.Checksum);
        }
        stream.Write(checksum);
        stream.Position = 12;
        Span<byte> lengthBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)length);
        stream.Write(lengthBytes);
        stream.Position = stream.Length;
    }

    /// <summary>A buffer writer that passes what it is given on to a stream in blocks, hashing each (XxHash3) on its way.</summary>
    sealed class HashingWriter(Stream stream) : IBufferWriter<byte>, IDisposable
    {
        const int BlockSize = 1 << 16;
        readonly XxHash3 _hash = new();
        byte[] _buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        int _used;

        /// <summary>Bytes written so far.</summary>
        public long Written { get; private set; }

        /// <summary>XxHash3 of the bytes written and flushed.</summary>
        public ulong Checksum => _hash.GetCurrentHashAsUInt64();

        public void Advance(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (count > _buffer.Length - _used) throw new InvalidOperationException("Advanced past the buffer.");
            _used += count;
            Written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint).AsMemory(_used);

        public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint).AsSpan(_used);

        byte[] Room(int sizeHint)
        {
            int need = Math.Max(1, sizeHint);
            if (_buffer.Length - _used >= need) return _buffer;
            Flush();
            if (_buffer.Length < need)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(need);
            }
            return _buffer;
        }

        /// <summary>Hashes and writes what is buffered.</summary>
        public void Flush()
        {
            if (_used == 0) return;
            ReadOnlySpan<byte> block = _buffer.AsSpan(0, _used);
            _hash.Append(block);
            stream.Write(block);
            _used = 0;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
