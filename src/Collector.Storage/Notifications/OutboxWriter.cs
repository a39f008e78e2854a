using System.Text.Json;
using Collector.Core.Notifications;
using Collector.Storage.Collection;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Notifications;

/// <summary>Adds outbox rows inside the caller's transaction (with the events they announce, or on their own).</summary>
internal sealed class OutboxWriter : IDisposable
{
    // A row already queued for this (webhook, event) stays as it is: delivered, pending or given up.
    private const string InsertSql = """
        INSERT INTO notification_outbox (webhook_id, event_id, kind, payload, created_at, next_attempt_at)
        VALUES ($webhook_id, $event_id, $kind, $payload, $now, $now)
        ON CONFLICT (webhook_id, event_id) DO NOTHING;
        """;

    private readonly PreparedStatement _insert;

    public OutboxWriter(SqliteConnection connection, SqliteTransaction transaction) =>
        _insert = new PreparedStatement(connection, InsertSql, transaction);

    /// <returns>True when the row is new.</returns>
    /// <remarks>Synchronous: SQLite does the work on the calling thread whatever API is called.</remarks>
    public bool Write(OutboxEntry entry, DateTimeOffset now)
    {
        _insert.Set("$webhook_id", entry.WebhookId)
            .Set("$event_id", entry.Event.Id)
            .Set("$kind", entry.Event.Kind)
            .Set("$payload", JsonSerializer.Serialize(entry.Event, OutboxJsonContext.Default.NotificationEvent))
            .Set("$now", SqliteInstant.ToStored(now));
        return _insert.Command.ExecuteNonQuery() == 1;
    }

    public void Dispose() => _insert.Dispose();
}
