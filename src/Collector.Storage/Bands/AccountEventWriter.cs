using System.Globalization;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Storage.Collection;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Bands;

/// <summary>Writes band states and account events inside the analysis transaction, statements prepared once.</summary>
internal sealed class AccountEventWriter : IAsyncDisposable
{
    // Compare-and-set on the cursor: the update applies only over the state it was computed from.
    private const string UpsertStateSql = """
        INSERT INTO band_states (account_id, confirmed_tier, pending_tier, pending_count, last_snapshot_id, updated_at)
        VALUES ($account_id, $confirmed, $pending, $count, $cursor, $now)
        ON CONFLICT (account_id) DO UPDATE SET
            confirmed_tier = excluded.confirmed_tier,
            pending_tier = excluded.pending_tier,
            pending_count = excluded.pending_count,
            last_snapshot_id = excluded.last_snapshot_id,
            updated_at = excluded.updated_at
        WHERE band_states.last_snapshot_id = $expected;
        """;

    private const string InsertEventSql = """
        INSERT INTO account_events (
            account_id, kind, event_key, at, from_tier, to_tier, followers, engagement_rate,
            min_followers, max_followers, min_engagement_rate, confirm_snapshots,
            spike_day, spike_change, spike_expected, spike_threshold)
        VALUES (
            $account_id, $kind, $key, $at, $from, $to, $followers, $engagement_rate,
            $min_followers, $max_followers, $min_engagement_rate, $confirm_snapshots,
            $spike_day, $spike_change, $spike_expected, $spike_threshold)
        ON CONFLICT (event_key) DO NOTHING;
        """;

    private readonly SqliteCommand _upsertState;
    private readonly SqliteCommand _insertEvent;

    public AccountEventWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _upsertState = PreparedCommand.Create(connection, transaction, UpsertStateSql);
        _insertEvent = PreparedCommand.Create(connection, transaction, InsertEventSql);
    }

    /// <returns>False when the saved cursor is no longer the one the update was computed from.</returns>
    public async Task<bool> WriteStateAsync(AnalysisUpdate update, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _upsertState.Bind("$account_id", update.AccountId)
            .Bind("$confirmed", update.State.Confirmed?.ToWire())
            .Bind("$pending", update.State.Pending?.ToWire())
            .Bind("$count", update.State.PendingCount)
            .Bind("$cursor", update.Cursor)
            .Bind("$expected", update.ExpectedCursor)
            .Bind("$now", SqliteInstant.ToStored(now));
        return await _upsertState.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task WriteEventAsync(AccountEvent accountEvent, CancellationToken cancellationToken)
    {
        var band = accountEvent.Band;
        var spike = accountEvent.Spike;
        _insertEvent.Bind("$account_id", accountEvent.AccountId)
            .Bind("$kind", accountEvent.Kind)
            .Bind("$key", accountEvent.Key)
            .Bind("$at", SqliteInstant.ToStored(accountEvent.At))
            .Bind("$from", accountEvent.From?.ToWire())
            .Bind("$to", accountEvent.To?.ToWire())
            .Bind("$followers", accountEvent.Followers)
            .Bind("$engagement_rate", accountEvent.EngagementRate)
            .Bind("$min_followers", band.MinFollowers)
            .Bind("$max_followers", band.MaxFollowers)
            .Bind("$min_engagement_rate", band.MinEngagementRate)
            .Bind("$confirm_snapshots", band.ConfirmSnapshots)
            .Bind("$spike_day", spike?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Bind("$spike_change", spike?.Change)
            .Bind("$spike_expected", spike?.Expected)
            .Bind("$spike_threshold", spike?.Threshold);
        await _insertEvent.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _upsertState.DisposeAsync();
        await _insertEvent.DisposeAsync();
    }
}
