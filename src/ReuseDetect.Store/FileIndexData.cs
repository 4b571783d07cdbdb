using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Store;

/// <summary>
/// <see cref="QueryIndexData"/> served from <c>query.idx</c> (<see cref="QueryIndexLayout"/>): the front (documents,
/// names, fences) is read and verified once; a postings block is read and verified the first time a query needs it,
/// and kept. The file stays open (shared for reading, writing and deletion), so an index the store replaces later
/// does not change under a reader: on Unix the replaced file lives on until the handle is closed.
/// </summary>
sealed class FileIndexData : QueryIndexData, IDisposable
{
    readonly SafeFileHandle _file;
    readonly QueryIndexLayout.Sections _at;
    readonly byte[] _front;
    readonly ulong[] _fences;
    readonly IReadOnlyList<string> _outletNames;
    readonly ulong[] _commonWords, _commonContent;
    readonly Dictionary<int, (ulong[] Hashes, int[] Owners)> _blocks = [];
    readonly Lock _gate = new();

    FileIndexData(SafeFileHandle file, QueryIndexLayout.Sections at, byte[] front, IReadOnlyList<string> outletNames, ulong[] commonWords,
        ulong[] commonContent)
    {
        _file = file;
        _at = at;
        _front = front;
        _outletNames = outletNames;
        _commonWords = commonWords;
        _commonContent = commonContent;
        _fences = MemoryMarshal.Cast<byte, ulong>(front.AsSpan(at.Fences, 8 * at.Blocks)).ToArray();
    }

    /// <summary>Reads and verifies the front of the open index file; null and why when it is unusable. Takes ownership of <paramref name="file"/>.</summary>
    public static (FileIndexData? Data, QueryIndexMeta? Meta, string Detail) Open(SafeFileHandle file)
    {
        try
        {
            long length = RandomAccess.GetLength(file);
            byte[] header = ReadExactly(file, 0, (int)Math.Min(length, QueryIndexLayout.HeaderLength));
            var (at, detail) = QueryIndexLayout.Header(header, length);
            if (at is not { } sections) return Refuse(detail);
            byte[] front = ReadExactly(file, 0, (int)sections.Postings);
            ReadOnlySpan<byte> body = front.AsSpan(QueryIndexLayout.HeaderLength);
            if (XxHash3.HashToUInt64(body) != BinaryPrimitives.ReadUInt64LittleEndian(front.AsSpan(48)))
                return Refuse("query index checksum mismatch (the file was damaged)");
            QueryIndexMeta? meta = QueryIndexMeta.Decode(front.AsSpan(QueryIndexLayout.HeaderLength, sections.Meta));
            if (meta is null) return Refuse("query index is inconsistent (the meta block does not decode)");
            var data = new FileIndexData(file, sections, front, meta.OutletNames, meta.CommonWords, meta.CommonContent);
            if (data.Fault() is { } fault) return Refuse($"query index is inconsistent ({fault})");
            file = null!; // owned by data now
            return (data, meta, "ok");
        }
        finally
        {
            file?.Dispose();
        }

        static (FileIndexData?, QueryIndexMeta?, string) Refuse(string why) => (null, null, why);
    }

