using System.Text.Json;
using Collector.Core.Notifications;

namespace Collector.Storage.Notifications;

/// <summary>The notification outbox on SQLite.</summary>
internal sealed class SqliteNotificationOutbox(SqliteConnectionFactory connections, TimeProvider time) : INotificationOutbox
{
    // One statement picks and leases, under the write lock of its transaction, so two dispatchers (the worker and a
    // CLI collect) never lease the same row.
    internal const string LeaseSql = """
        UPDATE notification_outbox
           SET lease_until = $lease_until
         WHERE id IN (SELECT id
                        FROM notification_outbox
                       WHERE next_attempt_at IS NOT NULL
                         AND next_attempt_at <= $now
                         AND (lease_until IS NULL OR lease_until <= $now)
                         AND webhook_id IN (SELECT value FROM json_each($webhook_ids))
                       ORDER BY id
                       LIMIT $limit)
        RETURNING id, webhook_id, attempts, payload;
        """;

    private const string DeliveredSql = """
        UPDATE notification_outbox
           SET delivered_at = $at, last_attempt_at = $at, next_attempt_at = NULL, lease_until = NULL, last_error = NULL
         WHERE id = $id;
        """;

    private const string FailedSql = """
        UPDATE notification_outbox
           SET attempts = $attempts, last_attempt_at = $at, next_attempt_at = $next, lease_until = NULL, last_error = $error
         WHERE id = $id;
        """;

    public async Task EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        using (var writer = new OutboxWriter(connection, transaction))
        {
            var now = time.GetUtcNow();
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(entry, now);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingNotification>> LeaseDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, IReadOnlyCollection<string> webhookIds, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = LeaseSql;
        command.Parameters.AddWithValue("$now", SqliteInstant.ToStored(now));
        command.Parameters.AddWithValue("$lease_until", SqliteInstant.ToStored(leaseUntil));
        command.Parameters.AddWithValue("$webhook_ids", JsonSerializer.Serialize(webhookIds));
        command.Parameters.AddWithValue("$limit", limit);

        var leased = new List<PendingNotification>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var notification = JsonSerializer.Deserialize(reader.GetString(3), OutboxJsonContext.Default.NotificationEvent)!;
                leased.Add(new PendingNotification(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), notification));
            }
        }

        await transaction.CommitAsync(cancellationToken);

        // RETURNING gives no order; oldest first keeps a webhook's events in the order they happened.
        return [.. leased.OrderBy(static n => n.Id)];
    }

    public Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(DeliveredSql, cancellationToken, ("$id", id), ("$at", SqliteInstant.ToStored(at)));

    public Task MarkFailedAsync(
        long id, int attempts, DateTimeOffset at, DateTimeOffset? nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            FailedSql,
            cancellationToken,
            ("$id", id),
            ("$attempts", attempts),
            ("$at", SqliteInstant.ToStored(at)),
            ("$next", SqliteInstant.ToParameter(nextAttemptAt)),
            ("$error", error));

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
