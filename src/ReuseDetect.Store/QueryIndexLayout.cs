using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace ReuseDetect.Store;

/// <summary>
/// The bytes of <c>query.idx</c> (format 7; the magic is that of format 2, whose layout it keeps), laid out so that opening reads only a small front part and a query reads
/// only the postings blocks its fingerprints fall in. Little endian; every section starts at a multiple of 8:
/// <code>
/// offset 0    8 bytes  magic "RDQIDX2\n"
/// offset 8    u32      format version (7)
/// offset 12   u32      document count D
/// offset 16   u64      posting count P
/// offset 24   u64      meta length M
/// offset 32   u64      string heap length S
/// offset 40   u32      postings per block B
/// offset 44   u32      zero
/// offset 48   u64      XxHash3 of the front: bytes [64, start of the postings)
/// offset 56   u64      XxHash3 of bytes [0, 56): the header
/// offset 64   M bytes  meta: parameters, scanned root, segment numbers, outlet names (<see cref="QueryIndexMeta"/>)
///             64·D     documents: u128 content hash, i64 published UTC ticks (i64.MinValue: undated), i32 outlet
///                      (index into the meta's names, -1: unknown), i32 id offset, i32 id bytes, i32 file id offset,
///                      i32 file id bytes, i32 URL offset, i32 URL bytes, i32 title offset, i32 title bytes (-1 bytes:
///                      none), i32 zero (offsets into the heap; UTF-8)
///             S bytes  string heap (UTF-8)
///             8·K      fences: the first hash of each of the K = ⌈P / B⌉ blocks, ascending
///             8·K      XxHash3 of each block's bytes
///             blocks   block k: its n hashes (u64, ascending), then their n owners (i32, document indexes);
///                      n = B but for the last block; blocks follow one another at 12·B bytes
/// </code>
/// Opening verifies the header and the front (checksums, sections that fill the file exactly, strings inside the heap,
/// fences ascending); a block is verified when first read (checksum, first hash equal to its fence, hashes ascending
/// and below the next fence, owners naming documents). A front that passes cannot make a query fail; a damaged block
/// makes the query that reads it throw <see cref="InvalidDataException"/>.
/// </summary>
static class QueryIndexLayout
{
    // 3: the postings hold each document's line hashes beside its fingerprints (same layout as 2); 4: the meta block
    // ends with the corpus's common words; 5: ... and its common content fingerprints; 6: the postings hold each
    // document's distinct content fingerprints too; 7: each document's URL and title (a page without an outlet is grouped
    // by its URL's host, as in a scan, and a match names its page). A commit updates the index from the previous one
    // (QueryIndexUpdate), carrying over its postings and common content fingerprints: a change to what they hold (the
    // postings of a document, the cap of ContentMaxDocuments) must take a new version, so that an older index is rebuilt.
    public const int FormatVersion = 7;
    public const int HeaderLength = 64;
    public const int DocumentLength = 64;
    public const int BlockSize = 512;
    public const long Undated = long.MinValue;

    public static ReadOnlySpan<byte> Magic => "RDQIDX2\n"u8;

    /// <summary>The magic of the MessagePack index written before format 2.</summary>
    public static ReadOnlySpan<byte> FormerMagic => "RDQIDX1\n"u8;

    /// <summary>The counts of the header and where each section starts.</summary>
    public readonly record struct Sections(int DocumentCount, long PostingCount, int BlockSize, int Meta, int Documents, int Heap, int Fences, int Checksums, long Postings, long End)
    {
        public int Blocks => (int)((PostingCount + BlockSize - 1) / BlockSize);

        /// <summary>The sections, or null when they would not fit in a file this build reads (a front beyond 2 GiB).</summary>
        public static Sections? Of(long meta, int documents, long heap, long postings, int blockSize)
        {
            long docs = Align(HeaderLength + meta);
            long heapAt = docs + (long)DocumentLength * documents;
            long fences = Align(heapAt + heap);
            long blocks = (postings + blockSize - 1) / blockSize;
            long checksums = fences + 8 * blocks;
            long front = checksums + 8 * blocks;
            if (front > Array.MaxLength) return null;
            return new(documents, postings, blockSize, (int)meta, (int)docs, (int)heapAt, (int)fences, (int)checksums, front, front + 12 * postings);
        }

        /// <summary>Where block <paramref name="k"/> starts and how many postings it holds.</summary>
        public (long Offset, int Count) Block(int k) =>
            (Postings + 12L * BlockSize * k, (int)Math.Min(BlockSize, PostingCount - (long)BlockSize * k));
    }

    static long Align(long offset) => (offset + 7) & ~7L;

    /// <summary>One document as the index keeps it.</summary>
    public readonly record struct Entry(string Id, string FileId, int Outlet, long PublishedUtcTicks, UInt128 ContentHash, string? Url = null, string? Title = null);

