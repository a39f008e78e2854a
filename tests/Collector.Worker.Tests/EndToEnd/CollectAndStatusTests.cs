using System.Text.Json;
using Collector.TestKit.Fakes;
using Microsoft.Data.Sqlite;

namespace Collector.Worker.Tests.EndToEnd;

public sealed class CollectAndStatusTests : IAsyncLifetime
{
    private const string AliceDid = "did:plc:alice0000000000000000000";
    private const string BobDid = "did:plc:bob00000000000000000000000";
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        _cli = await CliHarness.StartAsync();
        _cli.Bluesky.AddAccount(new FakeBlueskyAccount(AliceDid, "alice.example.com") { Followers = 20_000, Follows = 300, Posts = 900 });
        _cli.Bluesky.AddAccount(new FakeBlueskyAccount(BobDid, "bob.example.com") { Followers = 500, Follows = 20, Posts = 10 });
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        _cli.Bluesky.AddPost(AliceDid, new FakeBlueskyPost("p1", at) { Likes = 300, Replies = 40, Reposts = 50, Quotes = 10 });
        _cli.Bluesky.AddPost(AliceDid, new FakeBlueskyPost("p2", at.AddHours(1)) { Likes = 100, Replies = 0, Reposts = 0, Quotes = 0 });
        _cli.WriteWatchlist("""
            engagement_posts: 5
            accounts:
              - bluesky: alice.example.com
                tags: [fashion]
              - bluesky: bob.example.com
              - bluesky: ghost.example.com
            """);
    }

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Collect_ThenStatusJson_ShowsCollectedValuesAndFailures()
    {
        var collect = await _cli.RunAsync("collect");
        var status = await _cli.RunAsync("status", "--json");

        Assert.Equal(1, collect.ExitCode); // ghost.example.com does not exist
        Assert.Contains("ghost.example.com", collect.Out, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        var rows = JsonDocument.Parse(status.Out).RootElement;
        Assert.Equal(3, rows.GetArrayLength());

        var alice = Row(rows, "alice.example.com");
        Assert.Equal("bluesky", alice.GetProperty("platform").GetString());
        Assert.Equal(AliceDid, alice.GetProperty("platformId").GetString());
        Assert.Equal(20_000, alice.GetProperty("followers").GetInt64());
        Assert.Equal(300, alice.GetProperty("following").GetInt64());
        Assert.Equal(900, alice.GetProperty("posts").GetInt64());
        // (400 + 100) / 2 posts / 20,000 followers
        Assert.Equal(0.0125, alice.GetProperty("engagementRate").GetDouble(), 10);
        Assert.Equal("band", alice.GetProperty("tier").GetString());
        Assert.Equal(0, alice.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.Null, alice.GetProperty("lastError").ValueKind);
        Assert.EndsWith("Z", alice.GetProperty("lastCollectedAt").GetString(), StringComparison.Ordinal);

        var bob = Row(rows, "bob.example.com");
        Assert.Equal("below", bob.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.Null, bob.GetProperty("engagementRate").ValueKind); // no posts: no rate

        var ghost = Row(rows, "ghost.example.com");
        Assert.Equal("unknown", ghost.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.Null, ghost.GetProperty("followers").ValueKind);
        Assert.Equal(JsonValueKind.Null, ghost.GetProperty("lastCollectedAt").ValueKind);
        Assert.Equal(1, ghost.GetProperty("consecutiveFailures").GetInt32());
        Assert.StartsWith("NotFound", ghost.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectTwice_WhenCountsChanged_StoresTwoSnapshotsAndStatusShowsTheNewer()
    {
        await _cli.RunAsync("collect");
        _cli.Bluesky.UpdateAccount(AliceDid, a => a with { Followers = 20_500 });
        _cli.Bluesky.UpdateAccount(BobDid, b => b with { Followers = 9_000 });

        await _cli.RunAsync("collect");
        var status = await _cli.RunAsync("status", "--json");

        var rows = JsonDocument.Parse(status.Out).RootElement;
        Assert.Equal(20_500, Row(rows, "alice.example.com").GetProperty("followers").GetInt64());
        Assert.Equal(9_000, Row(rows, "bob.example.com").GetProperty("followers").GetInt64());
        Assert.Equal([2L, 2L], await SnapshotsPerAccountAsync());
    }

    [Fact]
    public async Task Collect_SelectedAccount_CollectsOnlyThatOne()
    {
        var collect = await _cli.RunAsync("collect", "--account", "bluesky:bob.example.com");

        Assert.Equal(0, collect.ExitCode);
        Assert.Equal([1L], await SnapshotsPerAccountAsync());
    }

    [Fact]
    public async Task Collect_WhenAccountArgumentIsMalformed_ExitsWithUsageError()
    {
        var collect = await _cli.RunAsync("collect", "--account", "bluesky:bad/handle");

        Assert.Equal(2, collect.ExitCode);
        Assert.Contains("--account bluesky:bad/handle", collect.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.Bluesky.Requests);
    }

    [Fact]
    public async Task Collect_WhenOutputIsRedirected_PrintsPlainTextWithoutEscapeCodes()
    {
        var collect = await _cli.RunAsync("collect");

        Assert.DoesNotContain('\u001b', collect.Out);
        Assert.Contains("collected", collect.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_ManyAccounts_BatchesProfilesTwentyFivePerRequest()
    {
        var yaml = new System.Text.StringBuilder("engagement_posts: 0\naccounts:\n");
        for (var i = 1; i <= 30; i++)
        {
            var account = _cli.Bluesky.AddAccount(FakeBlueskyAccount.Numbered(i));
            yaml.Append("  - bluesky: ").Append(account.Handle).Append('\n');
        }

        _cli.WriteWatchlist(yaml.ToString());

        var collect = await _cli.RunAsync("collect");

        Assert.Equal(0, collect.ExitCode);
        Assert.Equal(2, _cli.Bluesky.CountRequests(FakeBluesky.GetProfilesPath));
        Assert.Equal(30, (await SnapshotsPerAccountAsync()).Count);
    }

    private static JsonElement Row(JsonElement rows, string handle) =>
        rows.EnumerateArray().Single(r => r.GetProperty("handle").GetString() == handle);

    private async Task<List<long>> SnapshotsPerAccountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_cli.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM snapshots GROUP BY account_id ORDER BY account_id";
        var counts = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Add(reader.GetInt64(0));
        }

        return counts;
    }
}
