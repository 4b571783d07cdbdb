using System.Collections.Concurrent;
using ReuseDetect.Alignment;
using ReuseDetect.Ingestion;
using ReuseDetect.Internal;
using ReuseDetect.Shingling;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

/// <summary>
/// Reloads documents for alignment, tokenized, keeping at most about <c>budgetBytes</c> bytes cached, keyed by document
/// id: a record of a JSON/JSONL file is reloaded by reading its file and picking the record by id. The budget counts all
/// an entry holds (its text, its tokens and, while made, its seed grams and shingles, which together outweigh the text
/// four to one), so the cache's memory is bounded, not just its characters. A document whose content changed since it
/// was signed is reported, not aligned. Eviction is oldest first with a second chance (CLOCK): an entry read since it
/// last came round is kept for another round, so the documents of many candidate pairs stay while those of one pass
/// through. While a caller walks a known order of pairs (<see cref="Follow"/>), eviction follows it instead: the entries
/// needed furthest ahead go first, in batches. The tokens and seed grams of a document released are given back for
/// the next documents prepared (<see cref="ArrayRecycler{T}"/>): arrays the collector does not copy again and again.
/// </summary>
sealed class TextCache(Func<SourceFile, string, (LoadedDocument?, IngestError?)> load, long budgetBytes)
{
    /// <summary>
    /// A document with its tokens and, once aligned, its seed grams (about 25 bytes a token more), kept with it so that a
    /// document in many candidate pairs is prepared once while cached. It tells its cache when what it holds grows or
    /// shrinks, as long as the cache counts it (an evicted entry may still be in use; it is then counted by nobody).
    /// </summary>
    public sealed class Entry
    {
        [ThreadStatic] static TokenizerScratch? t_scratch;
        TokenizedText? _tokens;
        SeedGrams? _grams;
        Shingles? _shingles;
        readonly Lock _gate = new();
        TextCache? _counted;
        long _bytes;

        sealed record Shingles(int Size, ulong[] Hashes);

        readonly Recyclers _recyclers;

        /// <summary>
        /// An entry of <paramref name="document"/>, tokenized when first asked; its tokens and seed grams in arrays from
        /// <paramref name="recyclers"/>, given back when dropped.
        /// </summary>
        internal Entry(LoadedDocument document, Recyclers recyclers)
        {
            Document = document;
            _recyclers = recyclers;
            _bytes = BaseBytes(document);
        }

        public LoadedDocument Document { get; }

        /// <summary>
        /// The tokens of the document's body, made on first use (thread-safe) and kept: many documents offered at signing
        /// are never asked for, and tokenizing again costs less than keeping every document's tokens from its signing
        /// (they would outlive the collector's young generations, which copy them twice).
        /// </summary>
        public TokenizedText Tokens => Volatile.Read(ref _tokens) ?? MakeTokens();

        TokenizedText MakeTokens()
        {
            // Tokenized into the thread's scratch and copied into recycled arrays: no arrays sized for the densest text to keep.
            TokenizerScratch scratch = t_scratch ??= new TokenizerScratch();
            TokenizedText tokens = Tokenizer.Tokenize(Document.Text, Document.BodyStart, Document.BodyEnd, scratch).Copy(_recyclers);
            if (Interlocked.CompareExchange(ref _tokens, tokens, null) is { } first) return first;
            Resize(tokens.Bytes);
            return tokens;
        }

        /// <summary>Memory the entry holds now, in bytes: text, tokens, and the seed grams and shingles while made.</summary>
        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>Bytes of a document before its tokens are made: two a character, and the objects around them.</summary>
        internal static long BaseBytes(LoadedDocument document) => 2L * document.Text.Length + ObjectBytes;

