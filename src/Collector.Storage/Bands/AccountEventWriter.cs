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

    // Once per analysed account, so bound by index through SQLitePCL.raw; events are rare and stay on a command.
    private readonly RawStatement _upsertState;
    private readonly int _accountId;
    private readonly int _confirmed;
    private readonly int _pending;
    private readonly int _count;
    private readonly int _cursor;
    private readonly int _expected;
    private readonly int _now;
    private readonly PreparedStatement _insertEvent;

    public AccountEventWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _upsertState = new RawStatement(connection, UpsertStateSql);
        _accountId = _upsertState.IndexOf("$account_id");
        _confirmed = _upsertState.IndexOf("$confirmed");
        _pending = _upsertState.IndexOf("$pending");
        _count = _upsertState.IndexOf("$count");
        _cursor = _upsertState.IndexOf("$cursor");
        _expected = _upsertState.IndexOf("$expected");
        _now = _upsertState.IndexOf("$now");
        _insertEvent = new PreparedStatement(connection, InsertEventSql, transaction);
    }

    /// <returns>False when the saved cursor is no longer the one the update was computed from.</returns>
    public bool WriteState(AnalysisUpdate update, DateTimeOffset now)
    {
        _upsertState.Bind(_accountId, update.AccountId);
        _upsertState.Bind(_confirmed, update.State.Confirmed?.ToWire());
        _upsertState.Bind(_pending, update.State.Pending?.ToWire());
        _upsertState.Bind(_count, update.State.PendingCount);
        _upsertState.Bind(_cursor, update.Cursor);
        _upsertState.Bind(_expected, update.ExpectedCursor);
        _upsertState.Bind(_now, SqliteInstant.ToStored(now));
        return _upsertState.Execute() == 1;
    }

    public async Task WriteEventAsync(AccountEvent accountEvent, CancellationToken cancellationToken)
    {
        var band = accountEvent.Band;
        var spike = accountEvent.Spike;
        _insertEvent.Set("$account_id", accountEvent.AccountId)
            .Set("$kind", accountEvent.Kind)
            .Set("$key", accountEvent.Key)
            .Set("$at", SqliteInstant.ToStored(accountEvent.At))
            .Set("$from", accountEvent.From?.ToWire())
            .Set("$to", accountEvent.To?.ToWire())
            .Set("$followers", accountEvent.Followers)
            .Set("$engagement_rate", accountEvent.EngagementRate)
            .Set("$min_followers", band.MinFollowers)
            .Set("$max_followers", band.MaxFollowers)
            .Set("$min_engagement_rate", band.MinEngagementRate)
            .Set("$confirm_snapshots", band.ConfirmSnapshots)
            .Set("$spike_day", spike?.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Set("$spike_change", spike?.Change)
            .Set("$spike_expected", spike?.Expected)
            .Set("$spike_threshold", spike?.Threshold);
        await _insertEvent.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _upsertState.Dispose();
        _insertEvent.Dispose();
        return ValueTask.CompletedTask;
    }
}
