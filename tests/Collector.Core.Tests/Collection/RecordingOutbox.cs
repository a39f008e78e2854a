using Collector.Core.Notifications;

namespace Collector.Core.Tests.Collection;

/// <summary>An outbox that keeps what was enqueued, ignoring a repeated (webhook, event id) like the real one.</summary>
internal sealed class RecordingOutbox : INotificationOutbox
{
    public List<OutboxEntry> Entries { get; } = [];

    public Task EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            if (!Entries.Exists(e => e.WebhookId == entry.WebhookId && e.Event.Id == entry.Event.Id))
            {
                Entries.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingNotification>> LeaseDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, IReadOnlyCollection<string> webhookIds, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task MarkFailedAsync(
        long id, int attempts, DateTimeOffset at, DateTimeOffset? nextAttemptAt, string error, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
