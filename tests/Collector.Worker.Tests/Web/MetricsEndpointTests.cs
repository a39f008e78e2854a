using Collector.TestKit.Fakes;
using Collector.Worker.Tests.Jobs;
using Collector.Worker.Tests.Run;

namespace Collector.Worker.Tests.Web;

public sealed class MetricsEndpointTests
{
    private static readonly FakeBlueskyAccount Alice = new("did:plc:aliceaaaaaaaaaaaaaaaaaaa", "alice.bsky.social");
    private static readonly FakeBlueskyAccount Bob = new("did:plc:bobbbbbbbbbbbbbbbbbbbbbb", "bob.bsky.social");

    [Fact]
    public async Task Metrics_AfterARound_ExportsOutcomesLatencyAndRateLimitByPlatformOnly()
    {
        await using var worker = await WorkerHarness.CreateAsync(
            """
            schedule: every 6h
            engagement_posts: 0
            accounts:
              - bluesky: alice.bsky.social
              - bluesky: bob.bsky.social
              - bluesky: carol.bsky.social
            """,
            Alice,
            Bob);
        var probe = new RoundProbe();
        await worker.StartAsync(http: true, listener: probe);
        await Eventually.HoldsAsync(() => probe.Completed >= 1, "the first round ran");
        using var http = new HttpClient { BaseAddress = worker.HttpAddress };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("text/plain", contentType.MediaType);
        Assert.Contains(contentType.Parameters, static p => p.Name == "version" && p.Value == "0.0.4");
        var lines = text.Split('\n');
        Assert.Contains("# TYPE collector_collections_total counter", lines);
        Assert.Contains("collector_collections_total{outcome=\"collected\",platform=\"bluesky\"} 2", lines);
        Assert.Contains("collector_collections_total{outcome=\"failed\",platform=\"bluesky\"} 1", lines);
        Assert.Contains("collector_snapshots_written_total{platform=\"bluesky\"} 2", lines);
        Assert.Contains("# TYPE collector_http_request_duration_seconds histogram", lines);
        Assert.Contains("collector_http_request_duration_seconds_count{platform=\"bluesky\",status_class=\"2xx\"} 1", lines);
        Assert.Contains("collector_http_request_duration_seconds_bucket{platform=\"bluesky\",status_class=\"2xx\",le=\"+Inf\"} 1", lines);
        Assert.Contains("collector_rate_limit_remaining{platform=\"bluesky\"} 2999", lines);
        Assert.Contains("collector_watchlist_accounts{platform=\"bluesky\"} 3", lines);
        Assert.Contains("# TYPE collector_band_crossings_total counter", lines);
        Assert.Contains("# TYPE collector_quota_used_units gauge", lines);
        Assert.Contains("collector_quota_used_units{platform=\"youtube\"} 0", lines);

        // Never an account, by handle or by id, in a label.
        foreach (var secretOfCardinality in new[] { "alice", "bob", "carol", "did:plc" })
        {
            Assert.DoesNotContain(secretOfCardinality, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
