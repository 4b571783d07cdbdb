namespace ReuseDetect.Store.Tests;

/// <summary>
/// <c>query.idx</c> updated at each commit from the previous one (<see cref="QueryIndexUpdate"/>) equals, byte for byte,
/// the index a cold build writes from the store as it is read back from disk. A property over random sequences of
/// commits that add, change, re-put and delete files of zero to three documents, with the store kept open for some
/// commits (as <c>reuse watch</c> keeps it) and opened again for others (as each <c>reuse scan</c> does), through
/// compactions and a move of the root; the documents draw their words, content fingerprints, fingerprints and lines
/// from small pools (the fingerprints overlap the content fingerprints), so that common words and common content
/// fingerprints come and go. Before some commits the previous index is damaged, removed or replaced by an older one:
/// that commit builds cold, and the index is still the cold build's.
/// </summary>
public sealed class QueryIndexUpdateTests
{
    static readonly string[] s_outlets = ["Harbor Times", "Valley Courier", "North Star Herald", "unknown"];

    sealed class Corpus(int seed)
    {
        readonly Random _r = new(seed);
        readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, StoredFile> Files => _files;

        /// <summary>Distinct values of a pool of <paramref name="pool"/>, ascending; low values likelier (a few are held by many documents).</summary>
        ulong[] Skewed(int count, int pool, ulong offset, double skew = 2.5)
        {
            var set = new SortedSet<ulong>();
            for (int i = 0; i < count; i++) set.Add(offset + (ulong)(pool * Math.Pow(_r.NextDouble(), skew)));
            return [.. set];
        }

        StoredDocument Document(string id)
        {
            // Some content fingerprints are held by about as many documents as the common cap (50) at a hundred documents.
            ulong[] content = Skewed(5 + _r.Next(30), 40, 1000, 1.5);
            // Content fingerprints repeat for each place; fingerprints repeat too, and some are content fingerprints' values.
            ulong[] repeated = [.. content.SelectMany(h => Enumerable.Repeat(h, 1 + _r.Next(2)))];
            ulong[] fingerprints = [.. Enumerable.Range(0, 3 + _r.Next(25)).Select(_ => _r.Next(8) == 0 ? 1000 + (ulong)_r.Next(40) : 5000 + (ulong)_r.Next(400))];
            var hash = new byte[16];
            _r.NextBytes(hash);
            return new StoredDocument
            {
                Id = id,
                Outlet = s_outlets[_r.Next(s_outlets.Length)],
                PublishedUtcTicks = _r.Next(3) == 0 ? null : new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(_r.Next(1000)).Ticks,
                Title = _r.Next(3) == 0 ? null : "Title " + _r.Next(50),
                Url = _r.Next(2) == 0 ? null : $"https://site{_r.Next(5)}.example/{id}",
                Encoding = "utf-8",
                ContentHash = hash,
                MinHash = [],
                FingerprintHashes = fingerprints,
                FingerprintPositions = [.. fingerprints.Select((_, i) => i)],
                Credits = [],
                ContentFingerprints = _r.Next(10) == 0 ? null : repeated,
                Lines = _r.Next(10) == 0 ? null : Skewed(_r.Next(8), 200, 9000),
                Words = _r.Next(10) == 0 ? null : Skewed(5 + _r.Next(25), 60, 100),
            };
        }

        StoredFile File(string id)
        {
            int documents = _r.Next(10) == 0 ? 0 : 1 + _r.Next(3);
            return new StoredFile
            {
                FileId = id,
                Size = _r.Next(100_000),
                ModifiedUtcTicks = _r.Next(),
                Documents = documents == 1 ? [Document(id)] : [.. Enumerable.Range(0, documents).Select(i => Document($"{id}#{i + 1}"))],
                Error = documents == 0 ? "empty file" : null,
            };
        }

        string Pick() => _files.Keys.Order(StringComparer.Ordinal).ElementAt(_r.Next(_files.Count));

