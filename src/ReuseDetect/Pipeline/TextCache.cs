using System.Collections.Concurrent;
using ReuseDetect.Ingestion;
using ReuseDetect.Text;

namespace ReuseDetect.Pipeline;

/// <summary>
/// Reloads documents for alignment, tokenized, keeping at most about <c>budgetChars</c> characters cached
/// (oldest first out), keyed by document id: a record of a JSON/JSONL file is reloaded by reading its file and
/// picking the record by id. A document whose content changed since it was signed is reported, not aligned.
/// </summary>
sealed class TextCache(Func<SourceFile, string, (LoadedDocument?, IngestError?)> load, long budgetChars)
{
    public sealed record Entry(LoadedDocument Document, TokenizedText Tokens);

    readonly ConcurrentDictionary<string, Lazy<Entry?>> _entries = new();
    readonly ConcurrentQueue<(string Id, long Chars)> _order = new();
    readonly ConcurrentDictionary<string, string> _errors = new();
    long _chars;

    /// <summary>Errors met while reloading (document id → reason).</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    public Entry? Get(DocumentRecord record)
    {
        var lazy = _entries.GetOrAdd(record.Id, _ => new Lazy<Entry?>(() => Load(record)));
        return lazy.Value;
    }

    /// <summary>The cached entry of <paramref name="record"/> when it is loaded already; never reads.</summary>
    public Entry? TryPeek(DocumentRecord record) =>
        _entries.TryGetValue(record.Id, out var lazy) && lazy.IsValueCreated ? lazy.Value : null;

    /// <summary>Seeds the cache with a document that was just read (saves a second read for small corpora).</summary>
    public void Offer(LoadedDocument document, TokenizedText tokens)
    {
        if (Interlocked.Read(ref _chars) + document.Text.Length > budgetChars) return;
        if (_entries.TryAdd(document.Id, new Lazy<Entry?>(new Entry(document, tokens)))) Account(document.Id, document.Text.Length);
    }

    Entry? Load(DocumentRecord record)
    {
        (LoadedDocument? doc, IngestError? error) = load(record.File, record.Id);
        if (doc is null)
        {
            _errors[record.Id] = error?.Reason ?? "cannot read";
            return null;
        }
        if (doc.ContentHash != record.ContentHash)
        {
            _errors[record.Id] = "document changed during the scan; its passages were not aligned (scan again)";
            return null;
        }
        var entry = new Entry(doc, Tokenizer.Tokenize(doc.Text, doc.BodyStart, doc.BodyEnd));
        Account(record.Id, doc.Text.Length);
        return entry;
    }

    void Account(string id, long chars)
    {
        _order.Enqueue((id, chars));
        long total = Interlocked.Add(ref _chars, chars);
        while (total > budgetChars && _order.Count > 1 && _order.TryDequeue(out var old))
        {
            _entries.TryRemove(old.Id, out _);
            total = Interlocked.Add(ref _chars, -old.Chars);
        }
    }
}
