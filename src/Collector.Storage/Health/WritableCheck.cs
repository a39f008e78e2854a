using Collector.Core.Storage;

namespace Collector.Storage.Health;

/// <summary>The answer of <see cref="DatabaseHealth.CheckWritableAsync"/>: writable, or why not.</summary>
internal sealed record WritableCheck(bool IsWritable, StorageErrorKind? Kind, string? Problem)
{
    public static WritableCheck Writable { get; } = new(true, null, null);

    public static WritableCheck NotWritable(StorageErrorKind kind, string problem) => new(false, kind, problem);
}
