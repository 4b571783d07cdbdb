using System.Collections.Concurrent;
using ReuseDetect.Alignment;
using ReuseDetect.Ingestion;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

/// <summary>
/// Reloads documents for alignment, tokenized, keeping at most about <c>budgetChars</c> characters cached, keyed by
/// document id: a record of a JSON/JSONL file is reloaded by reading its file and picking the record by id. A document
/// whose content changed since it was signed is reported, not aligned. Eviction is oldest first with a second chance
/// (CLOCK): an entry read since it last came round is kept for another round, so the documents of many candidate pairs
/// stay while those of one pass through.
/// </summary>
sealed class TextCache(Func<SourceFile, string, (LoadedDocument?, IngestError?)> load, long budgetChars)
{
    /// <summary>
    /// A document with its tokens and, once aligned, its seed grams (about 13 bytes a token more), kept with it so that a
    /// document in many candidate pairs is prepared once while cached.
    /// </summary>
    public sealed class Entry(LoadedDocument document, TokenizedText tokens)
    {
        SeedGrams? _grams;
        Shingles? _shingles;

        sealed record Shingles(int Size, ulong[] Hashes);

        public LoadedDocument Document { get; } = document;

        public TokenizedText Tokens { get; } = tokens;

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
            // Two threads may both prepare a document: the grams are equal, and the first stored is kept.
            grams = aligner.Prepare(Tokens, Document.Text, marks(this, state));
            Interlocked.CompareExchange(ref _grams, grams, null);
            return grams;
        }

        /// <summary>Drops the seed grams and shingles (the document's pairs are done); they are made again if asked for.</summary>
        public void DropDerived()
        {
            Volatile.Write(ref _grams, null);
            Volatile.Write(ref _shingles, null);
        }

        /// <summary>The distinct shingle hashes of <paramref name="n"/> words, ascending, made on first use (thread-safe).</summary>
        public ulong[] DistinctShingles(int n)
        {
            Shingles? shingles = Volatile.Read(ref _shingles);
            if (shingles is not null && shingles.Size == n) return shingles.Hashes;
            ulong[] hashes = ReuseDetector.DistinctShingles(Tokens, n);
            Volatile.Write(ref _shingles, new Shingles(n, hashes));
            return hashes;
        }
    }

    /// <summary>
    /// A cache slot: the (lazily loaded) entry, its size once counted, whether it was read since eviction last came
    /// round, and whether its user is done with it.
    /// </summary>
    sealed class Slot
    {
        public Slot(Entry entry) => Value = new Lazy<Entry?>(entry);

        public Slot(Func<Slot, Entry?> load) => Value = new Lazy<Entry?>(() => load(this));

        public Lazy<Entry?> Value { get; }

        public long Chars;
        public int Referenced;
        public int Released;
    }

    readonly ConcurrentDictionary<string, Slot> _entries = new();
    readonly ConcurrentQueue<(string Id, Slot Slot)> _order = new();
    readonly ConcurrentQueue<(string Id, Slot Slot)> _released = new();
    readonly ConcurrentDictionary<string, string> _errors = new();
    long _chars;

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

    /// <summary>Seeds the cache with a document that was just read (saves a second read for small corpora).</summary>
    public void Offer(LoadedDocument document, TokenizedText tokens)
    {
        if (Interlocked.Read(ref _chars) + document.Text.Length > budgetChars) return;
        var slot = new Slot(new Entry(document, tokens));
        if (_entries.TryAdd(document.Id, slot)) Account(document.Id, slot, document.Text.Length);
    }

    /// <summary>
    /// Tells that the caller is done with <paramref name="record"/>'s document (as far as it knows): its seed grams and
    /// shingles are dropped, and when room is needed it goes before every other entry. It stays readable until then.
    /// </summary>
    public void Release(DocumentRecord record)
    {
        if (!_entries.TryGetValue(record.Id, out Slot? slot) || !slot.Value.IsValueCreated || slot.Value.Value is not { } entry) return;
        entry.DropDerived();
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
        var entry = new Entry(doc, Tokenizer.Tokenize(doc.Text, doc.BodyStart, doc.BodyEnd));
        Account(record.Id, slot, doc.Text.Length);
        return entry;
    }

    void Account(string id, Slot slot, long chars)
    {
        slot.Chars = chars;
        _order.Enqueue((id, slot));
        long total = Interlocked.Add(ref _chars, chars);
        // Released entries go first; then, oldest first, each entry passed over has its mark cleared, so one full round
        // (plus what other threads mark meanwhile) frees room.
        int passes = 2 * _order.Count + 2;
        while (total > budgetChars)
        {
            if (_released.TryDequeue(out var done))
            {
                total = Evict(done.Id, done.Slot);
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
            total = Evict(old.Id, old.Slot);
        }
    }

    /// <summary>Removes <paramref name="slot"/> when it is still the entry of <paramref name="id"/>; returns the characters then cached.</summary>
    long Evict(string id, Slot slot) =>
        _entries.TryRemove(new KeyValuePair<string, Slot>(id, slot)) ? Interlocked.Add(ref _chars, -slot.Chars) : Interlocked.Read(ref _chars);
}
