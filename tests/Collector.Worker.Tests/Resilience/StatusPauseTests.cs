using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.Worker.Tests.EndToEnd;

namespace Collector.Worker.Tests.Resilience;

public sealed class StatusPauseTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        _cli = await CliHarness.StartAsync();
        _cli.Bluesky.AddAccount(new FakeBlueskyAccount("did:plc:alice0000000000000000000", "alice.example.com") { Followers = 2_000 });
        _cli.WriteWatchlist("""
            engagement_posts: 0
            accounts:
              - bluesky: alice.example.com
              - bluesky: ghost.example.com
            """);
    }

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Status_ShowsAnUnknownAccountsDailyRecheck_AndNoPauseForAHealthyOne()
    {
        await _cli.RunAsync("collect");

        var rows = JsonDocument.Parse((await _cli.RunAsync("status", "--json")).Out).RootElement;

        var ghost = Row(rows, "ghost.example.com");
        var until = ghost.GetProperty("pausedUntil").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(1), until - ghost.GetProperty("lastAttemptAt").GetDateTimeOffset());
        Assert.Contains("back-off after 1 consecutive failure(s) (NotFound)", ghost.GetProperty("pauseReason").GetString(), StringComparison.Ordinal);
        var alice = Row(rows, "alice.example.com");
        Assert.Equal(JsonValueKind.Null, alice.GetProperty("pausedUntil").ValueKind);
        Assert.Equal(JsonValueKind.Null, alice.GetProperty("pauseReason").ValueKind);
    }

    [Fact]
    public async Task Status_AfterARefusedRound_ShowsThePlatformsPauseOnEveryAccount_WithoutCountingAccountFailures()
    {
        _cli.Bluesky.InjectFault(FakeFault.Status(401, """{"error":"AuthRequired","message":"nope"}"""), times: 50);

        await _cli.RunAsync("collect");
        var status = await _cli.RunAsync("status", "--json");
        var table = await _cli.RunAsync("status");

        var rows = JsonDocument.Parse(status.Out).RootElement;
        foreach (var row in rows.EnumerateArray())
        {
            Assert.StartsWith("platform Unauthorized since ", row.GetProperty("pauseReason").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, row.GetProperty("consecutiveFailures").GetInt32());
            Assert.Equal(JsonValueKind.String, row.GetProperty("pausedUntil").ValueKind);
        }

        Assert.Contains("platform Unauthorized", table.Out, StringComparison.Ordinal);
    }

    private static JsonElement Row(JsonElement rows, string handle) =>
        rows.EnumerateArray().Single(r => r.GetProperty("handle").GetString() == handle);
}