        /// <summary>
        /// The seed grams of the tokens for <paramref name="aligner"/>, with the token marks <paramref name="marks"/> gives
        /// (null: none), made on first use (thread-safe).
        /// </summary>
        public SeedGrams Grams(PassageAligner aligner, Func<Entry, byte[]?>? marks = null) =>
            Grams(aligner, static (entry, marks) => marks?.Invoke(entry), marks);

        /// <summary>
        /// The seed grams as the other overload makes them, with the marks made by <paramref name="marks"/> from
        /// <paramref name="state"/> (a static function and its argument, so that a cached document costs no closure).
        /// </summary>
        public SeedGrams Grams<TState>(PassageAligner aligner, Func<Entry, TState, byte[]?> marks, TState state)
        {
            SeedGrams? grams = Volatile.Read(ref _grams);
            if (grams is not null && aligner.CanUse(grams)) return grams;
            // Two threads may both prepare a document: the grams are equal, and the first stored is kept (and counted).
            grams = aligner.Prepare(Tokens, Document.Text, marks(this, state), _recyclers);
            if (Interlocked.CompareExchange(ref _grams, grams, null) is null) Resize(grams.Bytes);
            return grams;
        }

        /// <summary>
        /// Drops the seed grams, shingles and, unless <paramref name="keepTokens"/>, the tokens (the document's pairs are
        /// done: nothing reads them now, nor until the next ask, which makes them again); the arrays of tokens and grams go
        /// back to the recyclers for other documents.
        /// </summary>
        public void DropDerived(bool keepTokens = false)
        {
            long freed = 0;
            if (Interlocked.Exchange(ref _grams, null) is { } grams)
            {
                freed += grams.Bytes;
                grams.Recycle(_recyclers);
            }
            if (Interlocked.Exchange(ref _shingles, null) is { } shingles) freed += 8L * shingles.Hashes.Length;
            if (!keepTokens && Interlocked.Exchange(ref _tokens, null) is { } tokens)
            {
                freed += tokens.Bytes;
                tokens.Recycle(_recyclers);
            }
            if (freed != 0) Resize(-freed);
        }

        /// <summary>The distinct shingle hashes of <paramref name="n"/> words, ascending, made on first use (thread-safe).</summary>
        public ulong[] DistinctShingles(int n)
        {
            Shingles? shingles = Volatile.Read(ref _shingles);
            if (shingles is not null && shingles.Size == n) return shingles.Hashes;
            ulong[] hashes = ShingleSet.Distinct(Tokens, n);
            Shingles? old = Interlocked.Exchange(ref _shingles, new Shingles(n, hashes));
            Resize(8L * hashes.Length - 8L * (old?.Hashes.Length ?? 0));
            return hashes;
        }

        /// <summary>Counts what the entry holds in <paramref name="cache"/> from now on.</summary>
        internal void CountIn(TextCache cache)
        {
            lock (_gate)
            {
                _counted = cache;
                Interlocked.Add(ref cache._bytes, _bytes);
            }
        }

        /// <summary>Stops counting the entry in its cache (evicted).</summary>
        internal void Uncount()
        {
            lock (_gate)
            {
                if (_counted is { } cache) Interlocked.Add(ref cache._bytes, -_bytes);
                _counted = null;
            }
        }

        void Resize(long delta)
        {
            TextCache? cache;
            lock (_gate)
            {
                _bytes += delta;
                cache = _counted;
                if (cache is not null) Interlocked.Add(ref cache._bytes, delta);
            }
            // Grams made for a pair can push the cache over its budget: room is made then, as for a document loaded.
            if (delta > 0) cache?.MakeRoom();
        }
    }

    /// <summary>Bytes of the objects around an entry's arrays (entry, slot, document, token list, dictionary node), roughly.</summary>
    const long ObjectBytes = 512;

    /// <summary>
    /// A cache slot: the (lazily loaded) entry, whether it was read since eviction last came round, and whether its user
    /// is done with it.
    /// </summary>
    sealed class Slot
    {
        public Slot(Entry entry) => Value = new Lazy<Entry?>(entry);

