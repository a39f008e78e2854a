using Collector.Core.Notifications;
using Collector.Storage.Notifications;

namespace Collector.Storage.Tests.Notifications;

public sealed class OutboxTests : StoreTestBase
{
    private static readonly NotificationEvent Event = new(EventKinds.PlatformUnhealthy, "platform_unhealthy:bluesky:1", new DateTimeOffset(2025, 3, 1, 6, 0, 0, TimeSpan.Zero))
    {
        Platform = "bluesky",
        Detail = "5 failures in a row",
    };

    private SqliteNotificationOutbox Outbox => new(new SqliteConnectionFactory(Database.Path), Clock);

    [Fact]
    public async Task Enqueue_TheSameEventTwice_QueuesItOncePerWebhook()
    {
        await Outbox.EnqueueAsync([new("wh-1", Event), new("wh-2", Event)], CancellationToken.None);
        await Outbox.EnqueueAsync([new("wh-1", Event)], CancellationToken.None);

        Assert.Equal(2L, await Database.CountAsync("notification_outbox"));
    }

    [Fact]
    public async Task Lease_HandsARowToOneDispatcherUntilTheLeaseExpires_AndRoundTripsThePayload()
    {
        await Outbox.EnqueueAsync([new("wh-1", Event)], CancellationToken.None);
        var now = Clock.GetUtcNow();

        var first = await Outbox.LeaseDueAsync(now, now.AddMinutes(2), ["wh-1"], 10, CancellationToken.None);
        var second = await Outbox.LeaseDueAsync(now, now.AddMinutes(2), ["wh-1"], 10, CancellationToken.None);
        var afterExpiry = await Outbox.LeaseDueAsync(now.AddMinutes(3), now.AddMinutes(5), ["wh-1"], 10, CancellationToken.None);

        Assert.Equal(Event, Assert.Single(first).Event);
        Assert.Empty(second);
        Assert.Single(afterExpiry);
    }

    [Fact]
    public async Task Lease_SkipsOtherWebhooks_RowsNotYetDue_AndSettledRows()
    {
        var now = Clock.GetUtcNow();
        await Outbox.EnqueueAsync([new("wh-1", Event), new("wh-2", Event), new("wh-3", Event)], CancellationToken.None);
        var rows = await Outbox.LeaseDueAsync(now, now, ["wh-1", "wh-2", "wh-3"], 10, CancellationToken.None);
        await Outbox.MarkDeliveredAsync(rows[0].Id, now, CancellationToken.None);
        await Outbox.MarkFailedAsync(rows[1].Id, 1, now, now.AddSeconds(30), "HTTP 500", CancellationToken.None);
        await Outbox.MarkFailedAsync(rows[2].Id, 1, now, null, "HTTP 404", CancellationToken.None);

        Assert.Empty(await Outbox.LeaseDueAsync(now.AddSeconds(10), now.AddMinutes(2), ["wh-1", "wh-2", "wh-3"], 10, CancellationToken.None));
        Assert.Empty(await Outbox.LeaseDueAsync(now.AddMinutes(1), now.AddMinutes(2), ["wh-1"], 10, CancellationToken.None));
        var retried = Assert.Single(await Outbox.LeaseDueAsync(now.AddMinutes(1), now.AddMinutes(2), ["wh-1", "wh-2", "wh-3"], 10, CancellationToken.None));
        Assert.Equal(("wh-2", 1), (retried.WebhookId, retried.Attempts));
    }
}
