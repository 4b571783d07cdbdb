namespace ReuseDetect.Ingestion;

/// <summary>A file found under the scanned root: its stable id (relative path, '/' separators) and full path.</summary>
public readonly record struct SourceFile(string Id, string FullPath);

/// <summary>Options of the folder walk and the file reader.</summary>
public readonly record struct IngestOptions
{
    /// <summary>Defaults: files up to 64 MiB, outlet not taken from folders.</summary>
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
/// followed, so a link loop cannot trap the walk), lists the files in ordinal id order, and reads each into
/// <see cref="LoadedDocument"/>s (one per file, or one per record for JSON arrays and JSONL) or
/// <see cref="IngestError"/>s that name the reason. Sidecar files <c>name.meta.json</c> are metadata, not documents.
/// </summary>
public sealed partial class FolderSource
{
    /// <summary>The suffix of sidecar metadata files.</summary>
    public const string SidecarSuffix = ".meta.json";

    static readonly Dictionary<string, InputFormat> s_formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = InputFormat.Text, [".text"] = InputFormat.Text, [""] = InputFormat.Text,
        [".md"] = InputFormat.Markdown, [".markdown"] = InputFormat.Markdown,
        [".html"] = InputFormat.Html, [".htm"] = InputFormat.Html, [".xhtml"] = InputFormat.Html,
        [".json"] = InputFormat.Json, [".jsonl"] = InputFormat.JsonLines, [".ndjson"] = InputFormat.JsonLines,
    };

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

    /// <summary>The format a file is read as, by its extension; null when the type is not supported.</summary>
    public static InputFormat? FormatOf(string path) =>
        s_formats.TryGetValue(Path.GetExtension(path), out InputFormat f) ? f : null;

    /// <summary>True for a sidecar metadata file (<c>name.meta.json</c>), which is never a document.</summary>
    public static bool IsSidecar(string path) => path.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase);

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
                    if (Path.GetFileName(file).StartsWith('.') || IsSidecar(file)) continue;
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

    /// <summary>Reads one file into its documents (one, or one per record) and errors, with its sidecar's metadata.</summary>
    public FileLoad LoadAll(SourceFile file)
    {
        if (FormatOf(file.FullPath) is not InputFormat format)
            return FileLoad.Failed(file.Id, $"unsupported file type '{Path.GetExtension(file.FullPath)}'");
        byte[] bytes;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (info.Length > _options.MaxFileBytes)
                return FileLoad.Failed(file.Id, $"file too large: {info.Length:N0} bytes (limit {_options.MaxFileBytes:N0})");
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileLoad.Failed(file.Id, $"cannot read: {e.Message}");
        }
        Sidecar sidecar = Sidecar.Read(file.FullPath, IdOf);
        FileLoad load = Decode(file.Id, bytes, format, sidecar);
        return sidecar.Error is null ? load : load with { Errors = [.. load.Errors, sidecar.Error] };
    }

    /// <summary>Reads one file and returns its first document, or its first error (single-document files).</summary>
    public (LoadedDocument? Document, IngestError? Error) Load(SourceFile file) => First(LoadAll(file), null);

    /// <summary>Reads one file again and returns the document with id <paramref name="documentId"/> (reload by id).</summary>
    public (LoadedDocument? Document, IngestError? Error) Load(SourceFile file, string documentId) => First(LoadAll(file), documentId);

    static (LoadedDocument?, IngestError?) First(FileLoad load, string? id)
    {
        LoadedDocument? doc = id is null ? load.Documents.FirstOrDefault() : load.Documents.FirstOrDefault(d => d.Id == id);
        if (doc is not null) return (doc, null);
        IngestError? error = id is null ? load.Errors.FirstOrDefault() : load.Errors.FirstOrDefault(e => e.Id == id);
        return (null, error ?? new IngestError(id ?? "", id is null ? "no document" : "document no longer in its file"));
    }

    /// <summary>Decodes file bytes into a document (public for in-memory sources and tests).</summary>
    public (LoadedDocument? Document, IngestError? Error) Decode(string id, byte[] bytes, bool markdown) =>
        First(Decode(id, bytes, markdown ? InputFormat.Markdown : InputFormat.Text, Sidecar.None), null);
}
