namespace Collector.Core.Storage;

/// <summary>Why the database could not do what was asked: conditions of the machine, not of one account.</summary>
public enum StorageErrorKind
{
    /// <summary>The disk (or the database's page limit) is full; the write was rolled back.</summary>
    Full,

    /// <summary>The file, its directory or its mount is read-only (or the process lacks permission).</summary>
    ReadOnly,

    /// <summary>Another process held the write lock longer than the busy timeout.</summary>
    Locked,

    /// <summary>The operating system reported an I/O error, or the file could not be opened.</summary>
    IoError,

    /// <summary>The file is not a database or is damaged.</summary>
    Corrupt,
}