        public Slot(Func<Slot, Entry?> load) => Value = new Lazy<Entry?>(() => load(this));

        public Lazy<Entry?> Value { get; }

        /// <summary>The entry once counted (set before the lazy value is, by the load that makes it).</summary>
        public Entry? Counted;
        public int Referenced;
        public int Released;
    }

    readonly ConcurrentDictionary<string, Slot> _entries = new();
    readonly ConcurrentQueue<(string Id, Slot Slot)> _order = new();
    readonly ConcurrentQueue<(string Id, Slot Slot)> _released = new();
    readonly ConcurrentDictionary<string, string> _errors = new();
    readonly Lock _evicting = new();
    UseSchedule? _schedule;
    // The arrays of the tokens and seed grams of documents done with, for those prepared next: free arrays up to an
    // eighth of the budget (they are not counted in it: the budget is what the entries hold).
    readonly Recyclers _recyclers = new(budgetBytes / 8);
    long _bytes;
    long _loads;

    /// <summary>Documents read again since the cache was made (those offered at signing are not counted).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>
    /// Evicts by <paramref name="schedule"/> from now on (null: oldest first again): the caller takes its pairs in that
    /// order and counts them off as it goes (<see cref="UseSchedule.Take"/>).
    /// </summary>
    public void Follow(UseSchedule? schedule)
    {
        lock (_evicting)
        {
            // The oldest-first queue holds the slots it may evict: not kept while the schedule decides (it would keep
            // every entry evicted meanwhile alive), and refilled with the entries cached when it decides again.
            _order.Clear();
            if (schedule is null)
                foreach (var (id, slot) in _entries)
                    if (slot.Counted is not null) _order.Enqueue((id, slot));
            Volatile.Write(ref _schedule, schedule);
        }
    }

    /// <summary>Lets go of the free arrays kept for tokens and seed grams (the pairs are aligned; what follows makes few).</summary>
    public void ClearRecycled() => _recyclers.Clear();

    /// <summary>Bytes of the free arrays kept for tokens and seed grams.</summary>
    internal long RecycledBytes => _recyclers.HeldBytes;

    /// <summary>Bytes the cached entries hold now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Errors met while reloading (document id → reason).</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    public Entry? Get(DocumentRecord record)
    {
        Slot slot = _entries.GetOrAdd(record.Id, static (_, arg) => new Slot(s => arg.Cache.Load(arg.Record, s)), (Cache: this, Record: record));
        if (Volatile.Read(ref slot.Referenced) == 0) Volatile.Write(ref slot.Referenced, 1);
        return slot.Value.Value;
    }

    /// <summary>The cached entry of <paramref name="record"/> when it is loaded already; never reads.</summary>
    public Entry? TryPeek(DocumentRecord record) =>
        _entries.TryGetValue(record.Id, out Slot? slot) && slot.Value.IsValueCreated ? slot.Value.Value : null;

    /// <summary>
    /// Seeds the cache with a document that was just read (saves a second read for small corpora), its text only: it is
    /// tokenized again if asked for.
    /// </summary>
    public void Offer(LoadedDocument document)
    {
        if (Bytes + Entry.BaseBytes(document) > budgetBytes) return;
        var entry = new Entry(document, _recyclers);
        var slot = new Slot(entry);
        if (_entries.TryAdd(document.Id, slot)) Account(document.Id, slot, entry);
    }

    /// <summary>
    /// Tells that the caller is done with <paramref name="record"/>'s document (as far as it knows): its seed grams,
    /// shingles and, unless <paramref name="keepTokens"/> (a later stage reads them), tokens are dropped, and when room is
    /// needed it goes before every other entry. It stays readable until then.
    /// </summary>
    public void Release(DocumentRecord record, bool keepTokens = false)
    {
        if (!_entries.TryGetValue(record.Id, out Slot? slot) || !slot.Value.IsValueCreated || slot.Value.Value is not { } entry) return;
        entry.DropDerived(keepTokens);
        if (Interlocked.Exchange(ref slot.Released, 1) == 0) _released.Enqueue((record.Id, slot));
    }

