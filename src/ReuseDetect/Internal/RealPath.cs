namespace ReuseDetect.Internal;

/// <summary>
/// Resolves every symbolic link in a path, as <c>realpath(3)</c> does: component by component, so that a link to a
/// folder followed by <c>..</c> climbs from the link's target, not from the link. Components that do not exist are
/// kept as written. Managed only (<see cref="FileSystemInfo.LinkTarget"/>), so it works on every platform.
/// </summary>
static class RealPath
{
    /// <summary>As Linux's <c>MAXSYMLINKS</c>: more links than this in one path is a loop.</summary>
    const int MaxLinks = 40;

    static readonly char[] s_separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The path <paramref name="path"/> names once all its links are resolved; null for a link loop.</summary>
    public static string? Of(string path)
    {
        string full = Path.GetFullPath(path);
        string current = Path.GetPathRoot(full) ?? "/";
        var rest = new List<string>(Components(full[current.Length..]));
        int links = 0;
        // rest holds the components still to walk, first one first; current is already free of links.
        while (rest.Count > 0)
        {
            string component = rest[0];
            rest.RemoveAt(0);
            if (component is "" or ".") continue;
            if (component == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            string next = Path.Join(current, component);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) return null;
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
                target = target[current.Length..];
            }
            rest.InsertRange(0, Components(target));
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies under it (both free of links).</summary>
    public static bool IsWithin(string path, string folder)
    {
        string root = Path.TrimEndingDirectorySeparator(folder);
        return path.Length >= root.Length && path.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            && (path.Length == root.Length || path[root.Length] is '/' || path[root.Length] == Path.DirectorySeparatorChar || root.Length == (Path.GetPathRoot(root)?.Length ?? -1));
    }

    static string[] Components(string path) => path.Split(s_separators, StringSplitOptions.RemoveEmptyEntries);
}