        /// <summary>One change, put into <paramref name="store"/>, mostly an add while <paramref name="grow"/>, else mostly a delete; what it was.</summary>
        public string Change(SignatureStore store, bool grow)
        {
            int kind = _files.Count < 10 ? 0 : grow ? _r.Next(5) switch { 0 or 1 or 2 => 0, 3 => 1, _ => 2 + _r.Next(2) } : _r.Next(5) switch { 0 => 1, 1 => 2, _ => 3 };
            string id = kind == 0 ? $"f{_r.Next(1000):D3}.jsonl" : Pick();
            switch (kind)
            {
                case 0 or 1:
                    _files[id] = File(id); // a new file, or a changed one
                    store.PutFile(_files[id]);
                    return "put " + id;
                case 2:
                    store.PutFile(_files[id]); // signed again, unchanged
                    return "re-put " + id;
                default:
                    _files.Remove(id);
                    return "delete " + id;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_write_the_index_a_cold_build_writes_after_every_commit_of_a_random_sequence(int seed)
    {
        using var dir = new TempDir();
        using var coldDir = new TempDir();
        var corpus = new Corpus(seed);
        var r = new Random(seed);
        string indexPath = Path.Combine(dir.Path, QueryIndexFile.FileName);
        SignatureStore? store = null;
        byte[]? older = null;
        int updates = 0, rebuilds = 0, damaged = 0;
        var commonWords = new HashSet<string>();
        var commonContent = new HashSet<string>();
        try
        {
            for (int step = 0; step < 70; step++)
            {
                // Given one to four changes, with the store kept open from the step before or opened again
                if (store is null || r.Next(3) == 0)
                {
                    Close();
                    store = SignatureStore.Open(dir.Path, StoreTestData.Parameters);
                }
                store.Root = step < 40 ? "/news" : "/moved/news";
                // (the corpus grows to some fifty files, shrinks to twenty and grows again: common sets come and go)
                bool grow = step is < 30 or >= 45;
                string what = string.Join(", ", Enumerable.Range(0, 1 + r.Next(6)).Select(_ => corpus.Change(store, grow)));
                // ... and, now and then, a previous index that cannot be the base of an update
                string fault = step > 5 && r.Next(6) == 0 ? Damage(indexPath, older, r) : "";
                if (fault.Length > 0) damaged++;

                // When the store commits
                older = r.Next(4) == 0 && File.Exists(indexPath) ? File.ReadAllBytes(indexPath) : older;
                store.Commit([.. corpus.Files.Keys]);

                // Then its index is the one a cold build writes from the store read back from disk
                Assert.True(EqualsColdBuild(dir.Path, coldDir.Path), $"seed {seed}, step {step} ({what}{fault}): the committed index differs from a cold build");
                var (data, meta, _) = FileIndexData.Open(File.OpenHandle(indexPath));
                using (data)
                {
                    commonWords.Add(string.Join(',', meta!.CommonWords));
                    commonContent.Add(string.Join(',', meta.CommonContent));
                }
            }
        }
        finally
        {
            Close();
        }
        // The sequence did update indexes, through damage, and moved both common sets (the property is not vacuous).
        Assert.True(updates > 30 && damaged > 2 && rebuilds > damaged, $"{updates} updates, {rebuilds} cold builds, {damaged} damaged");
        Assert.True(commonWords.Count > 10 && commonContent.Count > 3, $"{commonWords.Count} common word sets, {commonContent.Count} common content sets");

        void Close()
        {
            if (store is null) return;
            updates += store.QueryIndexUpdates;
            rebuilds += store.QueryIndexRebuilds;
            store.Dispose();
            store = null;
        }
    }

    [Theory]
    [InlineData("none")]
    [InlineData("a postings byte flipped")]
    [InlineData("a front byte flipped")]
    [InlineData("cut short")]
    [InlineData("an older index put back")]
    [InlineData("removed")]
    public void Should_update_only_from_the_index_the_store_wrote_and_else_build_cold(string damage)
    {
        // Given a store of three files committed twice (the second index updated from the first)
        using var dir = new TempDir();
        using var coldDir = new TempDir();
        string indexPath = Path.Combine(dir.Path, QueryIndexFile.FileName);
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(StoreTestData.File("a.txt", 1));
            store.PutFile(StoreTestData.File("b.txt", 2));
            store.Commit(["a.txt", "b.txt"]);
            store.PutFile(StoreTestData.File("c.txt", 3));
            store.Commit(["a.txt", "b.txt", "c.txt"]);
            Assert.Equal((1, 1), (store.QueryIndexUpdates, store.QueryIndexRebuilds));
        }
        byte[] older = File.ReadAllBytes(indexPath);
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(StoreTestData.File("d.txt", 4));
            store.Commit(["a.txt", "b.txt", "c.txt", "d.txt"]);
        }
        byte[] bytes = File.ReadAllBytes(indexPath);
        switch (damage)
        {
            case "a postings byte flipped": bytes[^3] ^= 1; File.WriteAllBytes(indexPath, bytes); break;
            case "a front byte flipped": bytes[QueryIndexLayout.HeaderLength + 1] ^= 1; File.WriteAllBytes(indexPath, bytes); break;
            case "cut short": File.WriteAllBytes(indexPath, bytes[..^1]); break;
            case "an older index put back": File.WriteAllBytes(indexPath, older); break;
            case "removed": File.Delete(indexPath); break;
        }

        // When the store, opened again, commits a change to one file and the deletion of another
        using (var store = SignatureStore.Open(dir.Path, StoreTestData.Parameters))
        {
            store.PutFile(StoreTestData.File("b.txt", 5));
            store.Commit(["b.txt", "c.txt", "d.txt"]);

            // Then it updated the index only from the sound, current one, and built it cold otherwise
            Assert.Equal(damage == "none" ? (1, 0) : (0, 1), (store.QueryIndexUpdates, store.QueryIndexRebuilds));
        }
        // ... and the index is the cold build's either way
        Assert.True(EqualsColdBuild(dir.Path, coldDir.Path));
    }

    /// <summary>
    /// Whether the index of the store in <paramref name="storeDir"/> is, byte for byte, the one a cold build writes (in
    /// <paramref name="coldDir"/>) from the store as it is read back from disk.
    /// </summary>
    internal static bool EqualsColdBuild(string storeDir, string coldDir)
    {
        using (var readBack = SignatureStore.OpenReadOnly(storeDir))
            QueryIndexFile.Write(coldDir, readBack.Parameters, readBack.Root, SignatureStore.SegmentSequences(storeDir), readBack.Files());
        return File.ReadAllBytes(Path.Combine(storeDir, QueryIndexFile.FileName)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(coldDir, QueryIndexFile.FileName)));
    }

    /// <summary>Damages, removes or replaces the index at <paramref name="path"/>; what was done.</summary>
    static string Damage(string path, byte[]? older, Random r)
    {
        byte[] bytes = File.ReadAllBytes(path);
        switch (r.Next(5))
        {
            case 0:
                bytes[^(1 + r.Next(Math.Min(bytes.Length, 200)))] ^= 0x10; // in the last postings block
                File.WriteAllBytes(path, bytes);
                return "; a postings byte flipped";
            case 1:
                bytes[QueryIndexLayout.HeaderLength + r.Next(bytes.Length / 4)] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                return "; a front byte flipped";
            case 2:
                File.WriteAllBytes(path, bytes[..^12]);
                return "; cut short";
            case 3 when older is not null:
                File.WriteAllBytes(path, older);
                return "; an older index put back";
            default:
                File.Delete(path);
                return "; removed";
        }
    }
}
