using System.Collections;
using System.Runtime.CompilerServices;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Storage;
using Collector.Core.Watchlist;

namespace Collector.Worker.Output;

/// <summary>
/// Joins the watchlist with what the database knows: one row per watched account, tier from its band, growth from
/// the points the record carries.
/// </summary>
internal static class StatusBuilder
{
    /// <param name="platforms">Platforms paused as a whole; their accounts show the platform's pause.</param>
    /// <param name="now">The instant pauses are judged against (a next attempt in the past is no pause).</param>
    public static IReadOnlyList<StatusRow> Build(
        WatchlistDocument watchlist,
        IReadOnlyList<AccountStatusRecord> records,
        IReadOnlyList<PlatformStateRecord>? platforms = null,
        DateTimeOffset? now = null) => [.. Rows(watchlist, records, platforms, now)];

    /// <summary>
    /// The rows of <see cref="Build"/> in the same order, each built when it is read (and again if read again), so a
    /// writer can build and format them on several threads without ever holding them all (100,000 rows for a large
    /// watchlist). Reading rows from several threads at once is safe.
    /// </summary>
    /// <inheritdoc cref="Build" path="/param"/>
    public static IReadOnlyList<StatusRow> Rows(
        WatchlistDocument watchlist,
        IReadOnlyList<AccountStatusRecord> records,
        IReadOnlyList<PlatformStateRecord>? platforms = null,
        DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        ArgumentNullException.ThrowIfNull(records);
        var byKey = new WatchEntryLookup<AccountStatusRecord>();
        foreach (var record in records)
        {
            byKey.Set(record.Platform, record.WatchKey, record);
        }

        var paused = (platforms ?? []).ToDictionary(static p => p.Platform, StringComparer.Ordinal);
        return new LazyRows(watchlist.Accounts, byKey, paused, now ?? DateTimeOffset.MinValue);
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static StatusRow Row(WatchedAccount account, AccountStatusRecord? record, PlatformStateRecord? platform, DateTimeOffset now)
    {
        var latest = record?.Latest;
        var state = record?.State;
        var growth = latest is not null && record!.GrowthPoints.Count > 0
            ? GrowthView.From(GrowthCalculator.Summarize(record.GrowthPoints, account.Band))
            : null;
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
            growth,
            pause?.Until,
            pause?.Reason);
    }

    private sealed class LazyRows(
        IReadOnlyList<WatchedAccount> accounts,
        WatchEntryLookup<AccountStatusRecord> records,
        Dictionary<string, PlatformStateRecord> paused,
        DateTimeOffset now) : IReadOnlyList<StatusRow>
    {
        public int Count => accounts.Count;

        public StatusRow this[int index]
        {
            get
            {
                var account = accounts[index];
                return Row(account, records.Find(account.Platform, account.Key), paused.GetValueOrDefault(account.Platform), now);
            }
        }

        public IEnumerator<StatusRow> GetEnumerator()
        {
            for (var i = 0; i < accounts.Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
