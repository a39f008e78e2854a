using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Collector.TestKit.Fakes;
using Collector.TestKit.Notifications;
using Collector.Worker.Cli;

namespace Collector.Worker.Tests.Analyst;

/// <summary>
/// The real <c>collector</c> commands in-process against the fake Bluesky AppView and a webhook receiver on
/// loopback: four collection rounds with changing counts, then flags, history (with charts), export and status.
/// </summary>
public sealed class AnalystCommandsEndToEndTests : IAsyncLifetime
{
    // Band 1,000–5,000, two snapshots to confirm. Alice rises into it, Carol falls out of it, Bob jitters across
    // its top and never holds a new tier for two rounds, Dave hides nothing but never moves.
    private static readonly (string Handle, long[] Rounds)[] Accounts =
    [
        ("alice.example.com", [900, 1_500, 1_600, 1_700]),
        ("bob.example.com", [6_000, 4_000, 6_500, 4_500]),
        ("carol.example.com", [4_000, 800, 700, 900]),
        ("dave.example.com", [2_000, 2_010, 2_020, 2_030]),
    ];

    private readonly FakeBluesky _bluesky = new();
    private readonly FakeWebhookReceiver _receiver = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("collector-e2e-").FullName;
    private readonly List<string> _dids = [];

    private string Db => Path.Combine(_directory, "collector.db");

    public async Task InitializeAsync()
    {
        await _bluesky.StartAsync();
        await _receiver.StartAsync();
        for (var i = 0; i < Accounts.Length; i++)
        {
            var account = FakeBlueskyAccount.Numbered(i + 1) with { Handle = Accounts[i].Handle, Followers = Accounts[i].Rounds[0] };
            _bluesky.AddAccount(account);
            _dids.Add(account.Did);
        }

        await File.WriteAllTextAsync(Path.Combine(_directory, "settings.json"), JsonSerializer.Serialize(new
        {
            Platforms = new { Bluesky = new { BaseUrl = _bluesky.BaseAddress.AbsoluteUri } },
            Notifications = new { Webhooks = new[] { new { Url = _receiver.Url("/hook/e2e-secret"), Format = "json", Events = new[] { "entered", "left" } } } },
        }));
        await File.WriteAllTextAsync(Path.Combine(_directory, "watchlist.yaml"), $"""
            schedule: every 6h
            engagement_posts: 0
            band: {"{"} min_followers: 1000, max_followers: 5000, min_engagement_rate: 0, confirm_snapshots: 2 {"}"}
            accounts:
            {string.Concat(Accounts.Select(a => $"  - bluesky: {a.Handle}\n"))}
            """);
    }