    Entry? Load(DocumentRecord record, Slot slot)
    {
        (LoadedDocument? doc, IngestError? error) = load(record.File, record.Id);
        if (doc is null)
        {
            _errors[record.Id] = error?.Reason ?? TransientErrors.CannotRead;
            return null;
        }
        if (doc.ContentHash != record.ContentHash)
        {
            _errors[record.Id] = TransientErrors.ChangedDuringScan + "; its passages were not aligned (scan again)";
            return null;
        }
        var entry = new Entry(doc, _recyclers);
        Interlocked.Increment(ref _loads);
        Account(record.Id, slot, entry);
        return entry;
    }

    void Account(string id, Slot slot, Entry entry)
    {
        slot.Counted = entry;
        entry.CountIn(this);
        if (Volatile.Read(ref _schedule) is null) _order.Enqueue((id, slot));
        MakeRoom();
    }

    /// <summary>Evicts entries until the cache is within its budget (or holds one entry).</summary>
    void MakeRoom()
    {
        if (Bytes <= budgetBytes) return;
        if (Volatile.Read(ref _schedule) is { } schedule)
        {
            MakeRoom(schedule);
            return;
        }
        // Released entries go first; then, oldest first, each entry passed over has its mark cleared, so one full round
        // (plus what other threads mark meanwhile) frees room.
        int passes = 2 * _order.Count + 2;
        while (Bytes > budgetBytes)
        {
            if (_released.TryDequeue(out var done))
            {
                Evict(done.Id, done.Slot);
                continue;
            }
            if (_order.Count <= 1 || !_order.TryDequeue(out var old)) break;
            // A record of an entry evicted already (released, or loaded again since) is dropped.
            if (!_entries.TryGetValue(old.Id, out Slot? current) || current != old.Slot) continue;
            if (passes-- > 0 && Interlocked.Exchange(ref old.Slot.Referenced, 0) != 0)
            {
                _order.Enqueue(old);
                continue;
            }
            Evict(old.Id, old.Slot);
        }
    }

    /// <summary>
    /// Evicts released entries, then those <paramref name="schedule"/> needs furthest ahead, until the cache holds an
    /// eighth less than its budget: one pass over the entries makes room for many loads. One thread evicts at a time;
    /// another that finds it busy goes on (the cache may stay over budget for the moment that takes).
    /// </summary>
    void MakeRoom(UseSchedule schedule)
    {
        if (!_evicting.TryEnter()) return;
        try
        {
            while (Bytes > budgetBytes && _released.TryDequeue(out var done)) Evict(done.Id, done.Slot);
            if (Bytes <= budgetBytes) return;
            var loaded = new List<(int NextUse, string Id, Slot Slot)>(_entries.Count);
            foreach (var (id, slot) in _entries)
                if (slot.Counted is not null) loaded.Add((schedule.NextUse(id), id, slot));
            // Furthest ahead first; ties by id, so the order does not depend on the dictionary's.
            loaded.Sort((x, y) => x.NextUse != y.NextUse ? y.NextUse.CompareTo(x.NextUse) : string.CompareOrdinal(x.Id, y.Id));
            long target = budgetBytes - budgetBytes / 8;
            for (int i = 0; i < loaded.Count - 1 && Bytes > target; i++) Evict(loaded[i].Id, loaded[i].Slot);
        }
        finally
        {
            _evicting.Exit();
        }
    }

    /// <summary>Removes <paramref name="slot"/> when it is still the entry of <paramref name="id"/>, and stops counting its bytes.</summary>
    void Evict(string id, Slot slot)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Slot>(id, slot))) slot.Counted?.Uncount();
    }
}
