using Collector.Worker.Cli;

namespace Collector.Worker.Tests.Run;

public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("collector-run-");

    private string Watchlist => Path.Combine(_directory.FullName, "watchlist.yaml");

    private string Database => Path.Combine(_directory.FullName, "collector.db");

    [Fact]
    public async Task Run_WhenTheWatchlistIsInvalidAtStart_PrintsEveryProblemAndExitsTwo()
    {
        await File.WriteAllTextAsync(Watchlist, "accounts:\n  - bluesky: not a handle\n  - mastodon: nobody\n");
        var console = new CliConsole(new StringWriter(), new StringWriter(), Interactive: false);

        var exit = await CollectorCli.RunAsync(["run", "--watchlist", Watchlist, "--db", Database], console);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        var errors = console.Error.ToString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$"{Watchlist}:2:14:", $"{Watchlist}:3:15:"], errors.Select(static e => e[..(e.IndexOf(": ", StringComparison.Ordinal) + 1)]));
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task NoVerb_RunsTheWorker()
    {
        await File.WriteAllTextAsync(Watchlist, "accounts:\n  - bluesky: not a handle\n");
        var console = new CliConsole(new StringWriter(), new StringWriter(), Interactive: false);

        var exit = await CollectorCli.RunAsync(["--watchlist", Watchlist, "--db", Database], console);

        // The worker's preflight answered: the root command is `run`, not a usage error.
        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.StartsWith($"{Watchlist}:2:14: invalid Bluesky handle", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenHttpUrlsIsNotAListenAddress_ReportsTheSettingAndExitsTwo()
    {
        await File.WriteAllTextAsync(Watchlist, "accounts:\n  - bluesky: alice.example.com\n");
        var settings = Path.Combine(_directory.FullName, "settings.json");
        await File.WriteAllTextAsync(settings, """{ "Http": { "Urls": "https://127.0.0.1:9464/metrics" } }""");
        var console = new CliConsole(new StringWriter(), new StringWriter(), Interactive: false);

        var exit = await CollectorCli.RunAsync(["run", "--watchlist", Watchlist, "--db", Database, "--settings", settings], console);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.Contains("Http:Urls: 'https://127.0.0.1:9464/metrics' is not an http://HOST:PORT listen address", console.Error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
