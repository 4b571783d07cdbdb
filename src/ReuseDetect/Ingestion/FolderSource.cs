using ReuseDetect.Internal;

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

/// <summary>A file under the root that is not an article by its extension, and why it is left alone.</summary>
public sealed record IgnoredFile(string Id, string Reason);

/// <summary>What a folder walk found: the article files, the files ignored by type, and folders that could not be walked.</summary>
public sealed record FolderListing(List<SourceFile> Files, List<IngestError> Errors, List<IgnoredFile> Ignored)
{
    /// <summary>
    /// The stamp of each article file and sidecar (by full path) as the walk found it, taken before any is read: a scan
    /// and the digest of its folder stamp files from here instead of asking the file system again. A file missing here
    /// is stamped when asked (<see cref="StampOf"/>).
    /// </summary>
    public IReadOnlyDictionary<string, FileStamp> Stamps { get; init; } = new Dictionary<string, FileStamp>();

    /// <summary>The stamp of the file at <paramref name="path"/>: as listed, else read now (null when it cannot be read).</summary>
    public FileStamp? StampOf(string path) => Stamps.TryGetValue(path, out FileStamp stamp) ? stamp : FileStamp.Of(path);

    /// <summary>The article files and the walk's errors.</summary>
    public void Deconstruct(out List<SourceFile> files, out List<IngestError> errors) => (files, errors) = (Files, Errors);
}

/// <summary>
/// Walks a folder recursively (hidden folders, symbolic links to folders and excluded folders are not
/// followed, so a link loop cannot trap the walk), lists the files in ordinal id order, and reads each into
/// <see cref="LoadedDocument"/>s (one per file, or one per record for JSON arrays and JSONL, one per item for RSS and Atom feeds) or
/// <see cref="IngestError"/>s that name the reason. Sidecar files <c>name.meta.json</c> are metadata, not documents.
/// Files whose extension is not an article type (<see cref="FormatOf"/>) are listed as ignored, with the kind of
/// file, and never read: a spreadsheet, a PDF or a photo in the folder is not a failure of the scan.
/// </summary>
public sealed partial class FolderSource
{
    /// <summary>The suffix of sidecar metadata files.</summary>
    internal const string SidecarSuffix = ".meta.json";

