using System.Data.Common;
using System.Globalization;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.YouTube;

/// <summary>
/// YouTube's daily unit quota, counted in the database (<see cref="IQuotaLedger"/>) so that a restart, or the CLI
/// next to the worker, knows what today already cost. A request is paid for before it is sent, because Google
/// charges every request it receives, failed ones included; once the day's units are gone, requests are refused
/// with QuotaExceeded until midnight Pacific. One instance per container: the typed clients are transient.
/// </summary>
internal sealed partial class YouTubeQuota(IQuotaLedger ledger, IOptions<YouTubeOptions> options, TimeProvider time, ILogger<YouTubeQuota> logger)
{
    /// <summary>channels.list, playlistItems.list and videos.list each cost 1 unit (developers.google.com/youtube/v3/determine_quota_cost).</summary>
    public const int UnitsPerRequest = 1;

    private readonly int _limit = options.Value.DailyQuotaUnits;

    /// <summary>Pays for one request now, or throws QuotaExceeded (RetryAt: next midnight Pacific) without paying.</summary>
    public async Task SpendAsync(int units, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = PacificQuotaDay.Of(now);
        bool granted;
        try
        {
            granted = await ledger.TrySpendAsync(PlatformKeys.YouTube, day, units, _limit, now, cancellationToken);
        }
        catch (DbException ex)
        {
            // Sending without recording could overspend; the request fails instead, and the round goes on.
            throw new PlatformException(
                new PlatformError(PlatformErrorKind.Unavailable, "youtube: the quota count could not be updated in the database: " + SafeText.Clip(ex.Message)), ex);
        }

        if (granted)
        {
            return;
        }

        var usage = await ledger.GetAsync(PlatformKeys.YouTube, day, cancellationToken);
        var retryAt = PacificQuotaDay.NextReset(now);
        var why = usage.ExhaustedAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"YouTube reported the quota spent at {at:O}")
            : string.Create(CultureInfo.InvariantCulture, $"{usage.Units} of {_limit} daily units used");
        LogQuotaSpent(day, why, retryAt);
        throw new PlatformException(new PlatformError(
            PlatformErrorKind.QuotaExceeded,
            string.Create(CultureInfo.InvariantCulture, $"youtube: daily quota spent for {day:yyyy-MM-dd} (Pacific): {why}; resuming at {retryAt:O}"),
            retryAt));
    }

    /// <summary>
    /// Records YouTube's own "quota exceeded" (the project's quota may be shared, or our count may have started late)
    /// so no request is sent until the next Pacific day, and returns <paramref name="error"/> with that RetryAt.
    /// </summary>
    public async Task<PlatformError> RecordExhaustedAsync(PlatformError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var day = PacificQuotaDay.Of(now);
        var retryAt = PacificQuotaDay.NextReset(now);
        try
        {
            await ledger.MarkExhaustedAsync(PlatformKeys.YouTube, day, now, cancellationToken);
        }
        catch (DbException)
        {
            // Not remembered across a restart then; the next request would be refused by YouTube again, at 1 unit.
        }

        LogQuotaSpent(day, "YouTube answered quotaExceeded", retryAt);
        return error with { RetryAt = retryAt };
    }

    /// <summary>Today's usage (Pacific quota day), for health and metrics.</summary>
    public Task<QuotaUsage> GetTodayAsync(CancellationToken cancellationToken) =>
        ledger.GetAsync(PlatformKeys.YouTube, PacificQuotaDay.Of(time.GetUtcNow()), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube quota for {Day} is spent ({Reason}); no YouTube requests until {ResetAt}")]
    private partial void LogQuotaSpent(DateOnly day, string reason, DateTimeOffset resetAt);
}
