using System.Runtime.CompilerServices;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Storage;
using Collector.Core.Watchlist;

namespace Collector.Worker.Output;

/// <summary>Joins the watchlist with what the database knows: one row per watched account, tier from its band.</summary>
internal static class StatusBuilder
{
    /// <param name="growth">Growth per account id (accounts without one get a null <c>growth</c>).</param>
    /// <param name="platforms">Platforms paused as a whole; their accounts show the platform's pause.</param>
    /// <param name="now">The instant pauses are judged against (a next attempt in the past is no pause).</param>
    public static IReadOnlyList<StatusRow> Build(
        WatchlistDocument watchlist,
        IReadOnlyList<AccountStatusRecord> records,
        IReadOnlyDictionary<long, GrowthSummary>? growth = null,
        IReadOnlyList<PlatformStateRecord>? platforms = null,
        DateTimeOffset? now = null) => [.. Rows(watchlist, records, growth, platforms, now)];

    /// <summary>
    /// The rows of <see cref="Build"/> in the same order, made one at a time as they are enumerated, so a writer that
    /// streams them never holds them all (100,000 rows for a large watchlist).
    /// </summary>
    /// <inheritdoc cref="Build" path="/param"/>
    public static IEnumerable<StatusRow> Rows(
        WatchlistDocument watchlist,
        IReadOnlyList<AccountStatusRecord> records,
        IReadOnlyDictionary<long, GrowthSummary>? growth = null,
        IReadOnlyList<PlatformStateRecord>? platforms = null,
        DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        ArgumentNullException.ThrowIfNull(records);
        var paused = (platforms ?? []).ToDictionary(static p => p.Platform, StringComparer.Ordinal);
        var at = now ?? DateTimeOffset.MinValue;
        var byKey = new WatchEntryLookup<AccountStatusRecord>();
        foreach (var record in records)
        {
            byKey.Set(record.Platform, record.WatchKey, record);
        }

        return watchlist.Accounts.Select(account => Row(
            account, byKey.Find(account.Platform, account.Key), growth, paused.GetValueOrDefault(account.Platform), at));
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StatusRow Row(
        WatchedAccount account,
        AccountStatusRecord? record,
        IReadOnlyDictionary<long, GrowthSummary>? growth,
        PlatformStateRecord? platform,
        DateTimeOffset now)
    {
        var summary = record?.AccountId is { } id && growth?.GetValueOrDefault(id) is { } found ? GrowthView.From(found) : null;
        var latest = record?.Latest;
        var state = record?.State;
        var pause = PauseView.Of(state, platform, now);
        var tier = latest is null ? Tier.Unknown : TierClassifier.Classify(latest.Followers, latest.EngagementRate, account.Band);
        return new StatusRow(
            account.Platform,
            account.Handle,
            record?.Handle,
            record?.PlatformId,
            latest?.Followers,
            latest?.Following,
            latest?.Posts,
            latest?.EngagementRate,
            latest?.PostsSampled ?? 0,
            tier.ToWire(),
            latest?.CollectedAt,
            state?.LastAttemptAt,
            state?.ConsecutiveFailures ?? 0,
            state?.LastError is { } error ? $"{state.LastErrorKind}: {error}" : null,
            state?.NextAttemptAt,
            account.Tags,
            summary,
            pause?.Until,
            pause?.Reason);
    }
}
