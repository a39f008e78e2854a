using System.Collections.Concurrent;
using Collector.Core.Collection;

namespace Collector.Worker.Jobs;

/// <summary>
/// How the scheduled rounds of each platform went since the worker started, for health. A round counts as failed
/// when it collected nothing and something failed or was deferred; one collected account makes it a success.
/// </summary>
internal sealed class PlatformActivity
{
    private readonly ConcurrentDictionary<string, PlatformRounds> _platforms = new(StringComparer.Ordinal);

    public PlatformRounds For(string platform) => _platforms.GetValueOrDefault(platform, PlatformRounds.None);

    public void RoundCompleted(CollectionReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failed = report.Collected == 0 && (report.Failed > 0 || report.Deferred > 0);
        var error = report.Results.FirstOrDefault(static r => r.Error is not null)?.Error;
        _platforms.AddOrUpdate(
            report.Platform,
            static (_, arg) => Next(PlatformRounds.None, arg.failed, arg.at, arg.message),
            static (_, old, arg) => Next(old, arg.failed, arg.at, arg.message),
            (failed, at, message: error is null ? null : $"{error.Kind}: {error.Message}"));
    }

    /// <summary>A round that could not run to its end (the database failed, say).</summary>
    public void RoundFailed(string platform, string message, DateTimeOffset at) =>
        _platforms.AddOrUpdate(
            platform,
            static (_, arg) => Next(PlatformRounds.None, true, arg.at, arg.message),
            static (_, old, arg) => Next(old, true, arg.at, arg.message),
            (at, message));

    private static PlatformRounds Next(PlatformRounds old, bool failed, DateTimeOffset at, string? message) => failed
        ? old with { LastRoundAt = at, ConsecutiveFailures = old.ConsecutiveFailures + 1, LastError = message }
        : old with { LastRoundAt = at, LastSuccessfulRoundAt = at, ConsecutiveFailures = 0, LastError = null };
}
