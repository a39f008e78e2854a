using System.Net;
using System.Text.Json;
using Collector.Core.Storage;
using Collector.TestKit.Fakes;
using Collector.Worker.Tests.Jobs;
using Collector.Worker.Tests.Run;

namespace Collector.Worker.Tests.Web;

public sealed class HealthEndpointTests
{
    private static readonly FakeBlueskyAccount Alice = new("did:plc:aliceaaaaaaaaaaaaaaaaaaa", "alice.bsky.social");

    private const string Watchlist = """
        schedule: every 6h
        engagement_posts: 0
        accounts:
          - bluesky: alice.bsky.social
        """;

    [Fact]
    public async Task Healthz_WhenServing_Answers200WithSchedulerDatabaseWatchlistAndPlatforms()
    {
        await using var worker = await StartedAsync();
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("scheduler").GetProperty("running").GetBoolean());
        Assert.True(root.GetProperty("database").GetProperty("writable").GetBoolean());
        Assert.True(root.GetProperty("watchlist").GetProperty("valid").GetBoolean());
        Assert.Equal(1, root.GetProperty("watchlist").GetProperty("accounts").GetInt32());

        var platforms = root.GetProperty("platforms").EnumerateArray().ToList();
        Assert.Equal(["bluesky", "mastodon", "x", "youtube"], platforms.Select(p => p.GetProperty("platform").GetString()).Order());
        var bluesky = platforms.Single(p => p.GetProperty("platform").GetString() == "bluesky");
        Assert.True(bluesky.GetProperty("configured").GetBoolean());
        Assert.Equal("2026-03-02T12:00:00.000Z", bluesky.GetProperty("lastSuccessAt").GetString());
        Assert.Equal(0, bluesky.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.Null, bluesky.GetProperty("quota").ValueKind);
        var window = Assert.Single(bluesky.GetProperty("rateLimits").EnumerateArray());
        Assert.Equal($"bluesky:{worker.Bluesky.BaseAddress.Authority}", window.GetProperty("key").GetString());
        Assert.Equal(3000, window.GetProperty("limit").GetInt64());
        Assert.Equal(2999, window.GetProperty("remaining").GetInt64());
        Assert.Equal(JsonValueKind.Null, window.GetProperty("pausedUntil").ValueKind);
    }

    [Fact]
    public async Task Healthz_WhenTheDatabaseCannotBeWritten_Answers503()
    {
        await using var worker = await StartedAsync();
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };

        // Another process holding the write lock past the probe's patience is as bad as a read-only file.
        await using var blocker = await worker.Database.OpenAsync();
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();
        }

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("database").GetProperty("writable").GetBoolean());
        Assert.Contains("locked", body.RootElement.GetProperty("database").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_WhenTheSchedulerIsNotRunning_Answers503()
    {
        await using var worker = await StartedAsync();
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };

        await (await worker.SchedulerAsync()).Standby();
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("scheduler").GetProperty("running").GetBoolean());
        Assert.Equal("Standby", body.RootElement.GetProperty("scheduler").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Endpoint_AnswersOnlyGetOnItsTwoPaths()
    {
        await using var worker = await StartedAsync();
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };

        using var unknown = await http.GetAsync(new Uri("/status", UriKind.Relative));
        using var post = await http.PostAsync(new Uri("/healthz", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.True(worker.HttpAddress.IsLoopback);
    }

    [Fact]
    public async Task Healthz_WhenAPlatformIsPaused_ShowsWhyAndUntilWhenAndIsDegraded()
    {
        await using var worker = await StartedAsync();
        var since = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        await worker.Get<IPlatformStateStore>().SaveAsync(
            new PlatformStateRecord("bluesky", "Unauthorized", "bluesky: credential refused", since, since.AddHours(1), 2),
            CancellationToken.None);
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        var bluesky = body.RootElement.GetProperty("platforms").EnumerateArray()
            .Single(p => p.GetProperty("platform").GetString() == "bluesky");
        var pause = bluesky.GetProperty("pause");
        Assert.Equal("Unauthorized", pause.GetProperty("reason").GetString());
        Assert.Equal("2026-03-02T13:00:00.000Z", pause.GetProperty("until").GetString());
        Assert.Equal(2, pause.GetProperty("consecutiveRounds").GetInt32());
    }

    private static async Task<WorkerHarness> StartedAsync()
    {
        var worker = await WorkerHarness.CreateAsync(Watchlist, Alice);
        var probe = new RoundProbe();
        await worker.StartAsync(http: true, listener: probe);
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the first round ran");
        return worker;
    }
}
