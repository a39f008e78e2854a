using Collector.Core.Analytics;
using Collector.Core.Bands;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Bands;

/// <summary>
/// Writes an analysed account's band state in the transaction its connection has open: once per account of every
/// batch, so compiled once for the connection and bound by index through SQLitePCL.raw.
/// </summary>
internal sealed class BandStateWriter : IDisposable
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

    private readonly RawStatement _upsertState;
    private readonly int _accountId;
    private readonly int _confirmed;
    private readonly int _pending;
    private readonly int _count;
    private readonly int _cursor;
    private readonly int _expected;
    private readonly int _now;

    public BandStateWriter(SqliteConnection connection)
    {
        _upsertState = new RawStatement(connection, UpsertStateSql);
        _accountId = _upsertState.IndexOf("$account_id");
        _confirmed = _upsertState.IndexOf("$confirmed");
        _pending = _upsertState.IndexOf("$pending");
        _count = _upsertState.IndexOf("$count");
        _cursor = _upsertState.IndexOf("$cursor");
        _expected = _upsertState.IndexOf("$expected");
        _now = _upsertState.IndexOf("$now");
    }

    /// <returns>False when the saved cursor is no longer the one the update was computed from.</returns>
    public bool Write(AnalysisUpdate update, DateTimeOffset now)
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

    public void Dispose() => _upsertState.Dispose();
}
