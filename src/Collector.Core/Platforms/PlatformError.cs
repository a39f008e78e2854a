namespace Collector.Core.Platforms;

/// <summary>A failure as data: what kind, a message safe to log and store (never a secret), and when to try again.</summary>
public sealed record PlatformError(PlatformErrorKind Kind, string Message, DateTimeOffset? RetryAt = null)
{
    /// <summary>True for failures that concern one account, not the platform (not found, suspended, protected).</summary>
    public bool IsAccountLevel => Kind is PlatformErrorKind.NotFound or PlatformErrorKind.Suspended or PlatformErrorKind.Protected;

    /// <summary>
    /// The part of the platform the failure is confined to, e.g. one Mastodon instance; null means the whole platform.
    /// A rate limit or refused credential with a scope stops only that part: the round goes on for the others.
    /// </summary>
    public string? Scope { get; init; }

    public override string ToString() => $"{Kind}: {Message}";
}
