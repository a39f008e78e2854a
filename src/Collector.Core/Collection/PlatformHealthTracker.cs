using Collector.Core.Notifications;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Collector.Core.Collection;

/// <summary>
/// Turns the end of a round into the platform's health: a platform-level failure (refused credential, quota, rate
/// limit, every account failing for the platform's reasons) is recorded once as the platform's state with its own
/// back-off, and <c>platform_unhealthy</c> / <c>platform_recovered</c> are raised once per episode.
/// </summary>
public sealed partial class PlatformHealthTracker(
    IPlatformStateStore states,
    TimeProvider time,
    ILogger<PlatformHealthTracker> logger,
    NotificationPublisher? publisher = null)
{
    /// <param name="stopped">The error that stopped the round for the whole platform, if any.</param>
    public async Task RecordRoundAsync(CollectionReport report, PlatformError? stopped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failure = stopped ?? EveryAccountFailed(report);
        if (failure is null && report.Collected == 0)
        {
            // Nothing was learned about the platform (say, every handle is unknown): keep whatever state it has.
            return;
        }

        var now = time.GetUtcNow();
        var previous = await states.GetAsync(report.Platform, cancellationToken);
        if (failure is null)
        {
            if (previous is not null)
            {
                await states.ClearAsync(report.Platform, cancellationToken);
                LogRecovered(report.Platform, previous.Since);
                await PublishAsync(EventKinds.PlatformRecovered, report.Platform, previous.Since, now,
                    $"{report.Platform} is collecting again after {previous.ConsecutiveFailures} failed round(s) ({previous.Reason}: {previous.Message})",
                    cancellationToken);
            }

            return;
        }

        var count = (previous?.ConsecutiveFailures ?? 0) + 1;
        var backoff = now + BackoffSchedule.Delay(count);
        var until = failure.RetryAt is { } retryAt && retryAt > backoff ? retryAt : backoff;
        var state = new PlatformStateRecord(report.Platform, failure.Kind.ToString(), failure.Message, previous?.Since ?? now, until, count);
        await states.SaveAsync(state, cancellationToken);
        LogUnhealthy(report.Platform, failure.Kind, failure.Message, until);
        if (previous is null)
        {
            await PublishAsync(EventKinds.PlatformUnhealthy, report.Platform, now, now,
                $"{failure.Kind}: {failure.Message}; paused until {until:yyyy-MM-dd HH:mm'Z'}", cancellationToken);
        }
    }

    /// <summary>
    /// The platform's failure when not one account was collected and every failure was the platform's (not an
    /// unknown, suspended or protected account); null otherwise.
    /// </summary>
    private static PlatformError? EveryAccountFailed(CollectionReport report)
    {
        if (report.Collected > 0)
        {
            return null;
        }

        var errors = report.Results
            .Where(static r => r.Outcome is CollectionOutcome.Failed or CollectionOutcome.Deferred)
            .Select(static r => r.Error)
            .ToList();
        return errors.Count > 0 && errors.All(static e => e is { IsAccountLevel: false }) ? errors[0] : null;
    }

    private async Task PublishAsync(
        string kind, string platform, DateTimeOffset since, DateTimeOffset at, string detail, CancellationToken cancellationToken)
    {
        if (publisher is null)
        {
            return;
        }

        // The id names the episode (platform and its first failing round): a repeat of the same episode queues nothing.
        var id = $"{kind}:{platform}:{since.ToUnixTimeMilliseconds()}";
        await publisher.PublishAsync([new NotificationEvent(kind, id, at) { Platform = platform, Detail = detail }], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} is unhealthy ({Kind}: {Error}); paused until {Until}")]
    private partial void LogUnhealthy(string platform, PlatformErrorKind kind, string error, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} recovered (unhealthy since {Since})")]
    private partial void LogRecovered(string platform, DateTimeOffset since);
}