    public async Task DisposeAsync()
    {
        await _bluesky.DisposeAsync();
        await _receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task FourRounds_ThenFlagsHistoryExportAndStatus_ShowExactlyWhatHappened()
    {
        await CollectFourRoundsAsync();

        // flags --json: exactly Alice entering and Carol leaving, newest first, SPEC fields.
        var flags = JsonDocument.Parse((await RunAsync(0, "flags", "--json")).Out).RootElement;
        var crossings = flags.EnumerateArray().Select(static f => (
            f.GetProperty("handle").GetString(), f.GetProperty("kind").GetString(), f.GetProperty("from").GetString(),
            f.GetProperty("to").GetString(), f.GetProperty("followers").GetInt64())).ToList();
        Assert.Equal(
            [("alice.example.com", "entered", "below", "band", 1_600L), ("carol.example.com", "left", "band", "below", 700L)],
            crossings.Order());
        var instants = flags.EnumerateArray().Select(static f => f.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(instants.OrderDescending(), instants);
        Assert.All(flags.EnumerateArray(), f => Assert.Equal("bluesky", f.GetProperty("platform").GetString()));
        Assert.All(flags.EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("engagementRate").ValueKind));

        // Each crossing was announced once, by the dispatch at the end of the collect that found it.
        var announced = _receiver.Deliveries.Select(static d => JsonDocument.Parse(d.Body).RootElement.GetProperty("handle").GetString()).Order();
        Assert.Equal(["alice.example.com", "carol.example.com"], announced);

        var table = (await RunAsync(0, "flags")).Out;
        Assert.Contains("below → band", table, StringComparison.Ordinal);
        Assert.Contains("carol.example.com", table, StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse((await RunAsync(0, "flags", "--json", "--since", "2999-01-01")).Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task History_PlotsAValidSvgAndPng_AndPrintsJsonAndCsv()
    {
        await CollectFourRoundsAsync();
        var svg = Path.Combine(_directory, "alice.svg");
        var png = Path.Combine(_directory, "alice.png");

        var human = await RunAsync(0, "history", "bluesky:alice.example.com", "--plot", svg);
        await RunAsync(0, "history", "bluesky:alice.example.com", "--plot", png);

        Assert.Contains("1,600", human.Out, StringComparison.Ordinal);
        Assert.Contains($"chart written to {svg}", human.Out, StringComparison.Ordinal);
        var root = XDocument.Load(svg).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Contains(root.Descendants(), static e => e.Name.LocalName == "polyline");
        Assert.Contains(root.Descendants(), static e => e.Name.LocalName == "text" && e.Value.Contains("min_followers 1,000", StringComparison.Ordinal));

        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(1000, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.True(bytes.Length > 5_000, "a chart, not an empty image");

        var json = JsonDocument.Parse((await RunAsync(0, "history", "bluesky:alice.example.com", "--json")).Out).RootElement;
        Assert.Equal([900L, 1_500L, 1_600L, 1_700L], json.GetProperty("snapshots").EnumerateArray().Select(static s => s.GetProperty("followers").GetInt64()));
        Assert.Equal(["below", "band", "band", "band"], json.GetProperty("snapshots").EnumerateArray().Select(static s => s.GetProperty("tier").GetString()));
        Assert.Equal(1_000, json.GetProperty("band").GetProperty("minFollowers").GetInt64());
        Assert.Equal(3, json.GetProperty("growth").GetProperty("windows").GetArrayLength());

        var csv = (await RunAsync(0, "history", "bluesky:alice.example.com", "--csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, csv.Length);

        Assert.Contains("no snapshots", (await RunAsync(2, "history", "bluesky:nobody.example.com")).Error, StringComparison.Ordinal);
        Assert.Contains(".png or .svg", (await RunAsync(2, "history", "bluesky:alice.example.com", "--plot", "chart.gif")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WritesTheSpecHeaderAndOneRowPerSnapshot_AsCsvAndJsonLines()
    {
        await CollectFourRoundsAsync();
        var file = Path.Combine(_directory, "export.jsonl");

        var csv = (await RunAsync(0, "export", "--format", "csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await RunAsync(0, "export", "--format", "jsonl", "--out", file);

        Assert.StartsWith("platform,handle,platform_id,collected_at,followers,following,posts,engagement_rate", csv[0], StringComparison.Ordinal);
        Assert.Equal(Accounts.Length * 4, csv.Length - 1);
        var carol = csv.Where(static l => l.StartsWith("bluesky,carol.example.com,", StringComparison.Ordinal)).Select(static l => l.Split(',')[4]);
        Assert.Equal(["4000", "800", "700", "900"], carol);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(Accounts.Length * 4, lines.Length);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task Status_ShowsTierAndGrowth_AndKeepsItsSpecFields()
    {
        await CollectFourRoundsAsync();

        var rows = JsonDocument.Parse((await RunAsync(0, "status", "--json")).Out).RootElement;
        var alice = rows.EnumerateArray().Single(static r => r.GetProperty("handle").GetString() == "alice.example.com");

        foreach (var field in new[] { "platform", "handle", "platformId", "followers", "following", "posts", "engagementRate", "tier", "lastCollectedAt", "consecutiveFailures", "lastError" })
        {
            Assert.True(alice.TryGetProperty(field, out _), field);
        }

        Assert.Equal(("band", 1_700L), (alice.GetProperty("tier").GetString(), alice.GetProperty("followers").GetInt64()));
        Assert.Equal(3, alice.GetProperty("growth").GetProperty("windows").GetArrayLength());
        Assert.Contains("7 days", (await RunAsync(0, "status")).Out, StringComparison.Ordinal);
    }

    private async Task CollectFourRoundsAsync()
    {
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < Accounts.Length; i++)
            {
                var followers = Accounts[i].Rounds[round];
                _bluesky.UpdateAccount(_dids[i], a => a with { Followers = followers });
            }

            await RunAsync(0, "collect");
        }
    }

    private async Task<(string Out, string Error)> RunAsync(int expectedExit, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] global = ["--db", Db, "--watchlist", Path.Combine(_directory, "watchlist.yaml"), "--settings", Path.Combine(_directory, "settings.json")];
        var exit = await CollectorCli.RunAsync([.. args, .. global], new CliConsole(output, error, false));
        Assert.True(exit == expectedExit, $"collector {string.Join(' ', args)} exited {exit}: {error}");
        return (output.ToString(), error.ToString());
    }
}
