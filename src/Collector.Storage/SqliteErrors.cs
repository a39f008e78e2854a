using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage;

/// <summary>
/// Turns SQLite failures caused by the machine (disk full, read-only file, lock held too long, I/O, damage) into a
/// <see cref="StorageException"/> an operator can act on. Constraint and syntax errors are bugs and stay as they are.
/// </summary>
internal static class SqliteErrors
{
    // Primary result codes (https://sqlite.org/rescode.html); the low byte of an extended code is its primary code.
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static StorageErrorKind? KindOf(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception.SqliteErrorCode & 0xFF) switch
        {
            Full => StorageErrorKind.Full,
            ReadOnly or Perm => StorageErrorKind.ReadOnly,
            Busy or Locked => StorageErrorKind.Locked,
            IoErr or CantOpen => StorageErrorKind.IoError,
            Corrupt or NotADatabase => StorageErrorKind.Corrupt,
            _ => null,
        };
    }

    public static bool IsEnvironmental(SqliteException exception) => KindOf(exception) is not null;

    /// <summary>The operator's message: what is wrong, which file, what SQLite said.</summary>
    public static StorageException ToStorageException(SqliteException exception, string path)
    {
        var kind = KindOf(exception) ?? StorageErrorKind.IoError;
        return new StorageException(kind, $"{Describe(kind)}: {path}: {exception.Message}", exception);
    }

    private static string Describe(StorageErrorKind kind) => kind switch
    {
        StorageErrorKind.Full => "database is full (disk or max_page_count)",
        StorageErrorKind.ReadOnly => "database is read-only (check the file's and directory's permissions and the mount)",
        StorageErrorKind.Locked => "database is locked by another writer for longer than the busy timeout",
        StorageErrorKind.Corrupt => "database file is damaged or not a collector database (restore a backup)",
        _ => "database I/O error",
    };
}
