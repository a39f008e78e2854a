using System.Text;
using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.Worker.Cli;

namespace Collector.Worker.Tests.MastodonYouTube;

/// <summary>
/// SPEC "Settings": secrets never appear in logs, the database, command output or exceptions. The real CLI runs
/// in-process against the fakes with a YouTube key and a Mastodon token set, logging everything down to Trace,
/// through successes and through failures (a refused key, servers that echo the secret back in their errors).
/// </summary>
public sealed class SecretsEndToEndTests : IAsyncLifetime
{
    private const string Key = "AIzaSyE2E-key-7c1f0d9a3b5e";
    private const string Token = "tok-e2e-5d2a8c0f7e1b";
    private static readonly DateTimeOffset Published = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeMastodon _mastodon = new();
    private readonly FakeYouTube _youtube = new();
    private readonly CapturedLogs _logs = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private DirectoryInfo _directory = null!;

    private string Db => Path.Combine(_directory.FullName, "collector.db");

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("collector-e2e-");
        await _mastodon.StartAsync();
        await _youtube.StartAsync();
        ArrangeMastodon();
        ArrangeYouTube();
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "settings.json"), Settings());
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "watchlist.yaml"), """
            schedule: every 6h
            engagement_posts: 3
            accounts:
              - mastodon: Gargron@mastodon.social
              - mastodon: alice@fosstodon.org
              - mastodon: ghost@fosstodon.org
              - youtube: "@GoogleDevelopers"
              - youtube: "@HiddenChannel"
              - youtube: "@nobody-here"
            """);
    }

    public async Task DisposeAsync()
    {
        await _mastodon.DisposeAsync();
        await _youtube.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task KeyAndToken_AppearInNoOutputLogDatabaseOrException_ThroughSuccessesAndFailures()
    {
        var first = await RunAsync("collect");
        var status = await RunAsync("status", "--json");

        // A refused key, then an instance and Google echoing the secrets back in their error bodies.
        _youtube.ValidKeys.Clear();
        _mastodon.InjectFault(FakeFault.Status(401, $$"""{"error":"token {{Token}} refused"}"""), FakeMastodon.PathOn("mastodon.social", "/api/v1/accounts/1"));
        var failed = await RunAsync("collect");
        _youtube.ValidKeys.Add(Key);
        _youtube.InjectFault(FakeFault.Status(400, $$$"""{"error":{"code":400,"message":"bad key {{{Key}}}","errors":[{"reason":"badRequest"}]}}"""));
        await RunAsync("collect", "--platform", "youtube");
        await RunAsync("status");

        // The secrets were really in play: the fakes received them, and the work happened.
        Assert.Equal(1, first);
        Assert.Equal(0, status);
        Assert.Equal(1, failed);
        Assert.Contains(_youtube.Requests, r => r.Header("X-Goog-Api-Key") == Key);
        Assert.Contains(_mastodon.RequestsOn("mastodon.social"), r => r.Header("Authorization") == $"Bearer {Token}");
        Assert.All(_mastodon.RequestsOn("fosstodon.org"), r => Assert.Null(r.Header("Authorization")));
        Assert.Contains(_logs.Entries, e => e.Contains("/youtube/v3/channels", StringComparison.Ordinal));

        // Request headers were logged (at Trace), so a header logged with its value would have been caught below.
        Assert.Contains("X-Goog-Api-Key: ", _logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Authorization: ", _logs.AllText, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.Contains("Unauthorized", StringComparison.Ordinal));
        Assert.Contains("[redacted]", await DatabaseTextAsync(), StringComparison.Ordinal);

        foreach (var secret in new[] { Key, Token })
        {
            Assert.DoesNotContain(secret, _out.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, _err.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, _logs.AllText, StringComparison.Ordinal);
            Assert.False(DatabaseFilesContain(secret), $"the database files contain {secret}");
        }
    }

    [Fact]
    public async Task HiddenSubscribers_AreStoredAsUnknown_WithTierUnknown()
    {
        Assert.Equal(1, await RunAsync("collect"));
        _out.GetStringBuilder().Clear();

        Assert.Equal(0, await RunAsync("status", "--json"));

        using var json = JsonDocument.Parse(_out.ToString());
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("handle").GetString()!);
        var hidden = rows["@HiddenChannel"];
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("followers").ValueKind);
        Assert.Equal("unknown", hidden.GetProperty("tier").GetString());
        Assert.Equal(713, rows["@GoogleDevelopers"].GetProperty("followers").GetInt64());
        Assert.Equal(318_699, rows["Gargron@mastodon.social"].GetProperty("followers").GetInt64());
        Assert.Equal("1@mastodon.social", rows["Gargron@mastodon.social"].GetProperty("platformId").GetString());
        Assert.Equal(JsonValueKind.Null, rows["ghost@fosstodon.org"].GetProperty("followers").ValueKind);
        Assert.Contains("Record not found", rows["ghost@fosstodon.org"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains("no channel", rows["@nobody-here"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    private async Task<int> RunAsync(params string[] command)
    {
        string[] global =
        [
            "--settings", Path.Combine(_directory.FullName, "settings.json"),
            "--db", Db,
            "--watchlist", Path.Combine(_directory.FullName, "watchlist.yaml"),
            "--verbose",
        ];
        return await CollectorCli.RunAsync([.. command, .. global], new CliConsole(_out, _err, false) { LogSink = _logs });
    }

    private void ArrangeMastodon()
    {
        var social = _mastodon.Instance("mastodon.social");
        social.RequiresAuth = true;
        social.ValidToken = Token;
        social.AddAccount(new FakeMastodonAccount("1", "Gargron") { Followers = 318_699 });
        social.AddStatus("1", new FakeMastodonStatus("103270115826048975", Published));
        var fosstodon = _mastodon.Instance("fosstodon.org");
        fosstodon.AddAccount(new FakeMastodonAccount("9", "alice") { Followers = 12_000 });
    }

    private void ArrangeYouTube()
    {
        _youtube.ValidKeys.Add(Key);
        var google = _youtube.AddChannel(new FakeYouTubeChannel("UC_x5XG1OV2P6uZZ5FSM9Ttw", "@GoogleDevelopers"));
        _youtube.AddVideo(google.Id, new FakeYouTubeVideo("aawThz047Bw", Published));
        _youtube.AddChannel(FakeYouTubeChannel.Numbered(2) with { Handle = "@HiddenChannel", HiddenSubscribers = true });
    }

    private string Settings() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["Platforms"] = new Dictionary<string, object>
        {
            ["Mastodon"] = new Dictionary<string, string>
            {
                ["BaseUrlTemplate"] = _mastodon.BaseUrlTemplate,
                ["AccessToken"] = Token,
                ["AccessTokenInstance"] = "mastodon.social",
                ["RetryBaseDelay"] = "00:00:00.010",
            },
            ["YouTube"] = new Dictionary<string, string>
            {
                ["BaseUrl"] = _youtube.BaseUrl,
                ["ApiKey"] = Key,
                ["RetryBaseDelay"] = "00:00:00.010",
            },
        },
        ["Logging"] = new Dictionary<string, object> { ["LogLevel"] = new Dictionary<string, string> { ["Default"] = "Trace" } },
    });

    private bool DatabaseFilesContain(string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        return _directory.EnumerateFiles("collector.db*").Any(file => File.ReadAllBytes(file.FullName).AsSpan().IndexOf(needle) >= 0);
    }

    private async Task<string> DatabaseTextAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(last_error, ' | ') FROM watch_entries";
        return (await command.ExecuteScalarAsync()) as string ?? string.Empty;
    }
}
