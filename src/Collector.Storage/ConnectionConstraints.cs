namespace Collector.Storage;

/// <summary>
/// Limits put on every connection a <see cref="SqliteConnectionFactory"/> opens. Production uses
/// <see cref="None"/>; the others make hard-to-arrange conditions reproducible: a full disk without filling one,
/// a read-only database without a read-only mount (file modes do not stop root, which CI runs as).
/// </summary>
/// <param name="ReadOnly">Open with <c>Mode=ReadOnly</c>: every write fails as on a read-only file or mount.</param>
/// <param name="MaxPageCount">
/// Read on every open and applied as <c>PRAGMA max_page_count</c>: the database cannot grow past it, which SQLite
/// reports exactly like a full disk (SQLITE_FULL). A function, so a test can "free space" on the same factory.
/// </param>
internal sealed record ConnectionConstraints(bool ReadOnly = false, Func<long>? MaxPageCount = null)
{
    public static ConnectionConstraints None { get; } = new();

    public bool IsNone => !ReadOnly && MaxPageCount is null;
}
