using System.Runtime.InteropServices;
using SQLitePCL;

namespace Collector.Storage;

/// <summary>
/// SQLite's column functions called straight on the statement pointer, for <see cref="RawStatement"/>'s many-row
/// reads. Through SQLitePCL.raw each call marshals the statement's SafeHandle (a reference count taken and dropped)
/// and switches the thread out of managed mode and back, about 45 times per account of a status
/// (docs/benchmarks.md, item 20). Stepping, which can wait on the disk or a lock, and everything else stay on
/// SQLitePCL.raw.
/// </summary>
/// <remarks>
/// A call without the switch must not wait: the runtime cannot stop the thread for a garbage collection meanwhile.
/// These functions only read the current row from memory, under their connection's mutex, and every connection here
/// is used by one thread at a time (a read's own connection, or <see cref="SharedConnection"/>'s turn), so that mutex
/// is never held by another thread.
/// </remarks>
internal static partial class NativeColumns
{
    private const string Library = "e_sqlite3";

    /// <summary>
    /// True when SQLitePCL.raw itself runs on <c>e_sqlite3</c> (the bundle Microsoft.Data.Sqlite brings), so a
    /// statement it prepared belongs to the library bound here. Any other provider keeps every call on SQLitePCL.raw.
    /// </summary>
    public static bool Available { get; } = string.Equals(raw.GetNativeLibraryName(), Library, StringComparison.Ordinal);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    public static partial int ColumnType(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    public static partial long ColumnInt64(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int")]
    [SuppressGCTransition]
    public static partial int ColumnInt32(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double")]
    [SuppressGCTransition]
    public static partial double ColumnDouble(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_text")]
    [SuppressGCTransition]
    private static partial nint ColumnText(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    private static partial int ColumnBytes(nint statement, int column);

    /// <summary>The column as UTF-8 text decoded (SQLite converts a number); null for NULL.</summary>
    public static string? Text(nint statement, int column)
    {
        // The text first, then its length: asking for the length first could convert the value twice.
        var text = ColumnText(statement, column);
        return text == 0 ? null : Marshal.PtrToStringUTF8(text, ColumnBytes(statement, column));
    }
}