    static readonly Dictionary<string, InputFormat> s_formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = InputFormat.Text, [".text"] = InputFormat.Text, [""] = InputFormat.Text,
        [".md"] = InputFormat.Markdown, [".markdown"] = InputFormat.Markdown,
        [".html"] = InputFormat.Html, [".htm"] = InputFormat.Html, [".xhtml"] = InputFormat.Html, [".shtml"] = InputFormat.Html, [".shtm"] = InputFormat.Html,
        [".json"] = InputFormat.Json, [".jsonl"] = InputFormat.JsonLines, [".ndjson"] = InputFormat.JsonLines,
        [".rss"] = InputFormat.Feed, [".atom"] = InputFormat.Feed,
    };

    /// <summary>What kind of file an ignored extension names, for the reason given.</summary>
    static readonly Dictionary<string, string> s_ignoredKinds = Kinds(
        ("table", ".csv .tsv .tab .xls .xlsx .xlsm .ods .numbers"),
        ("document format not read: convert it to text or HTML", ".pdf .doc .docx .odt .rtf .epub .mobi .pages .ppt .pptx .odp .key .ps .djvu"),
        ("image", ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .ico .heic .heif .avif .psd .raw"),
        ("archive", ".zip .gz .tgz .bz2 .xz .zst .7z .rar .tar .jar .war .iso .dmg"),
        ("audio or video", ".mp3 .wav .flac .ogg .oga .m4a .aac .opus .wma .mp4 .m4v .mov .avi .mkv .webm .wmv .flv .mpg .mpeg"),
        ("program or library", ".exe .dll .so .dylib .bin .o .a .class .pyc .wasm .msi .apk .deb .rpm"),
        ("XML data, not an article; an RSS or Atom feed is read when named .rss or .atom", ".xml"),
        ("data or code, not an article", ".yaml .yml .toml .ini .cfg .conf .log .sql .db .sqlite .parquet .avro .pkl .npy .js .css .py .cs .java .c .h .cpp .sh .bat .ps1 .rs .go .rb .php .ipynb"),
        ("font", ".ttf .otf .woff .woff2 .eot"));

    static Dictionary<string, string> Kinds(params (string Kind, string Extensions)[] kinds)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (kind, extensions) in kinds)
            foreach (string e in extensions.Split(' ')) map[e] = kind;
        return map;
    }

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

    /// <summary>Why a file is not read as an article by its extension, or null when it is one.</summary>
    internal static string? IgnoreReason(string path)
    {
        if (FormatOf(path) is not null) return null;
        string extension = Path.GetExtension(path);
        return s_ignoredKinds.TryGetValue(extension, out string? kind) ? $"not an article file ({extension}: {kind})"
            : $"not an article file ({extension}; articles are .txt, .text, .md, .markdown, .html, .htm, .xhtml, .shtml, .shtm, .json, .jsonl, .ndjson, .rss, .atom or files without an extension)";
    }

    /// <summary>True for a sidecar metadata file (<c>name.meta.json</c>), which is never a document.</summary>
    public static bool IsSidecar(string path) => path.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Lists the article files, the files ignored by type, and the folders that could not be listed (as errors), in ordinal order.</summary>
    public FolderListing List() => List(-1);

    /// <summary>
    /// <see cref="List()"/> on at most <paramref name="parallelism"/> threads (-1: one per core): the folders are walked
    /// in order, then their files are examined (one statx each, which is most of a listing's time) side by side, and the
    /// results are taken in the walk's order, so the listing is the same for any number of threads.
    /// </summary>
    public FolderListing List(int parallelism)
    {
        if (parallelism is 0 or < -1) throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "Parallelism must be at least 1, or -1 for one thread per core.");
        if (!Directory.Exists(_root)) throw new DirectoryNotFoundException($"Folder not found: {_root}");
        var paths = new List<string>();
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
                    if (!Path.GetFileName(file).StartsWith('.')) paths.Add(file);
                foreach (string sub in Directory.EnumerateDirectories(dir))
                {
                    var info = new DirectoryInfo(sub);
                    if (info.Name.StartsWith('.') || excluded.Contains(Path.TrimEndingDirectorySeparator(sub))) continue;
                    if (info.LinkTarget is not null)
                    {
                        errors.Add(new IngestError(IdOf(sub) + "/", FolderLinkReason(sub)));
                        continue;
                    }
                    pending.Push(sub);
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                errors.Add(new IngestError(dir == _root ? "." : IdOf(dir) + "/", $"{TransientErrors.CannotList}: {e.Message}"));
            }
        }
        var found = new (bool Sidecar, string? Ignored, string? Refusal, FileStamp? Stamp)[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            string file = paths[i];
            if (IsSidecar(file)) found[i] = (true, null, null, FileStamp.Of(file));
            else if (IgnoreReason(file) is { } reason) found[i] = (false, reason, null, null);
            else found[i] = (false, null, Refusal(file, out FileStamp? stamp), stamp);
        });
        var files = new List<SourceFile>(paths.Count);
        var ignored = new List<IgnoredFile>();
        var stamps = new Dictionary<string, FileStamp>(paths.Count, StringComparer.Ordinal);
        for (int i = 0; i < paths.Count; i++)
        {
            string file = paths[i];
            var (sidecar, reason, refusal, stamp) = found[i];
            if (reason is not null) ignored.Add(new IgnoredFile(IdOf(file), reason));
            else if (refusal is not null) errors.Add(new IngestError(IdOf(file), refusal));
            else if (!sidecar) files.Add(new SourceFile(IdOf(file), file));
            if (stamp is { } listed) stamps[file] = listed;
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        errors.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        ignored.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new FolderListing(files, errors, ignored) { Stamps = stamps };
    }

    string TooLarge(long length) => length > _options.MaxFileBytes
        ? $"file too large: {length:N0} bytes (limit {_options.MaxFileBytes:N0})"
        : $"file too large: more than {_options.MaxFileBytes:N0} bytes (limit {_options.MaxFileBytes:N0})";

    /// <summary>A sidecar's bytes, or why it is not read: it is read with the same checks and limit as its document.</summary>
    (byte[]? Bytes, string? Refusal) ReadSidecar(string path) =>
        Refusal(path) is { } refusal ? (null, refusal)
        : ReadBounded(path, _options.MaxFileBytes, out long length) is { } bytes ? (bytes, null) : (null, TooLarge(length));

    string IdOf(string path) => ToId(Path.GetRelativePath(_root, path));

    /// <summary>A file's id: its path under the scanned folder, with '/' between its parts on every system.</summary>
    static string ToId(string relative) => relative.Replace('\\', '/');

    /// <summary>
    /// The id a scan of <paramref name="root"/> gives the file at <paramref name="path"/> (a full path), or null when the
    /// path is not under the root (outside it, or the root itself).
    /// </summary>
    public static string? IdUnder(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        string relative = Path.GetRelativePath(root, path);
        bool under = relative != "." && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
        return under ? ToId(relative) : null;
    }

    /// <summary>Reads one file into its documents (one, or one per record) and errors, with its sidecar's metadata.</summary>
    internal FileLoad LoadAll(SourceFile file) => LoadAll(file, listedSidecars: null);

    /// <summary>
    /// <see cref="LoadAll(SourceFile)"/>, or with <paramref name="listedSidecars"/> given, the reload of a listed file
    /// (<see cref="Reload"/>): one that the listing shows without a sidecar is read without the listing's checks again.
    /// </summary>
    FileLoad LoadAll(SourceFile file, IReadOnlySet<string>? listedSidecars)
    {
        if (FormatOf(file.FullPath) is not InputFormat format)
            return FileLoad.Failed(file.Id, $"unsupported file type '{Path.GetExtension(file.FullPath)}'");
        bool listedAlone = listedSidecars is not null && !HasListedSidecar(file.FullPath, listedSidecars);
        // Checked again when read: the file may have been replaced since the folder was listed, or never listed (query).
        if (!listedAlone && Refusal(file.FullPath) is { } refusal) return FileLoad.Failed(file.Id, refusal);
        byte[] bytes;
        try
        {
            if (ReadBounded(file.FullPath, _options.MaxFileBytes, out long length) is not { } read)
                return FileLoad.Failed(file.Id, TooLarge(length));
            bytes = read;
        }
        catch (NotRegularFileException e)
        {
            return FileLoad.Failed(file.Id, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return FileLoad.Failed(file.Id, $"{TransientErrors.CannotRead}: {e.Message}");
        }
        if (listedAlone) return Decode(file.Id, bytes, format, Sidecar.None);
        Sidecar sidecar = Sidecar.Read(file.FullPath, IdOf, ReadSidecar);
        FileLoad load = Decode(file.Id, bytes, format, sidecar);
        return sidecar.Error is null ? load : load with { Errors = [.. load.Errors, sidecar.Error] };
    }

    /// <summary>
    /// The listed sidecar files of <paramref name="listing"/> (its stamped paths that name one), for
    /// <see cref="Reload(SourceFile, string, IReadOnlySet{string})"/>; compared ignoring case, so a sidecar a file system
    /// would find under another case is never missed.
    /// </summary>
    internal static IReadOnlySet<string> ListedSidecars(FolderListing listing) =>
        listing.Stamps.Keys.Where(IsSidecar).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <see cref="Load(SourceFile, string)"/> of a file of this scan's listing, for its text (a report quoting it), with
    /// fewer system calls: a file that the listing shows without a sidecar is read and decoded without the checks made
    /// when it was listed (the link and file-type check, the two sidecar look-ups), which are most of a reload's calls
    /// (Reuters-21578 quotes thousands of members). Nothing it skips can put other text in a report: the file is still
    /// opened as a regular file only (<see cref="FileKinds.OpenRegular"/>), and a quote is taken only from text whose
    /// content hash is the one signed. A file with a listed sidecar is loaded in full (as is, by the caller, one the listing
    /// did not stamp).
    /// </summary>
    internal (LoadedDocument? Document, IngestError? Error) Reload(SourceFile file, string documentId, IReadOnlySet<string> listedSidecars) =>
        First(LoadAll(file, listedSidecars), documentId);

    /// <summary>Whether either place a sidecar of <paramref name="path"/> may have (<see cref="Sidecar.Read"/>) is among the listed ones.</summary>
    static bool HasListedSidecar(string path, IReadOnlySet<string> listedSidecars)
    {
        if (listedSidecars.Count == 0) return false;
        string? dir = Path.GetDirectoryName(path);
        return dir is null || listedSidecars.Contains(path + SidecarSuffix)
            || listedSidecars.Contains(Path.Combine(dir, Path.GetFileNameWithoutExtension(path) + SidecarSuffix));
    }

    /// <summary>Reads one file and returns its first document, or its first error (single-document files).</summary>
    internal (LoadedDocument? Document, IngestError? Error) Load(SourceFile file) => First(LoadAll(file), null);

    /// <summary>Reads one file again and returns the document with id <paramref name="documentId"/> (reload by id).</summary>
    internal (LoadedDocument? Document, IngestError? Error) Load(SourceFile file, string documentId) => First(LoadAll(file), documentId);

    static (LoadedDocument?, IngestError?) First(FileLoad load, string? id)
    {
        LoadedDocument? doc = id is null ? load.Documents.FirstOrDefault() : load.Documents.FirstOrDefault(d => d.Id == id);
        if (doc is not null) return (doc, null);
        IngestError? error = id is null ? load.Errors.FirstOrDefault() : load.Errors.FirstOrDefault(e => e.Id == id);
        return (null, error ?? new IngestError(id ?? "", id is null ? "no document" : "document no longer in its file"));
    }

    /// <summary>Decodes file bytes into a document (public for in-memory sources and tests).</summary>
    internal (LoadedDocument? Document, IngestError? Error) Decode(string id, byte[] bytes, bool markdown) =>
        First(Decode(id, bytes, markdown ? InputFormat.Markdown : InputFormat.Text, Sidecar.None), null);
}
