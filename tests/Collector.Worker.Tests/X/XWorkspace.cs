using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collector.TestKit.Fakes;
using Microsoft.Data.Sqlite;

namespace Collector.Worker.Tests.X;

/// <summary>
/// A temporary directory with a watchlist, a settings file pointing X and Bluesky at loopback fakes, and the database
/// path, plus helpers to run <c>collector</c> there and read what it left. Removed on dispose.
/// </summary>
internal sealed class XWorkspace : IAsyncDisposable
{
    private XWorkspace(DirectoryInfo directory, FakeX x, FakeBluesky bluesky)
    {
        Directory = directory.FullName;
        XServer = x;
        BlueskyServer = bluesky;
    }

    public string Directory { get; }

    public FakeX XServer { get; }

    public FakeBluesky BlueskyServer { get; }

    public string DatabasePath => Path.Combine(Directory, "collector.db");

    public string WatchlistPath => Path.Combine(Directory, "watchlist.yaml");

    public string SettingsPath => Path.Combine(Directory, "settings.json");

    public static async Task<XWorkspace> StartAsync()
    {
        var x = new FakeX();
        var bluesky = new FakeBluesky();
        await x.StartAsync();
        await bluesky.StartAsync();
        return new XWorkspace(System.IO.Directory.CreateTempSubdirectory("collector-x-"), x, bluesky);
    }

    /// <summary>Writes the watchlist: the given account lines under <c>accounts:</c>.</summary>
    public void WriteWatchlist(int engagementPosts, params string[] accounts)
    {
        var yaml = new StringBuilder()
            .AppendLine("schedule: every 6h")
            .AppendLine($"engagement_posts: {engagementPosts}")
            .AppendLine("accounts:");
        foreach (var account in accounts)
        {
            yaml.AppendLine($"  - {account}");
        }

        File.WriteAllText(WatchlistPath, yaml.ToString());
    }

    /// <summary>Writes the settings file: both platforms on their fakes, X with <paramref name="bearerToken"/> if given.</summary>
    public void WriteSettings(string? bearerToken = null)
    {
        var x = new JsonObject { ["BaseUrl"] = XServer.BaseAddress.ToString(), ["RetryBaseDelay"] = "00:00:00.010" };
        if (bearerToken is not null)
        {
            x["BearerToken"] = bearerToken;
        }

        var settings = new JsonObject
        {
            ["Platforms"] = new JsonObject
            {
                ["X"] = x,
                ["Bluesky"] = new JsonObject { ["BaseUrl"] = BlueskyServer.BaseAddress.ToString(), ["RetryBaseDelay"] = "00:00:00.010" },
            },
        };
        File.WriteAllText(SettingsPath, settings.ToJsonString());
    }

    /// <summary>Runs <c>collector ARGS --watchlist … --db … --settings …</c> in the workspace.</summary>
    public Task<CollectorRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        CollectorProcess.RunAsync(
            Directory, environment, [.. args, "--watchlist", WatchlistPath, "--db", DatabasePath, "--settings", SettingsPath]);

    /// <summary><c>collector status --json</c>, parsed; one element per watched account.</summary>
    public async Task<(CollectorRun Run, IReadOnlyList<JsonElement> Rows)> StatusAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = await RunAsync(environment, "status", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        return (run, [.. json.RootElement.EnumerateArray().Select(static e => e.Clone())]);
    }

    /// <summary>The database and its WAL and shared-memory files, byte for byte.</summary>
    public byte[] DatabaseBytes() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "collector.db*").Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes)];

    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await XServer.DisposeAsync();
        await BlueskyServer.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
