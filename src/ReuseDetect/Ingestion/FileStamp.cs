namespace ReuseDetect.Ingestion;

/// <summary>Size and last-write time of a file: when both are unchanged the file is taken as unchanged.</summary>
public readonly record struct FileStamp(long Size, long ModifiedUtcTicks)
{
    /// <summary>
    /// The stamp of a file on disk, or null when it cannot be read. A symbolic link is stamped with its target's size
    /// and the later of the two times, so editing the target or pointing the link elsewhere both change it.
    /// </summary>
    public static FileStamp? Of(string path)
    {
        // One statx call on Linux (two for a link); FileInfo elsewhere. Both give the same figures.
        var (_, target, times) = Internal.FileKinds.Inspect(path);
        return From(path, target, times);
    }

    /// <summary>
    /// The stamp of <paramref name="path"/> from what <see cref="Internal.FileKinds.Inspect"/> found (the kind it leads to
    /// and its times), for a caller that inspected it already; FileInfo when statx gave no times.
    /// </summary>
    internal static FileStamp? From(string path, Internal.FileKind target, (long Size, long Ticks)? times) =>
        times is var (size, ticks) ? new FileStamp(size, ticks)
            : target is Internal.FileKind.Missing or Internal.FileKind.Directory ? null : ByFileInfo(path);

    static FileStamp? ByFileInfo(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return null;
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is not null)
            {
                return info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target
                    ? new FileStamp(target.Length, Math.Max(info.LastWriteTimeUtc.Ticks, target.LastWriteTimeUtc.Ticks))
                    : null;
            }
            return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
