using System.Globalization;
using System.Text;
using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.TestKit.Notifications;
using Collector.Worker.Cli;
using Collector.Worker.Tests.MastodonYouTube;

namespace Collector.Worker.Tests.Resilience;

/// <summary>
/// Issue 7's secrets test across everything at once: an X token, a YouTube key, a Mastodon token and a webhook URL are
/// all set; the real CLI runs in-process at <c>--verbose</c> with every log captured down to Trace, over every command,
/// through successes and failures (refused credentials, 500s whose bodies echo the secrets, a webhook answering with
/// its own URL). The per-platform tests (X/XSecretTests, MastodonYouTube/SecretsEndToEndTests) go deeper into each
/// way a secret is supplied; this one proves that nothing leaks when they are all in play together.
/// </summary>
public sealed class AllSecretsEndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Published = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Marker = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
    private static readonly string XToken = $"AAAAAAAAAAAAAAAAAAAAAx{Marker}%2Fq%3DAbCd";
    private static readonly string YouTubeKey = $"AIzaSy{Marker}-yt-key";
    private static readonly string MastodonToken = $"mtok-{Marker}-5d2a8c";
    private static readonly string WebhookSecret = $"T000/B000/{Marker}hook";

    private readonly FakeX _x = new();
    private readonly FakeMastodon _mastodon = new();
    private readonly FakeYouTube _youtube = new();
    private readonly FakeWebhookReceiver _webhook = new();
    private readonly CapturedLogs _logs = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private DirectoryInfo _directory = null!;

    private static string[] Secrets => [XToken, YouTubeKey, MastodonToken, WebhookSecret, Marker];

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("collector-secrets-");
        await Task.WhenAll(_x.StartAsync(), _mastodon.StartAsync(), _youtube.StartAsync(), _webhook.StartAsync());

        _x.BearerToken = XToken;
        var user = _x.AddAccount(FakeXAccount.Numbered(1));
        _x.AddPost(user.Id, new FakeXPost("11", Published));
        var social = _mastodon.Instance("mastodon.social");
        social.RequiresAuth = true;
        social.ValidToken = MastodonToken;
        social.AddAccount(new FakeMastodonAccount("1", "Gargron") { Followers = 318_699 });
        social.AddStatus("1", new FakeMastodonStatus("103270115826048975", Published));
        _youtube.ValidKeys.Add(YouTubeKey);
        var channel = _youtube.AddChannel(FakeYouTubeChannel.Numbered(1));
        _youtube.AddVideo(channel.Id, new FakeYouTubeVideo("aawThz047Bw", Published));

        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "settings.json"), Settings());
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "watchlist.yaml"), $"""
            engagement_posts: 3
            accounts:
              - x: {user.Username}
              - x: nobody_here
              - mastodon: Gargron@mastodon.social
              - youtube: "{channel.Handle}"
              - youtube: "@nobody-here"
            """);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_x.DisposeAsync().AsTask(), _mastodon.DisposeAsync().AsTask(), _youtube.DisposeAsync().AsTask(), _webhook.DisposeAsync().AsTask());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task NoSecret_AppearsInAnyOutputLogExceptionOrDatabaseFile_AcrossEveryCommand()
    {
        var exitCodes = new List<int> { await RunAsync("collect") };
        foreach (var command in ReadCommands(FakeXAccount.Numbered(1).Username))
        {
            exitCodes.Add(await RunAsync(command));
        }

        // Failures: every credential refused, so every platform turns unhealthy and the webhook is called.
        _x.BearerToken = "another-token";
        _youtube.ValidKeys.Clear();
        _mastodon.Instance("mastodon.social").ValidToken = "another-token";
        exitCodes.Add(await RunAsync("collect"));

        // Then servers that echo each secret back in a 500, and a webhook that answers with its own URL.
        _x.BearerToken = XToken;
        _youtube.ValidKeys.Add(YouTubeKey);
        _mastodon.Instance("mastodon.social").ValidToken = MastodonToken;
        _x.InjectFault(FakeFault.Status(500, $$"""{"title":"Internal","detail":"token {{XToken}} broke us"}"""), times: 10);
        _mastodon.InjectFault(FakeFault.Status(500, $$"""{"error":"Bearer {{MastodonToken}} exploded"}"""), times: 10);
        _youtube.InjectFault(FakeFault.Status(500, $$$"""{"error":{"code":500,"message":"key={{{YouTubeKey}}}","errors":[{"reason":"backendError"}]}}"""), times: 10);
        _webhook.InjectFault(FakeFault.Status(500, $"no route for {_webhook.Url("/hooks/" + WebhookSecret)}"), times: 10);
        exitCodes.Add(await RunAsync("collect"));
        foreach (var command in ReadCommands(FakeXAccount.Numbered(1).Username))
        {
            exitCodes.Add(await RunAsync(command));
        }

        // The secrets were really in play: each server received its own, the webhook was called, work was done.
        Assert.Contains(_x.Requests, r => r.Header("Authorization") == $"Bearer {XToken}");
        Assert.Contains(_youtube.Requests, r => r.Header("X-Goog-Api-Key") == YouTubeKey);
        Assert.Contains(_mastodon.Requests, r => r.Header("Authorization") == $"Bearer {MastodonToken}");
        Assert.Contains(_webhook.Requests, r => r.Path.Contains(WebhookSecret, StringComparison.Ordinal));
        Assert.Contains(_webhook.Deliveries, d => d.Body.Contains("platform_unhealthy", StringComparison.Ordinal));
        Assert.Contains(0, exitCodes);
        Assert.Contains("Authorization: ", _logs.AllText, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", _logs.AllText, StringComparison.Ordinal);

        var everything = string.Join('\n', _out.ToString(), _err.ToString(), _logs.AllText);
        foreach (var secret in Secrets)
        {
            var at = everything.IndexOf(secret, StringComparison.Ordinal);
            Assert.True(at < 0, at < 0 ? null : $"output or logs contain {secret}: ...{everything[Math.Max(0, at - 400)..Math.Min(everything.Length, at + 200)]}...");
            Assert.False(DatabaseFilesContain(secret), $"the database files contain {secret}");
        }
    }

    private static IEnumerable<string[]> ReadCommands(string xUser) =>
    [
        ["status"],
        ["status", "--json"],
        ["validate"],
        ["flags"],
        ["flags", "--json", "--spikes"],
        ["history", $"x:{xUser}"],
        ["history", $"x:{xUser}", "--json"],
        ["export"],
        ["export", "--format", "jsonl"],
    ];

    private async Task<int> RunAsync(params string[] command)
    {
        string[] global =
        [
            "--settings", Path.Combine(_directory.FullName, "settings.json"),
            "--db", Path.Combine(_directory.FullName, "collector.db"),
            "--watchlist", Path.Combine(_directory.FullName, "watchlist.yaml"),
            "--verbose",
        ];
        try
        {
            return await CollectorCli.RunAsync([.. command, .. global], new CliConsole(_out, _err, false) { LogSink = _logs });
        }
        catch (Exception ex)
        {
            // An escaping exception is a bug of its own, but its text is searched for secrets like everything else.
            await _err.WriteLineAsync(ex.ToString());
            throw;
        }
    }

    private string Settings() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["Platforms"] = new Dictionary<string, object>
        {
            ["X"] = new Dictionary<string, string>
            {
                ["BaseUrl"] = _x.BaseAddress.ToString(), ["BearerToken"] = XToken, ["RetryBaseDelay"] = "00:00:00.010",
            },
            ["Mastodon"] = new Dictionary<string, string>
            {
                ["BaseUrlTemplate"] = _mastodon.BaseUrlTemplate,
                ["AccessToken"] = MastodonToken,
                ["AccessTokenInstance"] = "mastodon.social",
                ["RetryBaseDelay"] = "00:00:00.010",
            },
            ["YouTube"] = new Dictionary<string, string>
            {
                ["BaseUrl"] = _youtube.BaseUrl, ["ApiKey"] = YouTubeKey, ["RetryBaseDelay"] = "00:00:00.010",
            },
        },
        ["Notifications"] = new Dictionary<string, object>
        {
            ["Webhooks"] = new[] { new Dictionary<string, string> { ["Url"] = _webhook.Url("/hooks/" + WebhookSecret) } },
        },
        ["Logging"] = new Dictionary<string, object> { ["LogLevel"] = new Dictionary<string, string> { ["Default"] = "Trace" } },
    });

    private bool DatabaseFilesContain(string secret)
    {
        var utf8 = Encoding.UTF8.GetBytes(secret);
        var utf16 = Encoding.Unicode.GetBytes(secret);
        return _directory.EnumerateFiles("collector.db*").Any(file =>
        {
            var bytes = File.ReadAllBytes(file.FullName).AsSpan();
            return bytes.IndexOf(utf8) >= 0 || bytes.IndexOf(utf16) >= 0;
        });
    }
}
