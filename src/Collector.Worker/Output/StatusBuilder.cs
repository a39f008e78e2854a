using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Storage;
using Collector.Core.Watchlist;

namespace Collector.Worker.Output;

/// <summary>Joins the watchlist with what the database knows: one row per watched account, tier from its band.</summary>
internal static class StatusBuilder
{
    /// <param name="growth">Growth per account id (accounts without one get a null <c>growth</c>).</param>
    public static IReadOnlyList<StatusRow> Build(
        WatchlistDocument watchlist, IReadOnlyList<AccountStatusRecord> records, IReadOnlyDictionary<long, GrowthSummary>? growth = null)
    {
        var byKey = new Dictionary<(string, string), AccountStatusRecord>();
        foreach (var record in records)
        {
            byKey[(record.Platform, record.WatchKey)] = record;
        }

        return [.. watchlist.Accounts.Select(account => Row(account, byKey.GetValueOrDefault((account.Platform, account.Key)), growth))];
    }

    private static StatusRow Row(WatchedAccount account, AccountStatusRecord? record, IReadOnlyDictionary<long, GrowthSummary>? growth)
    {
        var summary = record?.AccountId is { } id && growth?.GetValueOrDefault(id) is { } found ? GrowthView.From(found) : null;
        var latest = record?.Latest;
        var state = record?.State;
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
            summary);
    }
}
