using System.Text.Json;
using Collector.TestKit.Fakes;
using Collector.Worker.Cli;

namespace Collector.Worker.Tests.EndToEnd;

/// <summary>
/// Runs the real <c>collector</c> command tree in-process against a fake Bluesky AppView on loopback, with its own
/// temp directory for the settings file, the watchlist and the database.
/// </summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private CliHarness(FakeBluesky bluesky, string directory)
    {
        Bluesky = bluesky;
        Directory = directory;
    }

    public FakeBluesky Bluesky { get; }

    public string Directory { get; }

    public string WatchlistPath => Path.Combine(Directory, "watchlist.yaml");

    public string DatabasePath => Path.Combine(Directory, "data", "collector.db");

    public string SettingsPath => Path.Combine(Directory, "settings.json");

    public static async Task<CliHarness> StartAsync()
    {
        var bluesky = new FakeBluesky();
        await bluesky.StartAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("collector-e2e-").FullName;
        var harness = new CliHarness(bluesky, directory);
        harness.WriteSettings(new Dictionary<string, object>
        {
            ["Platforms"] = new Dictionary<string, object>
            {
                ["Bluesky"] = new Dictionary<string, object>
                {
                    ["BaseUrl"] = bluesky.BaseAddress.ToString(),
                    ["RetryBaseDelay"] = "00:00:00.010",
                },
            },
        });
        return harness;
    }

    public void WriteSettings(Dictionary<string, object> settings) =>
        File.WriteAllText(SettingsPath, JsonSerializer.Serialize(settings));

    public void WriteWatchlist(string yaml) => File.WriteAllText(WatchlistPath, yaml);

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = [.. args, "--settings", SettingsPath, "--watchlist", WatchlistPath, "--db", DatabasePath];
        var exitCode = await CollectorCli.RunAsync(all, new CliConsole(output, error, Interactive: false));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Bluesky.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the test for it would hide the real result.
        }
    }
}
