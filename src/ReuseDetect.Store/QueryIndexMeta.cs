using System.Text;

namespace ReuseDetect.Store;

/// <summary>
/// The meta block of <c>query.idx</c>: the parameters the signatures were made with, the scanned root, the segments
/// the index was built from (how a stale index is told), the corpus's outlet names (what a query's credits are
/// judged against), its common words (stem hashes a query's evidence may not rest on) and its common content fingerprints. Encoded with
/// <see cref="BinaryWriter"/>: the six parameters in declaration order (i32, i32, u64, i32, i32, i32), a flag and the
/// root, then a count and each segment number (i64), then a count and each name (strings: 7-bit length-prefixed
/// UTF-8), then a count and each common word (u64, ascending), then a count and each common content fingerprint (u64,
/// ascending: topic word pairs that make no reworded candidate). No MessagePack: a query does not load it.
/// </summary>
sealed record QueryIndexMeta(StoreParameters Parameters, string? Root, long[] Segments, IReadOnlyList<string> OutletNames, ulong[] CommonWords,
    ulong[] CommonContent)
{
    internal byte[] Encode()
    {
        var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            StoreParameters p = Parameters;
            w.Write(p.ShingleSize);
            w.Write(p.Permutations);
            w.Write(p.Seed);
            w.Write(p.WinnowWindow);
            w.Write(p.TokenizerVersion);
            w.Write(p.AlignmentFingerprint);
            w.Write(Root is not null);
            if (Root is not null) w.Write(Root);
            w.Write(Segments.Length);
            foreach (long s in Segments) w.Write(s);
            w.Write(OutletNames.Count);
            foreach (string name in OutletNames) w.Write(name);
            w.Write(CommonWords.Length);
            foreach (ulong stem in CommonWords) w.Write(stem);
            w.Write(CommonContent.Length);
            foreach (ulong hash in CommonContent) w.Write(hash);
        }
        return stream.ToArray();
    }

    /// <summary>The meta block, or null when the bytes do not hold exactly one.</summary>
    internal static QueryIndexMeta? Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8);
            var parameters = new StoreParameters(r.ReadInt32(), r.ReadInt32(), r.ReadUInt64(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            string? root = r.ReadBoolean() ? r.ReadString() : null;
            var segments = new long[Count(r, 8)];
            for (int i = 0; i < segments.Length; i++) segments[i] = r.ReadInt64();
            var names = new string[Count(r, 1)];
            for (int i = 0; i < names.Length; i++) names[i] = r.ReadString();
            var common = new ulong[Count(r, 8)];
            for (int i = 0; i < common.Length; i++) common[i] = r.ReadUInt64();
            var content = new ulong[Count(r, 8)];
            for (int i = 0; i < content.Length; i++) content[i] = r.ReadUInt64();
            return r.BaseStream.Position == bytes.Length ? new QueryIndexMeta(parameters, root, segments, names, common, content) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return null; // EndOfStreamException or a bad string length
        }

        // A count no larger than what is left could hold.
        static int Count(BinaryReader r, int each)
        {
            int n = r.ReadInt32();
            if (n < 0 || n > (r.BaseStream.Length - r.BaseStream.Position) / each) throw new InvalidDataException("count out of range");
            return n;
        }
    }
}
