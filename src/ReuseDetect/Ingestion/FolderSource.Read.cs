using Microsoft.Win32.SafeHandles;
using ReuseDetect.Internal;

namespace ReuseDetect.Ingestion;

public sealed partial class FolderSource
{
    /// <summary>The reason given for a symbolic link (to a file or a folder) that leads out of the scanned folder.</summary>
    internal const string OutsideRootReason = "symbolic link to outside the scanned folder, not followed";

    /// <summary>Test seam: a fault to raise instead of reading a path (null: read it). Scoped to the caller's async flow.</summary>
    internal static readonly AsyncLocal<Func<string, Exception?>?> ReadFault = new();

    string? _realRoot;

    /// <summary>The root with its symbolic links resolved: what a link's target must lie under.</summary>
    string RealRoot => _realRoot ??= RealPath.Of(_root) ?? _root;

    /// <summary>
    /// Why the file at <paramref name="path"/> is not read at all, or null. A symbolic link whose target (all links
    /// resolved) lies outside the root is refused, so a link in an untrusted folder cannot copy a private file into
    /// the reports. Only a regular file is opened: a FIFO would block the open until a writer comes, and a device such
    /// as <c>/dev/zero</c> reports a length of 0 and never ends. A path that no longer exists is left to the read,
    /// which reports it as "cannot read".
    /// </summary>
    string? Refusal(string path) => Refusal(path, out _);

    /// <summary>
    /// <see cref="Refusal(string)"/>, and the stamp of a file that is read (<see cref="FileStamp.Of"/>), from the same
    /// statx calls.
    /// </summary>
    string? Refusal(string path, out FileStamp? stamp)
    {
        stamp = null;
        var (own, target, times) = FileKinds.Inspect(path);
        FileKind kind = own;
        if (kind == FileKind.SymbolicLink || (kind == FileKind.Unknown && IsLink(path)))
        {
            if (RealPath.Of(path) is not { } real) return "symbolic link loop, not followed";
            if (!RealPath.IsWithin(real, RealRoot)) return OutsideRootReason;
            kind = own == FileKind.SymbolicLink ? target : FileKinds.Of(path);
        }
        if (kind is not (FileKind.Regular or FileKind.Unknown or FileKind.Missing)) return "not a regular file: " + FileKinds.Describe(kind);
        // A name whose bytes are not UTF-8 is listed with U+FFFD in place of them, and that name opens nothing: say why,
        // rather than "not found" for a file the user can see. (A name holding U+FFFD itself exists and reads.)
        if (kind == FileKind.Missing && path.Contains('\uFFFD', StringComparison.Ordinal)) return UndecodableNameReason;
        stamp = FileStamp.From(path, target, times);
        return null;
    }

    /// <summary>Why a file whose name is not valid UTF-8 is skipped: the runtime lists it under a name that opens nothing.</summary>
    internal const string UndecodableNameReason = "file name is not valid UTF-8, so it cannot be opened: rename the file";

    /// <summary>Why a folder link is not followed: every one is left alone (so a loop cannot trap the walk), and one leading out of the root says so.</summary>
    string FolderLinkReason(string path) =>
        RealPath.Of(path) is { } real && RealPath.IsWithin(real, RealRoot) ? "symbolic link to a folder, not followed" : OutsideRootReason;

    static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a file checked by <see cref="Refusal(string)"/>, at most <paramref name="maxBytes"/> + 1 bytes whatever length
    /// it reports: a file that grows while it is read, or a device put in its place after the check, cannot exhaust
    /// memory. Null (with the length seen) when the file is larger than the limit. Throws what opening and reading throw.
    /// </summary>
    internal static byte[]? ReadBounded(string path, long maxBytes, out long lengthSeen)
    {
        if (ReadFault.Value?.Invoke(path) is { } fault) throw fault;
        int cap = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        using SafeFileHandle? handle = FileKinds.OpenRegular(path, out long size);
        using FileStream? stream = handle is not null ? null
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        // A regular file opened here is read at offsets (its size came with the open); any other, as a stream.
        int Read(Span<byte> into, long at) => handle is not null ? RandomAccess.Read(handle, into, at) : stream!.Read(into);
        long reported = handle is not null ? (size >= 0 ? size : RandomAccess.GetLength(handle)) : stream!.CanSeek ? stream.Length : 0;
        lengthSeen = reported;
        if (reported > cap) return null;
        // A regular file is read into an array of its reported size; a probe byte then tells whether it grew.
        var buffer = new byte[reported > 0 ? reported : Math.Min(cap + 1, 64 * 1024)];
        Span<byte> probe = stackalloc byte[1];
        int total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > cap) break;
                int extra = Read(probe, total);
                if (extra == 0) return buffer;
                Array.Resize(ref buffer, (int)Math.Min((long)cap + 1, Math.Max(total * 2L, total + 1L)));
                buffer[total++] = probe[0];
                continue;
            }
            int n = Read(buffer.AsSpan(total), total);
            if (n == 0) break;
            total += n;
        }
        lengthSeen = Math.Max(reported, total);
        if (total > cap) return null;
        return total == buffer.Length ? buffer : buffer[..total];
    }
}