    static byte[] ReadExactly(SafeFileHandle file, long offset, int count)
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>(count);
        ReadExactly(file, offset, bytes);
        return bytes;
    }

    static void ReadExactly(SafeFileHandle file, long offset, Span<byte> bytes)
    {
        for (int read = 0; read < bytes.Length;)
        {
            int n = RandomAccess.Read(file, bytes[read..], offset + read);
            if (n == 0) throw new EndOfStreamException($"the query index ended at byte {offset + read:N0} (it was cut short while being read)");
            read += n;
        }
    }

    public override int Count => _at.DocumentCount;

    /// <summary>Postings in the file.</summary>
    public long PostingCount => _at.PostingCount;

    public override IReadOnlyList<string> OutletNames => _outletNames;

    public override IReadOnlyCollection<ulong> CommonWords => _commonWords;

    public override IReadOnlyCollection<ulong> CommonContent => _commonContent;

    ReadOnlySpan<byte> Table => _front.AsSpan(_at.Documents, QueryIndexLayout.DocumentLength * _at.DocumentCount);

    ReadOnlySpan<byte> Heap => _front.AsSpan(_at.Heap, _at.Fences - _at.Heap);

    public override IndexedDocument Document(int index)
    {
        QueryIndexLayout.Entry e = QueryIndexLayout.Read(Table, Heap, index);
        var metadata = new DocumentMetadata
        {
            Outlet = e.Outlet >= 0 ? _outletNames[e.Outlet] : DocumentMetadata.UnknownOutlet,
            Published = e.PublishedUtcTicks == QueryIndexLayout.Undated ? null : new DateTimeOffset(e.PublishedUtcTicks, TimeSpan.Zero),
            Url = e.Url,
            Title = e.Title,
        };
        return new IndexedDocument(e.Id, e.FileId, metadata, e.ContentHash);
    }

    /// <summary>The id, file id and content hash of the document at <paramref name="index"/> (without its metadata).</summary>
    public (string Id, string FileId, UInt128 ContentHash) Key(int index) => QueryIndexLayout.ReadKey(Table, Heap, index);

    public override UInt128 ContentHash(int index) => BinaryPrimitives.ReadUInt128LittleEndian(Table.Slice(index * QueryIndexLayout.DocumentLength, 16));

    public override void Postings(ulong hash, int most, List<int> owners)
    {
        // The run of this hash starts in the last block whose fence is below it (or in block 0), and may go on into
        // the blocks after it.
        if (_at.Blocks == 0) return;
        int k = Math.Max(0, LowerBound(_fences, hash) - 1);
        var (hashes, blockOwners) = Block(k);
        int start = owners.Count;
        for (int i = LowerBound(hashes, hash); ; i++)
        {
            if (i == hashes.Length)
            {
                if (++k == _at.Blocks) return;
                (hashes, blockOwners) = Block(k);
                i = 0;
            }
            if (hashes[i] != hash) return;
            if (owners.Count - start == most)
            {
                owners.RemoveRange(start, owners.Count - start); // a common fingerprint: no evidence
                return;
            }
            owners.Add(blockOwners[i]);
        }
    }

    static int LowerBound(ulong[] sorted, ulong value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Block <paramref name="k"/>, read and verified on first use.</summary>
    (ulong[] Hashes, int[] Owners) Block(int k)
    {
        lock (_gate)
        {
            if (_blocks.TryGetValue(k, out var known)) return known;
            var (offset, count) = _at.Block(k);
            byte[] bytes = ReadExactly(_file, offset, 12 * count);
            Verify(k, bytes);
            ulong[] hashes = MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan(0, 8 * count)).ToArray();
            int[] owners = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(8 * count)).ToArray();
            _blocks[k] = (hashes, owners);
            return (hashes, owners);
        }
    }

    /// <summary>
    /// Hands every block to <paramref name="block"/> in order, each verified as a query verifies it (what an update of the
    /// index starts from, <see cref="QueryIndexUpdate"/>): the postings are read a few blocks at a time, not kept.
    /// </summary>
    /// <exception cref="InvalidDataException">A block is damaged.</exception>
    public void ForEachBlock(PostingsBlock block)
    {
        const int BlocksPerRead = 16;
        byte[] chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(12 * _at.BlockSize * BlocksPerRead);
        try
        {
            for (int first = 0; first < _at.Blocks; first += BlocksPerRead)
            {
                int last = Math.Min(_at.Blocks, first + BlocksPerRead) - 1;
                long offset = _at.Block(first).Offset;
                var (lastOffset, lastCount) = _at.Block(last);
                int length = (int)(lastOffset + 12L * lastCount - offset);
                ReadExactly(_file, offset, chunk.AsSpan(0, length));
                for (int k = first; k <= last; k++)
                {
                    var (at, count) = _at.Block(k);
                    ReadOnlySpan<byte> bytes = chunk.AsSpan((int)(at - offset), 12 * count);
                    Verify(k, bytes);
                    block(MemoryMarshal.Cast<byte, ulong>(bytes[..(8 * count)]), MemoryMarshal.Cast<byte, int>(bytes[(8 * count)..]));
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Throws unless the bytes of block <paramref name="k"/> match its checksum and fence, ascend, and name documents of the index.</summary>
    void Verify(int k, ReadOnlySpan<byte> bytes)
    {
        int count = bytes.Length / 12;
        ReadOnlySpan<ulong> hashes = MemoryMarshal.Cast<byte, ulong>(bytes[..(8 * count)]);
        ReadOnlySpan<int> owners = MemoryMarshal.Cast<byte, int>(bytes[(8 * count)..]);
        if (XxHash3.HashToUInt64(bytes) != BinaryPrimitives.ReadUInt64LittleEndian(_front.AsSpan(_at.Checksums + 8 * k)))
            throw new InvalidDataException($"query index postings block {k} checksum mismatch (the file was damaged)");
        ulong next = k + 1 < _fences.Length ? _fences[k + 1] : ulong.MaxValue;
        if (hashes[0] != _fences[k] || hashes[^1] > next || !Ascending(hashes) || !InRange(owners, (uint)_at.DocumentCount))
            throw new InvalidDataException($"query index postings block {k} is inconsistent with the index");
    }

    static bool InRange(ReadOnlySpan<int> owners, uint count)
    {
        foreach (int o in owners)
            if ((uint)o >= count) return false;
        return true;
    }

    /// <summary>Closes the file (a query index is kept open for as long as it answers; an update reads it once).</summary>
    public void Dispose() => _file.Dispose();

    static bool Ascending(ReadOnlySpan<ulong> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1]) return false;
        }
        return true;
    }

    /// <summary>What makes the front unusable, or null: every string in the heap (a URL or title may be none), outlets and dates in range, fences ascending.</summary>
    string? Fault()
    {
        ReadOnlySpan<byte> table = Table;
        int heap = Heap.Length;
        for (int i = 0; i < _at.DocumentCount; i++)
        {
            ReadOnlySpan<byte> e = table.Slice(i * QueryIndexLayout.DocumentLength, QueryIndexLayout.DocumentLength);
            long ticks = BinaryPrimitives.ReadInt64LittleEndian(e[16..]);
            int outlet = BinaryPrimitives.ReadInt32LittleEndian(e[24..]);
            if (!InHeap(BinaryPrimitives.ReadInt32LittleEndian(e[28..]), BinaryPrimitives.ReadInt32LittleEndian(e[32..]))
                || !InHeap(BinaryPrimitives.ReadInt32LittleEndian(e[36..]), BinaryPrimitives.ReadInt32LittleEndian(e[40..]))
                || !OptionalInHeap(BinaryPrimitives.ReadInt32LittleEndian(e[44..]), BinaryPrimitives.ReadInt32LittleEndian(e[48..]))
                || !OptionalInHeap(BinaryPrimitives.ReadInt32LittleEndian(e[52..]), BinaryPrimitives.ReadInt32LittleEndian(e[56..])))
                return $"document {i} names bytes outside the string heap";
            if (outlet < -1 || outlet >= _outletNames.Count) return $"document {i} names outlet {outlet} of {_outletNames.Count}";
            if (ticks != QueryIndexLayout.Undated && (ulong)ticks > (ulong)DateTimeOffset.MaxValue.UtcTicks) return $"document {i} has an impossible date";
        }
        return Ascending(_fences) ? null : "postings blocks out of order";

        bool InHeap(int offset, int length) => offset >= 0 && length >= 0 && (long)offset + length <= heap;
        bool OptionalInHeap(int offset, int length) => length == -1 || InHeap(offset, length);
    }
}

/// <summary>One postings block of <c>query.idx</c>: its hashes (ascending) and their owners (<see cref="FileIndexData.ForEachBlock"/>).</summary>
delegate void PostingsBlock(ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> owners);
