namespace ReuseDetect.Store.Tests;

static class StoreTestData
{
    public static readonly StoreParameters Parameters = new(5, 128, 0x5245555345444554, 6, 1, 42);

    public static StoredDocument Document(string id, byte seed) => new()
    {
        Id = id,
        Outlet = "rferl",
        PublishedUtcTicks = new DateTime(2023, 12, 14, 0, 0, 0, DateTimeKind.Utc).Ticks,
        Title = "Title " + id,
        Encoding = "utf-8",
        ContentHash = Enumerable.Range(0, 16).Select(i => (byte)(i * seed)).ToArray(),
        Length = 1000 + seed,
        BodyStart = 0,
        BodyEnd = 1000 + seed,
        TokenCount = 170,
        ShingleCount = 166,
        MinHash = Enumerable.Range(0, 128).Select(i => (uint)(i * 2654435761u + seed)).ToArray(),
        SimHash = 0xDEADBEEF00000000UL | seed,
        FingerprintHashes = [1, 2, 3, (ulong)seed],
        FingerprintPositions = [0, 7, 19, 40],
        Credits = [new StoredCredit("RFE/RL", "with permission from RFE/RL", 900, 927)],
    };

    public static StoredFile File(string id, byte seed, long size = 1000, long mtime = 638380000000000000) => new()
    {
        FileId = id,
        Size = size,
        ModifiedUtcTicks = mtime,
        Documents = [Document(id, seed)],
    };

    public static StoredPair Pair(StoredDocument a, StoredDocument b) => new()
    {
        A = a.Id, AHash = a.ContentHash, B = b.Id, BHash = b.ContentHash,
        Passages = [new StoredPassage(10, 120, 30, 140, 0.97, "passage in a", "passage in b")],
        Jaccard = 0.12,
    };
}

sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reusedetect-store-" + Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}
