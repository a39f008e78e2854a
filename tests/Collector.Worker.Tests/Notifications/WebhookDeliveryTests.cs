using System.Text.Json;
using Collector.Core.Analytics;
using Collector.Core.Bands;
using Collector.Core.Metrics;
using Collector.Core.Notifications;
using Collector.Core.Storage;
using Collector.TestKit.Fakes;
using Collector.TestKit.Notifications;
using Collector.TestKit.Storage;
using Collector.Worker.Notifications;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Worker.Tests.Notifications;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "T0KEN-s3cr3t-abcdef";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly FakeLogCollector _logs = new();
    private readonly FakeWebhookReceiver _receiver = new();
    private TempDatabase _database = null!;

    private static NotificationEvent Entered => new(EventKinds.Entered, "7:entered:1740808800000", new DateTimeOffset(2025, 3, 1, 6, 0, 0, TimeSpan.Zero))
    {
        Platform = "bluesky",
        Handle = "alice.example.com",
        PlatformId = "did:plc:alice",
        From = "below",
        To = "band",
        Followers = 10_400,
        EngagementRate = 0.0321,
        Band = new NotificationBand(10_000, 100_000, 0, 2),
    };

    public async Task InitializeAsync()
    {
        await _receiver.StartAsync();
        _database = await TempDatabase.CreateMigratedAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Dispatch_RendersEachFormat()
    {
        using var process = Process(("/json/" + Secret, WebhookFormats.Json, null), ("/slack/" + Secret, WebhookFormats.Slack, null), ("/discord/" + Secret, WebhookFormats.Discord, null));
        await process.Publisher.PublishAsync([Entered], CancellationToken.None);

        var report = await process.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(3, 0, 0), report);
        var json = JsonDocument.Parse(Assert.Single(_receiver.DeliveriesTo("/json/" + Secret)).Body).RootElement;
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal("7:entered:1740808800000", json.GetProperty("id").GetString());
        Assert.Equal("entered", json.GetProperty("event").GetString());
        Assert.Equal("2025-03-01T06:00:00.000Z", json.GetProperty("at").GetString());
        Assert.Equal(("bluesky", "alice.example.com", "did:plc:alice"), (json.GetProperty("platform").GetString(), json.GetProperty("handle").GetString(), json.GetProperty("platformId").GetString()));
        Assert.Equal(("below", "band", 10_400L, 0.0321), (json.GetProperty("from").GetString(), json.GetProperty("to").GetString(), json.GetProperty("followers").GetInt64(), json.GetProperty("engagementRate").GetDouble()));
        Assert.Equal(10_000, json.GetProperty("band").GetProperty("minFollowers").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("spike").ValueKind);
        Assert.Contains("entered the micro-influencer band", json.GetProperty("text").GetString(), StringComparison.Ordinal);

        var slack = Assert.Single(_receiver.DeliveriesTo("/slack/" + Secret));
        Assert.StartsWith("bluesky:alice.example.com entered the micro-influencer band from below: 10,400 followers, ER 3.21%",
            JsonDocument.Parse(slack.Body).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("application/json", slack.ContentType, StringComparison.Ordinal);

        var discord = JsonDocument.Parse(Assert.Single(_receiver.DeliveriesTo("/discord/" + Secret)).Body).RootElement;
        Assert.Contains("10,400 followers", discord.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, discord.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Dispatch_SendsOnlyTheSubscribedKinds_AndEscapesSlackMarkup()
    {
        using var process = Process(("/spikes", WebhookFormats.Json, "spike"), ("/slack", WebhookFormats.Slack, "platform_unhealthy"));
        var unhealthy = new NotificationEvent(EventKinds.PlatformUnhealthy, "u1", _clock.GetUtcNow()) { Platform = "bluesky", Detail = "<!channel> 5 failures & counting" };

        await process.Publisher.PublishAsync([Entered, unhealthy], CancellationToken.None);
        await process.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Empty(_receiver.DeliveriesTo("/spikes"));
        var text = JsonDocument.Parse(Assert.Single(_receiver.DeliveriesTo("/slack")).Body).RootElement.GetProperty("text").GetString();
        Assert.Equal("Platform bluesky is unhealthy: &lt;!channel&gt; 5 failures &amp; counting", text);
    }

    [Fact]
    public async Task Dispatch_AfterA500_RetriesWithBackOffAndThenDelivers()
    {
        using var process = Process(("/hook/" + Secret, WebhookFormats.Json, null));
        _receiver.InjectFault(FakeFault.Status(500), "/hook/" + Secret);
        await process.Publisher.PublishAsync([Entered], CancellationToken.None);

        var first = await process.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        var tooEarly = await process.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        _clock.Advance(RetrySchedule.DelayAfter(1)!.Value);
        var retried = await process.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(0, 1, 0), first);
        Assert.Equal(DispatchReport.Nothing, tooEarly);
        Assert.Equal(new DispatchReport(1, 0, 0), retried);
        Assert.Equal(2, _receiver.CountRequests("/hook/" + Secret));
        Assert.Single(_receiver.Deliveries);
        Assert.Equal(1L, await _database.ScalarAsync("SELECT attempts FROM notification_outbox WHERE delivered_at IS NOT NULL"));
    }

    [Fact]
    public async Task Dispatch_AfterA404_GivesUpAtOnce()
    {
        using var process = Process(("/gone", WebhookFormats.Json, null));
        _receiver.InjectFault(FakeFault.Status(404), "/gone");
        await process.Publisher.PublishAsync([Entered], CancellationToken.None);

        var report = await process.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1));
        var later = await process.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(0, 0, 1), report);
        Assert.Equal(DispatchReport.Nothing, later);
        Assert.Equal("HTTP 404 Not Found", await _database.ScalarAsync("SELECT last_error FROM notification_outbox"));
    }

    [Fact]
    public async Task ACrashAfterTheCommit_NeitherLosesNorDuplicatesTheNotification()
    {
        var webhook = ("/hook/" + Secret, WebhookFormats.Json, (string?)null);
        using (var crashed = Process(webhook))
        {
            // Three rounds commit snapshots, the crossing and its outbox row; the process dies before dispatching.
            var store = crashed.Get<ICollectionStore>();
            foreach (var followers in new long[] { 9_000, 10_200, 10_400 })
            {
                _clock.Advance(TimeSpan.FromHours(6));
                var observation = new AccountObservation("alice.example.com", _clock.GetUtcNow(),
                    new ProfileMetrics("did:plc:alice", "alice.example.com", followers, 1, 1), null, DataQuality.None);
                await store.SaveBatchAsync("bluesky", [observation], [], CancellationToken.None);
                await crashed.Analyzer.AnalyzeAsync("bluesky", [new CommittedObservation(observation, new BandSettings(10_000, 100_000, 0, 2))], CancellationToken.None);
            }
        }

        Assert.Empty(_receiver.Requests);
        using (var restarted = Process(webhook))
        {
            Assert.Equal(new DispatchReport(1, 0, 0), await restarted.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        using (var again = Process(webhook))
        {
            Assert.Equal(DispatchReport.Nothing, await again.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        var delivered = JsonDocument.Parse(Assert.Single(_receiver.Deliveries).Body).RootElement;
        Assert.Equal(("entered", 10_400L), (delivered.GetProperty("event").GetString(), delivered.GetProperty("followers").GetInt64()));
    }

    [Fact]
    public async Task ACrashMidSend_IsRetriedOnceTheLeaseExpires_AndNotBefore()
    {
        var webhook = ("/hook", WebhookFormats.Json, (string?)null);
        using (var crashed = Process(webhook))
        {
            await crashed.Publisher.PublishAsync([Entered], CancellationToken.None);
            var now = _clock.GetUtcNow();
            Assert.Single(await crashed.Get<INotificationOutbox>().LeaseDueAsync(now, now + NotificationDispatcher.Lease, [.. crashed.Get<NotificationRouting>().WebhookIds], 10, CancellationToken.None));
        }

        using var restarted = Process(webhook);
        var whileLeased = await restarted.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        _clock.Advance(NotificationDispatcher.Lease);
        var afterLease = await restarted.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(DispatchReport.Nothing, whileLeased);
        Assert.Equal(new DispatchReport(1, 0, 0), afterLease);
        Assert.Single(_receiver.Deliveries);
    }

    [Fact]
    public async Task TheWebhookUrl_NeverAppearsInLogsTheDatabaseOrValidationMessages()
    {
        using (var process = Process(("/ok/" + Secret, WebhookFormats.Json, null), ("/fails/" + Secret, WebhookFormats.Slack, null), ("/drops/" + Secret, WebhookFormats.Discord, null)))
        {
            _receiver.InjectFault(FakeFault.Status(500, "{\"error\":\"boom\"}"), "/fails/" + Secret);
            _receiver.InjectFault(FakeFault.DroppedConnection(), "/drops/" + Secret);
            await process.Publisher.PublishAsync([Entered], CancellationToken.None);
            Assert.Equal(new DispatchReport(1, 2, 0), await process.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        var logged = _logs.GetSnapshot();
        Assert.Contains(logged, r => r.Message.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Contains(logged, r => r.Message.Contains("Delivered entered notification", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, r => $"{r.Message} {r.Exception} {string.Join(' ', r.StructuredState?.Select(static s => s.Value) ?? [])}".Contains(Secret, StringComparison.Ordinal));
        var stored = await _database.ScalarAsync("SELECT group_concat(webhook_id || payload || coalesce(last_error, ''), '|') FROM notification_outbox");
        Assert.DoesNotContain(Secret, (string)stored!, StringComparison.Ordinal);

        var invalid = new NotificationsOptions { Webhooks = [new WebhookOptions { Url = "ftp://hooks.example.com/" + Secret, Format = "teams", Events = ["joined"] }] };
        var failures = new NotificationsOptionsValidator().Validate(null, invalid).Failures!.ToList();
        Assert.Equal(3, failures.Count);
        Assert.DoesNotContain(failures, f => f.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, new WebhookOptions { Url = _receiver.Url(Secret) }.ToString(), StringComparison.Ordinal);
    }

    private NotificationHarness Process(params (string Path, string Format, string? Events)[] webhooks) =>
        new(_database.Path, _clock, _logs, NotificationHarness.Webhooks([.. webhooks.Select(w => (_receiver.Url(w.Path), w.Format, w.Events))]));
}
