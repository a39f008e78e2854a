namespace Collector.Core.Storage;

/// <summary>
/// The database cannot take (or serve) the request: disk full, read-only, locked, I/O error, corrupt. Whatever was
/// being written is rolled back. Unlike an account failure this is not data to record (the database is what
/// failed), so it stops the round and reaches the caller; the message names the file and says what to fix.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException(StorageErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public StorageException()
        : this(StorageErrorKind.IoError, "database request failed")
    {
    }

    public StorageException(string message)
        : this(StorageErrorKind.IoError, message)
    {
    }

    public StorageException(string message, Exception innerException)
        : this(StorageErrorKind.IoError, message, innerException)
    {
    }

    public StorageErrorKind Kind { get; }
}
