namespace Collector.Core.Notifications;

/// <summary>
/// The notification outbox: rows are added in the same transaction as what they announce (or on their own, for
/// events that are not tied to snapshots), then delivered by <see cref="NotificationDispatcher"/>.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Adds the entries; an entry whose (webhook, event id) is already in the outbox is ignored.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="limit"/> undelivered rows that are due at <paramref name="now"/>, not leased by
    /// another dispatcher, and addressed to one of <paramref name="webhookIds"/>, until <paramref name="leaseUntil"/>.
    /// A lease that is never settled (the process died mid-send) expires and the row is tried again.
    /// </summary>
    Task<IReadOnlyList<PendingNotification>> LeaseDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, IReadOnlyCollection<string> webhookIds, int limit, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <param name="nextAttemptAt">Null: no further attempt (given up).</param>
    Task MarkFailedAsync(long id, int attempts, DateTimeOffset at, DateTimeOffset? nextAttemptAt, string error, CancellationToken cancellationToken);
}
