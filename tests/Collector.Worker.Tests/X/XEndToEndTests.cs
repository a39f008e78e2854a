using System.Text.Json;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.X;

/// <summary>The real <c>collector</c> against a fake X (and a fake Bluesky), with a temporary database.</summary>
public sealed class XEndToEndTests
{
    private static readonly DateTimeOffset Recently = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Collect_StoresEachXAccountsOutcome_ProtectedKeepsItsCounts()
    {
        await using var work = await XWorkspace.StartAsync();
        var alice = work.XServer.AddAccount(FakeXAccount.Numbered(1) with { Followers = 20_000 });
        work.XServer.AddPost(alice.Id, new FakeXPost("11", Recently) { Likes = 180, Replies = 10, Retweets = 8, Quotes = 2 });
        work.XServer.AddPost(alice.Id, new FakeXPost("12", Recently.AddHours(-1)) { Likes = 380, Replies = 10, Retweets = 8, Quotes = 2 });
        var locked = work.XServer.AddAccount(FakeXAccount.Numbered(2) with { Protected = true, Followers = 777 });
        var banned = work.XServer.AddAccount(FakeXAccount.Numbered(3) with { Suspended = true });
        work.WriteWatchlist(5, $"x: {alice.Username}", $"x: {locked.Username}", $"x: {banned.Username}", "x: nobody_here");
        work.WriteSettings(work.XServer.BearerToken);

        var collect = await work.RunAsync(null, "collect");
        var (_, rows) = await work.StatusAsync();

        Assert.True(collect.ExitCode == 1, collect.ToString());
        Assert.Equal(1, work.XServer.CountRequests(FakeX.UsersByPath));
        Assert.Equal(1, work.XServer.CountRequests(FakeX.TimelinePath(alice.Id)));
        Assert.Equal(0, work.XServer.CountRequests(FakeX.TimelinePath(locked.Id)));

        var byHandle = rows.ToDictionary(r => r.GetProperty("handle").GetString()!);
        var a = byHandle[alice.Username];
        Assert.Equal((alice.Id, 20_000L), (a.GetProperty("platformId").GetString(), a.GetProperty("followers").GetInt64()));

        // (200 + 400) / 2 interactions per post over 20,000 followers.
        Assert.Equal(0.015, a.GetProperty("engagementRate").GetDouble(), precision: 9);
        var l = byHandle[locked.Username];
        Assert.Equal((777L, JsonValueKind.Null, JsonValueKind.Null), (l.GetProperty("followers").GetInt64(), l.GetProperty("engagementRate").ValueKind, l.GetProperty("lastError").ValueKind));
        Assert.StartsWith("Suspended: x: @user3 is suspended", byHandle[banned.Username].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("NotFound: x: no such user @nobody_here", byHandle["nobody_here"].GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // DataQuality.Protected (8) marks the snapshot whose engagement could not be measured.
        var flags = await work.QueryAsync($"SELECT s.quality_flags FROM snapshots s JOIN accounts a ON a.id = s.account_id WHERE a.platform_id = '{locked.Id}'");
        Assert.Equal(8L, Assert.Single(flags)[0]);
    }

    [Fact]
    public async Task ARenamedAccount_KeepsOneAccountAndItsHistory_WithTheNewHandleRecorded()
    {
        await using var work = await XWorkspace.StartAsync();
        var alice = work.XServer.AddAccount(FakeXAccount.Numbered(1) with { Followers = 1000 });
        work.WriteWatchlist(0, $"x: {alice.Username}");
        work.WriteSettings(work.XServer.BearerToken);
        var first = await work.RunAsync(null, "collect");
        work.XServer.UpdateAccount(alice.Id, a => a with { Username = "alice_renamed", Followers = 1100 });

        var second = await work.RunAsync(null, "collect");
        var (_, rows) = await work.StatusAsync();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());

        // Resolved by username once, then refreshed by the stable id: the rename cannot lose the account.
        Assert.Equal(1, work.XServer.CountRequests(FakeX.UsersByPath));
        Assert.Equal(alice.Id, Assert.Single(work.XServer.RequestsTo(FakeX.UsersPath)).QueryValue("ids"));

        var accounts = await work.QueryAsync("SELECT id, platform_id, handle FROM accounts WHERE platform = 'x'");
        var account = Assert.Single(accounts);
        Assert.Equal((alice.Id, "alice_renamed"), ((string)account[1]!, (string)account[2]!));
        var handles = await work.QueryAsync($"SELECT handle FROM account_handles WHERE account_id = {account[0]} ORDER BY id");
        Assert.Equal([alice.Username, "alice_renamed"], handles.Select(h => (string)h[0]!));
        var snapshots = await work.QueryAsync($"SELECT followers FROM snapshots WHERE account_id = {account[0]} ORDER BY collected_at, id");
        Assert.Equal([1000L, 1100L], snapshots.Select(s => (long)s[0]!));

        var row = Assert.Single(rows);
        Assert.Equal((alice.Username, "alice_renamed", 1100L), (row.GetProperty("handle").GetString(), row.GetProperty("currentHandle").GetString(), row.GetProperty("followers").GetInt64()));
    }

    [Fact]
    public async Task ARefusedToken_CostsOneRequest_StopsTheXRound_AndEveryXAccountShowsWhy()
    {
        await using var work = await XWorkspace.StartAsync();
        var handles = Enumerable.Range(1, 250).Select(i => $"x: {work.XServer.AddAccount(FakeXAccount.Numbered(i)).Username}").ToList();
        var jay = work.BlueskyServer.AddAccount(FakeBlueskyAccount.Numbered(1));
        work.WriteWatchlist(0, [.. handles, $"bluesky: {jay.Handle}"]);
        work.WriteSettings("AAAAAAAAAAAAAAAAAAAAARevokedToken%3Dzzz");

        var collect = await work.RunAsync(null, "collect");
        var (_, rows) = await work.StatusAsync();

        Assert.True(collect.ExitCode == 1, collect.ToString());
        Assert.Single(work.XServer.Requests);
        Assert.Contains("Unauthorized", collect.Output, StringComparison.Ordinal);

        var x = rows.Where(r => r.GetProperty("platform").GetString() == "x").ToList();
        Assert.Equal(250, x.Count);
        Assert.All(x, r => Assert.Equal(
            "Unauthorized: x /2/users/by: HTTP 401 Unauthorized: X refused the bearer token; check Platforms:X:BearerToken",
            r.GetProperty("lastError").GetString()));

        // Another platform's round is not X's business.
        var bluesky = Assert.Single(rows, r => r.GetProperty("platform").GetString() == "bluesky");
        Assert.Equal(jay.Followers, bluesky.GetProperty("followers").GetInt64());
    }

    [Fact]
    public async Task WithoutAToken_XAccountsAreSkippedWithOneWarning_AndNothingIsSent()
    {
        await using var work = await XWorkspace.StartAsync();
        var jay = work.BlueskyServer.AddAccount(FakeBlueskyAccount.Numbered(1));
        work.WriteWatchlist(0, "x: XDevelopers", "x: user2", $"bluesky: {jay.Handle}");
        work.WriteSettings(bearerToken: null);

        var collect = await work.RunAsync(null, "collect");

        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Empty(work.XServer.Requests);
        var warning = Assert.Single(collect.Error.Split('\n'), line => line.Contains("Skipping", StringComparison.Ordinal));
        Assert.Contains("2 x accounts: platform is not configured", warning, StringComparison.Ordinal);
        Assert.Equal(1, work.BlueskyServer.CountRequests(FakeBluesky.GetProfilesPath));
    }
}
