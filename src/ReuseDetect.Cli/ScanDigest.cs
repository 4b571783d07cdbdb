using System.Globalization;
using System.IO.Hashing;
using System.Text;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Store;

namespace ReuseDetect.Cli;

/// <summary>
/// A digest of everything a scan's reports depend on: the options, the builds of the engine and the CLI (their
/// deterministic module ids), every file's id, size and modification time, and the files ignored by type (listed in
/// the reports). When it equals the digest saved with the last reports, nothing can have changed, so a rescan of an
/// unchanged folder costs one walk of the folder. No digest is saved after a scan that met a transient failure
/// (<see cref="TransientErrors"/>): a file's size and time do not change when it becomes readable again.
/// </summary>
static class ScanDigest
{
    const string FileName = "last-scan.digest", SummaryName = "last-scan.summary";

    /// <summary>The digest of a folder as <paramref name="listing"/> found it (the stamps the walk took).</summary>
    public static string Compute(string root, ReuseDetectOptions options, FolderListing listing)
    {
        (List<SourceFile> files, List<IngestError> errors, List<IgnoredFile> ignored) = listing;
        var sb = new StringBuilder();
        sb.Append(root).Append('\n')
          .Append(StoreScanCache.ParametersFor(options)).Append('\n')
          .Append(options.NearDuplicateThreshold.ToString("R", CultureInfo.InvariantCulture)).Append('|')
          .Append(options.MaxDocumentFrequency).Append('|').Append(options.CliqueLimit).Append('|')
          .Append(options.BoilerplateMinDocuments).Append('\n')
          .Append(typeof(ReuseDetector).Assembly.ManifestModule.ModuleVersionId).Append('|')
          .Append(typeof(ScanDigest).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        foreach (SourceFile f in files)
        {
            FileStamp? stamp = listing.StampOf(f.FullPath);
            sb.Append(f.Id).Append('\t').Append(stamp?.Size ?? -1).Append('\t').Append(stamp?.ModifiedUtcTicks ?? -1).Append('\n');
            // A sidecar changes a file's metadata without touching the file.
            FileStamp? sidecar = Listed(f.FullPath + ".meta.json") ?? Listed(Path.ChangeExtension(f.FullPath, ".meta.json"));
            if (sidecar is { } s) sb.Append("  meta\t").Append(s.Size).Append('\t').Append(s.ModifiedUtcTicks).Append('\n');
        }
        FileStamp? Listed(string path) => listing.Stamps.TryGetValue(path, out FileStamp s) ? s : null;
        foreach (IngestError e in errors) sb.Append("! ").Append(e.Id).Append('\t').Append(e.Reason).Append('\n');
        // Ignored files are listed in the reports by path and reason (their content is never read).
        foreach (IgnoredFile i in ignored) sb.Append("- ").Append(i.Id).Append('\t').Append(i.Reason).Append('\n');
        return Convert.ToHexString(XxHash128.Hash(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>
    /// True when <paramref name="digest"/> is the one saved with the last reports and the store is as that scan left
    /// it (the same segment files and query index), so a query index that lags or went missing is mended by a full scan.
    /// </summary>
    public static bool Matches(string storeDir, string digest)
    {
        string path = Path.Combine(storeDir, FileName);
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Trim() == digest + "\n" + StoreStamp(storeDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Saves the digest with the plain console summary of the reports it stands for (and their skipped count).</summary>
    public static void Save(string storeDir, string digest, string summary, int skipped)
    {
        File.WriteAllText(Path.Combine(storeDir, SummaryName), skipped.ToString(CultureInfo.InvariantCulture) + "\n" + summary);
        File.WriteAllText(Path.Combine(storeDir, FileName), digest + "\n" + StoreStamp(storeDir) + "\n");
    }

    /// <summary>The store's committed state, cheaply: the segment file names and the query index's size and time.</summary>
    static string StoreStamp(string storeDir)
    {
        var sb = new StringBuilder();
        foreach (string segment in Directory.GetFiles(storeDir, "segment-*.rds").Order(StringComparer.Ordinal))
            sb.Append(Path.GetFileName(segment)).Append(' ');
        FileStamp? index = FileStamp.Of(Path.Combine(storeDir, QueryIndexFile.FileName));
        return sb.Append(QueryIndexFile.FileName).Append(' ').Append(index?.Size ?? -1).Append(' ').Append(index?.ModifiedUtcTicks ?? -1).ToString();
    }

    /// <summary>The summary saved with the digest, or null.</summary>
    public static (string Text, int Skipped)? SavedSummary(string storeDir)
    {
        try
        {
            string all = File.ReadAllText(Path.Combine(storeDir, SummaryName));
            int eol = all.IndexOf('\n', StringComparison.Ordinal);
            return eol > 0 && int.TryParse(all.AsSpan(0, eol), NumberStyles.None, CultureInfo.InvariantCulture, out int skipped) ? (all[(eol + 1)..], skipped) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Forget(string storeDir)
    {
        try { File.Delete(Path.Combine(storeDir, FileName)); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
