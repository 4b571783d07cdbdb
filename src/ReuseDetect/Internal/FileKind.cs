using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReuseDetect.Internal;

/// <summary>What a path names on disk. Only a <see cref="Regular"/> file is ever opened by the reader.</summary>
enum FileKind
{
    /// <summary>The type could not be found out (not Linux, or the call failed): treated as a regular file.</summary>
    Unknown,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Missing,
}

/// <summary>
/// The file type of a path, from <c>statx(2)</c> on Linux. .NET reports a FIFO, a device and a socket as an ordinary
/// file (<see cref="FileAttributes.Normal"/>, length 0), and opening a FIFO blocks until a writer comes, so the type
/// must be known before the file is opened. <c>struct statx</c> has one layout on every Linux architecture, unlike
/// <c>struct stat</c>. Elsewhere (and on a libc without <c>statx</c>) the answer is <see cref="FileKind.Unknown"/>.
/// </summary>
static partial class FileKinds
{
    const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxType = 0x1, StatxMtime = 0x40, StatxSize = 0x200;
    const int ENOENT = 2, ENOTDIR = 20;
    static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>The kind of the file <paramref name="path"/> names, following symbolic links (as <c>stat</c>).</summary>
    public static FileKind Of(string path) => Stat(path, 0).Kind;


    /// <summary>How a reason names a kind that is not a regular file.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO (named pipe)",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        FileKind.Directory => "folder",
        FileKind.SymbolicLink => "symbolic link",
        _ => kind.ToString(),
    };

    /// <summary>
    /// What <paramref name="path"/> names: its own kind (a link not followed), the kind it leads to (links followed; its
    /// own kind for anything but a link), and the size and modification time (ticks, UTC) of the file it reads, as
    /// FileStamp takes them (a link's target's size and the later of the two times; none for a missing path or a
    /// folder). Where this is not known (not Linux, or the call failed), the kinds are <see cref="FileKind.Unknown"/>
    /// and there are no times.
    /// </summary>
    public static (FileKind Own, FileKind Target, (long Size, long Ticks)? Times) Inspect(string path)
    {
        var own = Stat(path, AtSymlinkNoFollow);
        // As FileInfo sees it, a folder (or a link to one) is no file, and has no stamp.
        if (own.Kind != FileKind.SymbolicLink) return (own.Kind, own.Kind, own.Kind is FileKind.Missing or FileKind.Directory ? null : own.Times);
        var target = Stat(path, 0);
        return (own.Kind, target.Kind, target.Kind is FileKind.Missing or FileKind.Directory || own.Times is not { } o || target.Times is not { } t
            ? null : (t.Size, Math.Max(o.Ticks, t.Ticks)));
    }

    /// <summary>
    /// statx of <paramref name="path"/>: its kind (<see cref="FileKind.Unknown"/> when the call is not available or
    /// failed, <see cref="FileKind.Missing"/> when nothing is there) and, when the call gave them, its size and
    /// modification time (ticks, UTC).
    /// </summary>
    static (FileKind Kind, (long Size, long Ticks)? Times) Stat(string path, int flags)
    {
        if (s_unavailable) return (FileKind.Unknown, null);
        Statx buffer = default;
        try
        {
            if (NativeStatx(AtFdCwd, path, flags, StatxType | StatxMtime | StatxSize, ref buffer) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                return (errno is ENOENT or ENOTDIR ? FileKind.Missing : FileKind.Unknown, null);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_unavailable = true;
            return (FileKind.Unknown, null);
        }
        if ((buffer.Mask & (StatxMtime | StatxSize)) != (StatxMtime | StatxSize)) return (KindOf(buffer.Mode), null);
        // As FileInfo.LastWriteTimeUtc reads it: whole seconds since the epoch, then nanoseconds in 100 ns ticks.
        long ticks = DateTime.UnixEpoch.Ticks + buffer.MtimeSeconds * TimeSpan.TicksPerSecond + buffer.MtimeNanoseconds / 100;
        return (KindOf(buffer.Mode), ((long)buffer.Size, ticks));
    }

    /// <summary>The kind a <c>stx_mode</c> names (its file-type bits).</summary>
    static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    const int ORdOnly = 0, ONonBlock = 0x800, OCloExec = 0x80000, AtEmptyPath = 0x1000;

    /// <summary>
    /// Opens <paramref name="path"/> for reading without blocking on a FIFO, and checks the type of what was opened:
    /// the check before the open (<see cref="Of"/>) leaves a moment in which a FIFO or a device can be put in the
    /// file's place, and opening a FIFO the usual way would then wait forever for a writer. A regular file reads as
    /// usual (non-blocking mode does not apply to regular files). Null where this cannot be done (not Linux, no libc
    /// call): the caller opens the file the usual way. Throws <see cref="NotRegularFileException"/> for anything else.
    /// <paramref name="size"/> is the file's size as the same statx call gave it (-1 when it gave none), so that a reader
    /// need not ask again: the file is read with positioned reads (<see cref="RandomAccess"/>), without a stream's
    /// calls for its position and length (a scan reads every article, and a report reads its members again).
    /// </summary>
    public static SafeFileHandle? OpenRegular(string path, out long size)
    {
        size = -1;
        if (s_unavailable) return null;
        int fd;
        try
        {
            fd = NativeOpen(path, ORdOnly | ONonBlock | OCloExec);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (fd < 0) return null; // the usual open then reports why (missing, permission)
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        Statx buffer = default;
        if (NativeStatx(fd, "", AtEmptyPath, StatxType | StatxSize, ref buffer) == 0)
        {
            if (KindOf(buffer.Mode) is not FileKind.Regular and var kind)
            {
                handle.Dispose();
                throw new NotRegularFileException(kind);
            }
            if ((buffer.Mask & StatxSize) != 0) size = (long)buffer.Size;
        }
        return handle;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int NativeOpen(string path, int flags);

    /// <summary><c>struct statx</c> (256 bytes in all): the mask, <c>stx_mode</c> (offset 28), <c>stx_size</c> (40) and <c>stx_mtime</c> (112) are read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    struct Statx
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int NativeStatx(int dirfd, string path, int flags, uint mask, ref Statx buffer);
}

/// <summary>What was opened turned out not to be a regular file (it was replaced after the folder was listed).</summary>
sealed class NotRegularFileException(FileKind kind) : IOException("not a regular file: " + FileKinds.Describe(kind))
{
    public FileKind Kind { get; } = kind;
}
