using System.Globalization;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Bands;

/// <summary>The read side of <c>flags</c> on SQLite.</summary>
internal sealed class SqliteAccountEventReader(SqliteConnectionFactory connections) : IAccountEventReader
{
    internal const string EventsSql = """
        SELECT a.platform, a.handle, a.platform_id,
               e.account_id, e.kind, e.event_key, e.at, e.from_tier, e.to_tier, e.followers, e.engagement_rate,
               e.min_followers, e.max_followers, e.min_engagement_rate, e.confirm_snapshots,
               e.spike_day, e.spike_change, e.spike_expected, e.spike_threshold
          FROM account_events AS e
          JOIN accounts AS a ON a.id = e.account_id
         WHERE e.at >= $since
         ORDER BY e.at DESC, e.id DESC;
        """;

    public async Task<IReadOnlyList<AccountEventRecord>> GetEventsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = EventsSql;
        command.Parameters.AddWithValue("$since", SqliteInstant.ToStored(since ?? DateTimeOffset.MinValue));

        var records = new List<AccountEventRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AccountEventRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), ReadEvent(reader)));
        }

        return records;
    }

    private static AccountEvent ReadEvent(SqliteDataReader reader)
    {
        var band = new BandSettings(reader.GetInt64(11), reader.GetInt64(12), reader.GetDouble(13), reader.GetInt32(14));
        Spike? spike = null;
        if (reader.GetNullableString(15) is { } day)
        {
            spike = new Spike(
                DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetInstant(6),
                reader.GetNullableInt64(9) ?? 0,
                reader.GetNullableInt64(16) ?? 0,
                reader.GetNullableDouble(17) ?? 0,
                reader.GetNullableDouble(18) ?? 0);
        }

        return new AccountEvent(
            AccountId: reader.GetInt64(3),
            Kind: reader.GetString(4),
            Key: reader.GetString(5),
            At: reader.GetInstant(6),
            From: reader.GetNullableString(7) is { } from ? TierNames.Parse(from) : null,
            To: reader.GetNullableString(8) is { } to ? TierNames.Parse(to) : null,
            Followers: reader.GetNullableInt64(9),
            EngagementRate: reader.GetNullableDouble(10),
            Band: band,
            Spike: spike);
    }
}
