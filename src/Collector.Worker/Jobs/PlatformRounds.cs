namespace Collector.Worker.Jobs;

/// <summary>One platform's scheduled rounds since start.</summary>
/// <param name="ConsecutiveFailures">Rounds in a row that collected nothing because of failures.</param>
/// <param name="LastError">Why the latest failed round failed; null after a successful round.</param>
internal sealed record PlatformRounds(
    DateTimeOffset? LastRoundAt,
    DateTimeOffset? LastSuccessfulRoundAt,
    int ConsecutiveFailures,
    string? LastError)
{
    public static PlatformRounds None { get; } = new(null, null, 0, null);
}
