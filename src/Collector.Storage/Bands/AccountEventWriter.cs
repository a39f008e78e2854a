using System.Globalization;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Storage.Collection;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Bands;

/// <summary>
/// Writes account events inside the analysis transaction. Events are rare (a band crossing, a spike), so the statement
/// is compiled for the transaction that has one, not kept.
/// </summary>
internal sealed class AccountEventWriter : IDisposable
{
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

    private readonly PreparedStatement _insertEvent;

    public AccountEventWriter(SqliteConnection connection, SqliteTransaction transaction) =>
        _insertEvent = new PreparedStatement(connection, InsertEventSql, transaction);

    public void Write(AccountEvent accountEvent)
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
        _insertEvent.Command.ExecuteNonQuery();
    }

    public void Dispose() => _insertEvent.Dispose();
}
