namespace ReuseDetect.Store;

/// <summary>
/// The store cannot be used: it is locked by another process, its folder cannot be created, or a commit cannot be
/// written (not writable, disk full). Unlike a file of the scanned folder that vanished, this does not pass by
/// itself, so a long-running host stops on it (and a supervisor can restart it) instead of retrying forever.
/// </summary>
public sealed class StoreUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException() { }

    /// <summary>Creates the exception with a one-line message.</summary>
    public StoreUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and the I/O error behind it.</summary>
    public StoreUnavailableException(string message, Exception inner) : base(message, inner) { }
}
