using ReuseDetect.Ingestion;

namespace ReuseDetect.Pipeline;

/// <summary>The answers for a queried file: one per document it holds (one per record of a JSON/JSONL file), and what could not be read.</summary>
public sealed record QueryFileResult(IReadOnlyList<QueryResult> Results, IReadOnlyList<IngestError> Errors);

public sealed partial class ReuseIndex
{
    /// <summary>The folder the indexed documents were scanned from.</summary>
    public string Root => _source.Root;

    /// <summary>
    /// Reads the file at <paramref name="path"/> exactly as a scan reads it (format by extension, HTML extraction,
    /// JSON/JSONL records, front matter, sidecar, encodings, binary refusal) and queries each of its documents, or only
    /// the record <paramref name="record"/> (the part after '#' of a record id such as <c>feed.jsonl#42</c>). A file
    /// under the index's root gets the id a scan gave it, so its own entry is never a match. A record that is not in
    /// the file is an error.
    /// </summary>
    public QueryFileResult QueryFile(string path, string? record = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string? idUnderRoot = FolderSource.IdUnder(_source.Root, full);
        bool underRoot = idUnderRoot is not null;
        // A file elsewhere is read from its own folder (where its sidecar lives) and named by its file name; a link
        // named on the command line is the user's choice, so it is followed to its target there. A file under the root
        // is read as the scan reads it (a link out of the root is refused).
        string read = underRoot ? full : Internal.RealPath.Of(full) ?? full;
        FolderSource source = underRoot ? _source : new FolderSource(Path.GetDirectoryName(read) ?? read, _options.Ingest);
        string fileId = idUnderRoot ?? Path.GetFileName(full);
        if (FolderSource.IgnoreReason(full) is { } reason)
            return new QueryFileResult([], [new IngestError(fileId, reason + "; a scan ignores it")]);
        FileLoad load = source.LoadAll(new SourceFile(fileId, read));
        IEnumerable<LoadedDocument> documents = load.Documents;
        var errors = load.Errors.ToList();
        if (record is not null)
        {
            string wanted = fileId + "#" + record;
            documents = documents.Where(d => d.Id == wanted);
            errors.RemoveAll(e => e.Id.Contains('#', StringComparison.Ordinal) && e.Id != wanted);
            if (!documents.Any() && errors.Count == 0) errors.Add(new IngestError(wanted, $"no record '{record}' in the file"));
        }
        return new QueryFileResult([.. documents.Select(d => Query(d, underRoot ? d.Id : null))], errors);
    }
}
