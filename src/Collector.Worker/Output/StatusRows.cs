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
    private readonly Dictionary<string, Dictionary<string, int>> _firstIndex = new(StringComparer.Ordinal);

    /// <summary>The next account with the same key, or -1; only a hand-built document can list one twice.</summary>
    private readonly int[] _nextSameKey;

    private readonly Dictionary<string, PlatformStateRecord> _paused;
    private readonly DateTimeOffset _now;

    /// <param name="platforms">Platforms paused as a whole; their accounts show the platform's pause.</param>
    /// <param name="now">The instant pauses are judged against (a next attempt in the past is no pause).</param>
    public StatusRows(WatchlistDocument watchlist, IReadOnlyList<PlatformStateRecord>? platforms = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        _accounts = watchlist.Accounts;
        _nextSameKey = new int[_accounts.Count];
        _paused = (platforms ?? []).ToDictionary(static p => p.Platform, StringComparer.Ordinal);
        _now = now ?? DateTimeOffset.MinValue;
        Index();
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
            for (var index = FirstIndexOf(record); index >= 0; index = _nextSameKey[index])
            {
                rows[index] = Row(index, record);
            }
        }

        for (var index = 0; index < rows.Length; index++)
        {
            rows[index] ??= Row(index, null);
        }

        return rows!;
    }

    /// <summary>The first account <paramref name="record"/> belongs to, or -1 when the watchlist no longer has it.</summary>
    public int FirstIndexOf(AccountStatusRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _firstIndex.TryGetValue(record.Platform, out var keys) && keys.TryGetValue(record.WatchKey, out var index) ? index : -1;
    }

    /// <summary>The next account after <paramref name="index"/> with the same key, or -1.</summary>
    public int NextIndexOf(int index) => _nextSameKey[index];

    /// <summary>The row of account <paramref name="index"/> with its record; safe to call from several threads.</summary>
    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StatusRow Row(int index, AccountStatusRecord? record)
    {
        var account = _accounts[index];
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

    /// <summary>
    /// One ordinal string dictionary per platform: over 100,000 accounts, hashing one string with the dictionary's
    /// fast ordinal comparer costs a fraction of hashing a tuple of two with the default one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Index()
    {
        for (var index = 0; index < _accounts.Count; index++)
        {
            var account = _accounts[index];
            _nextSameKey[index] = -1;
            if (!_firstIndex.TryGetValue(account.Platform, out var keys))
            {
                keys = new Dictionary<string, int>(StringComparer.Ordinal);
                _firstIndex.Add(account.Platform, keys);
            }

            if (!keys.TryAdd(account.Key, index))
            {
                // A repeated key: chained after the last account with it.
                var last = keys[account.Key];
                while (_nextSameKey[last] >= 0)
                {
                    last = _nextSameKey[last];
                }

                _nextSameKey[last] = index;
            }
        }
    }
}
