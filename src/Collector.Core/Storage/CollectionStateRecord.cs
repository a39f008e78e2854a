namespace Collector.Core.Storage;

/// <summary>Per watchlist entry collection state, kept in the database so it survives restarts.</summary>
/// <param name="LastErrorKind">A <see cref="Platforms.PlatformErrorKind"/> name, or null after a success.</param>
public sealed record CollectionStateRecord(
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    string? LastErrorKind,
    string? LastError,
    DateTimeOffset? NextAttemptAt);