    /// <summary>The file's bytes for documents whose postings are <paramref name="hashes"/> (ascending) and <paramref name="owners"/>.</summary>
    public static byte[] Encode(QueryIndexMeta meta, IReadOnlyList<Entry> documents, ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> owners, int blockSize = BlockSize)
    {
        using var bytes = new MemoryStream();
        Write(bytes, meta, documents, hashes, owners, blockSize);
        return bytes.ToArray();
    }

    /// <summary>
    /// Writes the bytes of <see cref="Encode"/> to <paramref name="stream"/> (seekable, at position 0): the postings
    /// blocks first, at their place, a few at a time, then the front with their checksums. Only the front is held whole
    /// (about 50 bytes a document): the postings, twelve bytes each, are millions at every commit of a large store, and
    /// one fresh array of all of them cost more in page faults than the rest of the writing.
    /// </summary>
    public static void Write(Stream stream, QueryIndexMeta meta, IReadOnlyList<Entry> documents, ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> owners,
        int blockSize = BlockSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(documents);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The query index is little endian, this machine is not.");
        byte[] metaBytes = meta.Encode();
        var heap = new MemoryStream();
        var strings = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        var table = new byte[DocumentLength * documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            Entry d = documents[i];
            Span<byte> e = table.AsSpan(i * DocumentLength, DocumentLength);
            BinaryPrimitives.WriteUInt128LittleEndian(e, d.ContentHash);
            BinaryPrimitives.WriteInt64LittleEndian(e[16..], d.PublishedUtcTicks);
            BinaryPrimitives.WriteInt32LittleEndian(e[24..], d.Outlet);
            var (idAt, idLength) = Intern(d.Id);
            var (fileAt, fileLength) = Intern(d.FileId);
            BinaryPrimitives.WriteInt32LittleEndian(e[28..], idAt);
            BinaryPrimitives.WriteInt32LittleEndian(e[32..], idLength);
            BinaryPrimitives.WriteInt32LittleEndian(e[36..], fileAt);
            BinaryPrimitives.WriteInt32LittleEndian(e[40..], fileLength);
            var (urlAt, urlLength) = d.Url is null ? (0, -1) : Intern(d.Url);
            var (titleAt, titleLength) = d.Title is null ? (0, -1) : Intern(d.Title);
            BinaryPrimitives.WriteInt32LittleEndian(e[44..], urlAt);
            BinaryPrimitives.WriteInt32LittleEndian(e[48..], urlLength);
            BinaryPrimitives.WriteInt32LittleEndian(e[52..], titleAt);
            BinaryPrimitives.WriteInt32LittleEndian(e[56..], titleLength);
        }
        Sections at = Sections.Of(metaBytes.Length, documents.Count, heap.Length, hashes.Length, blockSize) is { End: <= int.MaxValue } fits ? fits
            : throw new InvalidOperationException("The query index would be larger than one file of it can hold (2 GiB).");
        var front = new byte[at.Postings];
        // The blocks, written where they go; their first hashes and checksums go into the front.
        const int BlocksPerWrite = 16;
        byte[] chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(12 * blockSize * BlocksPerWrite);
        try
        {
            stream.Position = at.Postings;
            int filled = 0;
            for (int k = 0; k < at.Blocks; k++)
            {
                var (_, count) = at.Block(k);
                Span<byte> block = chunk.AsSpan(filled, 12 * count);
                // Copied as they lie in memory: the file is little endian, as is every machine that reads it (Header).
                MemoryMarshal.AsBytes(hashes.Slice(k * blockSize, count)).CopyTo(block);
                MemoryMarshal.AsBytes(owners.Slice(k * blockSize, count)).CopyTo(block[(8 * count)..]);
                BinaryPrimitives.WriteUInt64LittleEndian(front.AsSpan(at.Fences + 8 * k), hashes[k * blockSize]);
                BinaryPrimitives.WriteUInt64LittleEndian(front.AsSpan(at.Checksums + 8 * k), XxHash3.HashToUInt64(block));
                filled += block.Length;
                if (filled > chunk.Length - 12 * blockSize || k == at.Blocks - 1)
                {
                    stream.Write(chunk, 0, filled);
                    filled = 0;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        Magic.CopyTo(front);
        BinaryPrimitives.WriteUInt32LittleEndian(front.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(front.AsSpan(12), (uint)documents.Count);
        BinaryPrimitives.WriteUInt64LittleEndian(front.AsSpan(16), (ulong)hashes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(front.AsSpan(24), (ulong)metaBytes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(front.AsSpan(32), (ulong)heap.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(front.AsSpan(40), (uint)blockSize);
        metaBytes.CopyTo(front, HeaderLength);
        table.CopyTo(front, at.Documents);
        heap.GetBuffer().AsSpan(0, (int)heap.Length).CopyTo(front.AsSpan(at.Heap));
        BinaryPrimitives.WriteUInt64LittleEndian(front.AsSpan(48), XxHash3.HashToUInt64(front.AsSpan(HeaderLength, (int)at.Postings - HeaderLength)));
        BinaryPrimitives.WriteUInt64LittleEndian(front.AsSpan(56), XxHash3.HashToUInt64(front.AsSpan(0, 56)));
        stream.Position = 0;
        stream.Write(front);
        stream.Position = at.End;

        // A file id equal to its document's id (a file of one document) shares its bytes.
        (int, int) Intern(string s)
        {
            if (strings.TryGetValue(s, out var known)) return known;
            byte[] utf8 = Encoding.UTF8.GetBytes(s);
            var placed = ((int)heap.Length, utf8.Length);
            heap.Write(utf8);
            strings[s] = placed;
            return placed;
        }
    }

    /// <summary>The sections a header announces for a file of <paramref name="fileLength"/> bytes, or why it is unusable. Never throws on bad input.</summary>
    public static (Sections? At, string Detail) Header(ReadOnlySpan<byte> b, long fileLength)
    {
        if (!BitConverter.IsLittleEndian) return (null, "the query index is little endian, this machine is not");
        if (b.Length >= 8 && b[..8].SequenceEqual(FormerMagic)) return (null, "the query index was written by an older build (format 1)");
        if (b.Length < 8 || !b[..8].SequenceEqual(Magic)) return (null, "not a ReuseDetect query index");
        if (b.Length < HeaderLength) return (null, $"truncated query index header ({b.Length} bytes)");
        if (XxHash3.HashToUInt64(b[..56]) != BinaryPrimitives.ReadUInt64LittleEndian(b[56..]))
            return (null, "query index header checksum mismatch (the file was damaged)");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != FormatVersion) return (null, $"query index format version {version}, this build reads version {FormatVersion}");
        uint documents = BinaryPrimitives.ReadUInt32LittleEndian(b[12..]), blockSize = BinaryPrimitives.ReadUInt32LittleEndian(b[40..]);
        ulong postings = BinaryPrimitives.ReadUInt64LittleEndian(b[16..]), meta = BinaryPrimitives.ReadUInt64LittleEndian(b[24..]);
        ulong heap = BinaryPrimitives.ReadUInt64LittleEndian(b[32..]);
        if (documents > int.MaxValue || postings > int.MaxValue || meta > int.MaxValue || heap > int.MaxValue || blockSize is 0 or > 1 << 20)
            return (null, "query index is inconsistent (counts out of range)");
        Sections? at = Sections.Of((long)meta, (int)documents, (long)heap, (long)postings, (int)blockSize);
        if (at is null) return (null, "query index is inconsistent (counts out of range)");
        if (at.Value.End > fileLength) return (null, $"truncated query index: {at.Value.End:N0} bytes announced, {fileLength:N0} present");
        if (at.Value.End < fileLength) return (null, $"query index is inconsistent ({at.Value.End:N0} bytes announced, {fileLength:N0} present)");
        return (at, "ok");
    }

    /// <summary>The document entry at <paramref name="index"/> of a verified front.</summary>
    internal static Entry Read(ReadOnlySpan<byte> table, ReadOnlySpan<byte> heap, int index)
    {
        ReadOnlySpan<byte> e = table.Slice(index * DocumentLength, DocumentLength);
        var (id, fileId, contentHash) = ReadKey(table, heap, index);
        return new Entry(id, fileId, BinaryPrimitives.ReadInt32LittleEndian(e[24..]), BinaryPrimitives.ReadInt64LittleEndian(e[16..]), contentHash,
            Optional(e[44..], heap), Optional(e[52..], heap));
    }

    /// <summary>The id, file id and content hash of the document at <paramref name="index"/> of a verified front.</summary>
    internal static (string Id, string FileId, UInt128 ContentHash) ReadKey(ReadOnlySpan<byte> table, ReadOnlySpan<byte> heap, int index)
    {
        ReadOnlySpan<byte> e = table.Slice(index * DocumentLength, DocumentLength);
        int idAt = BinaryPrimitives.ReadInt32LittleEndian(e[28..]), fileAt = BinaryPrimitives.ReadInt32LittleEndian(e[36..]);
        string id = Encoding.UTF8.GetString(heap.Slice(idAt, BinaryPrimitives.ReadInt32LittleEndian(e[32..])));
        string fileId = fileAt == idAt ? id : Encoding.UTF8.GetString(heap.Slice(fileAt, BinaryPrimitives.ReadInt32LittleEndian(e[40..])));
        return (id, fileId, BinaryPrimitives.ReadUInt128LittleEndian(e));
    }

    /// <summary>The optional string whose heap offset and length (-1: none) are at <paramref name="at"/>.</summary>
    static string? Optional(ReadOnlySpan<byte> at, ReadOnlySpan<byte> heap)
    {
        int length = BinaryPrimitives.ReadInt32LittleEndian(at[4..]);
        return length < 0 ? null : Encoding.UTF8.GetString(heap.Slice(BinaryPrimitives.ReadInt32LittleEndian(at), length));
    }
}
