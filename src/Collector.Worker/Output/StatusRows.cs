using System.Runtime.CompilerServices;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Storage;
using Collector.Core.Watchlist;

namespace Collector.Worker.Output;

/// <summary>
/// The rows of <c>status</c>, one per watched account in watchlist order: joins each account with what the database
/// knows of it (tier from its band, growth from the points its record carries). A record is matched to its account by
/// (platform, watch key), so the rows can be built as the records arrive, in whatever order the database numbered its
/// entries, and from several threads at once.
/// </summary>
internal sealed class StatusRows
{
    private readonly IReadOnlyList<WatchedAccount> _accounts;
    private readonly AccountKeyIndex _index;
    private readonly Dictionary<string, PlatformStateRecord> _paused;
    private readonly DateTimeOffset _now;

    /// <param name="platforms">Platforms paused as a whole; their accounts show the platform's pause.</param>
    /// <param name="now">The instant pauses are judged against (a next attempt in the past is no pause).</param>
    public StatusRows(WatchlistDocument watchlist, IReadOnlyList<PlatformStateRecord>? platforms = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        _accounts = watchlist.Accounts;
        _index = new AccountKeyIndex(watchlist);
        _paused = (platforms ?? []).ToDictionary(static p => p.Platform, StringComparer.Ordinal);
        _now = now ?? DateTimeOffset.MinValue;
    }

    public int Count => _accounts.Count;

    /// <summary>Every row, each with its account's record (the last of any two with the same key) or none.</summary>
    public IReadOnlyList<StatusRow> Build(IReadOnlyList<AccountStatusRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = new StatusRow?[Count];
        for (var r = 0; r < records.Count; r++)
        {
            var record = records[r];
            foreach (var (position, account) in AccountsOf(record))
            {
                rows[position] = Row(account, record);
            }
        }

        for (var index = 0; index < rows.Length; index++)
        {
            rows[index] ??= Row(index, null);
        }

        return rows!;
    }

    /// <summary>
    /// The accounts <paramref name="record"/> belongs to, with their positions: none when the watchlist no longer has
    /// it, one otherwise (a document built in code may list a key twice).
    /// </summary>
    public AccountKeyIndex.Matches AccountsOf(AccountStatusRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _index.Find(record.Platform, record.WatchKey);
    }

    /// <summary>The row of the account at <paramref name="position"/>, with its record if any.</summary>
    public StatusRow Row(int position, AccountStatusRecord? record) => Row(_accounts[position], record);

    /// <summary>The row of <paramref name="account"/> with its record; safe to call from several threads.</summary>
    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StatusRow Row(WatchedAccount account, AccountStatusRecord? record)
    {
        var latest = record?.Latest;
        var state = record?.State;
        var growth = latest is not null && record!.GrowthPoints.Count > 0
            ? GrowthView.From(GrowthCalculator.Summarize(record.GrowthPoints, account.Band))
            : null;
        var pause = PauseView.Of(state, _paused.GetValueOrDefault(account.Platform), _now);
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
}
