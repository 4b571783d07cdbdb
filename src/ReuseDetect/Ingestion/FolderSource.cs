using System.IO.Hashing;

namespace ReuseDetect.Ingestion;

/// <summary>A file found under the scanned root: its stable id (relative path, '/' separators) and full path.</summary>
public readonly record struct SourceFile(string Id, string FullPath);

/// <summary>Options of the folder walk and the file reader.</summary>
public readonly record struct IngestOptions
{
    /// <summary>Defaults: text and Markdown files up to 64 MiB, outlet not taken from folders.</summary>
    public IngestOptions() { }

    /// <summary>Largest file read, in bytes; larger files are reported and skipped.</summary>
    public long MaxFileBytes { get; init; } = 64L << 20;

    /// <summary>Take the outlet from the first folder under the root (<c>root/&lt;outlet&gt;/...</c>).</summary>
    public bool OutletFromFolder { get; init; }

    /// <summary>Folders (full paths) never walked, e.g. the output and store folders.</summary>
    public IReadOnlyList<string> ExcludedFolders { get; init; } = [];
}

/// <summary>
/// Walks a folder recursively (hidden folders, symbolic links to folders and excluded folders are not
/// followed, so a link loop cannot trap the walk), lists the files in ordinal id order, and reads each into a
/// <see cref="LoadedDocument"/> or an <see cref="IngestError"/> that names the reason.
/// </summary>
public sealed class FolderSource
{
    static readonly HashSet<string> s_textExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md", ".markdown", "" };
    static readonly HashSet<string> s_markdownExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown" };

    readonly string _root;
    readonly IngestOptions _options;

    /// <summary>Creates a source over <paramref name="root"/>.</summary>
    public FolderSource(string root, IngestOptions options)
    {
        _root = Path.GetFullPath(root);
        _options = options;
    }

    /// <summary>The full path of the root.</summary>
    public string Root => _root;

    /// <summary>Lists the files, and the folders that could not be listed (as errors), in ordinal order.</summary>
    public (List<SourceFile> Files, List<IngestError> Errors) List()
    {
        if (!Directory.Exists(_root)) throw new DirectoryNotFoundException($"Folder not found: {_root}");
        var files = new List<SourceFile>();
        var errors = new List<IngestError>();
        var excluded = new HashSet<string>(_options.ExcludedFolders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))), StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            try
            {
                foreach (string file in Directory.EnumerateFiles(dir))
                {
                    if (Path.GetFileName(file).StartsWith('.')) continue;
                    files.Add(new SourceFile(IdOf(file), file));
                }
                foreach (string sub in Directory.EnumerateDirectories(dir))
                {
                    var info = new DirectoryInfo(sub);
                    if (info.Name.StartsWith('.') || excluded.Contains(Path.TrimEndingDirectorySeparator(sub))) continue;
                    if (info.LinkTarget is not null)
                    {
                        errors.Add(new IngestError(IdOf(sub) + "/", "symbolic link to a folder, not followed"));
                        continue;
                    }
                    pending.Push(sub);
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                errors.Add(new IngestError(dir == _root ? "." : IdOf(dir) + "/", $"cannot list folder: {e.Message}"));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        errors.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return (files, errors);
    }

    string IdOf(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');

    /// <summary>Reads and decodes one file.</summary>
    public (LoadedDocument? Document, IngestError? Error) Load(SourceFile file)
    {
        string ext = Path.GetExtension(file.FullPath);
        if (!s_textExtensions.Contains(ext)) return (null, new IngestError(file.Id, $"unsupported file type '{ext}'"));
        byte[] bytes;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (info.Length > _options.MaxFileBytes)
                return (null, new IngestError(file.Id, $"file too large: {info.Length:N0} bytes (limit {_options.MaxFileBytes:N0})"));
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new IngestError(file.Id, $"cannot read: {e.Message}"));
        }
        return Decode(file.Id, bytes, s_markdownExtensions.Contains(ext));
    }

    /// <summary>Decodes file bytes into a document (public for in-memory sources and tests).</summary>
    public (LoadedDocument? Document, IngestError? Error) Decode(string id, byte[] bytes, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        TextDecoder.Result decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null) return (null, new IngestError(id, decoded.Error ?? "cannot decode"));
        string text = decoded.Text;
        var metadata = new DocumentMetadata();
        if (_options.OutletFromFolder && id.IndexOf('/') is > 0 and int slash) metadata = metadata with { Outlet = id[..slash] };
        int bodyStart = 0;
        if (markdown) (bodyStart, metadata) = FrontMatter.Parse(text, metadata);
        if (text.AsSpan(bodyStart).IsWhiteSpace()) return (null, new IngestError(id, "empty file (no text)"));
        return (new LoadedDocument(id, text, bodyStart, text.Length, metadata, decoded.Encoding, XxHash128.HashToUInt128(bytes), bytes.LongLength), null);
    }
}
