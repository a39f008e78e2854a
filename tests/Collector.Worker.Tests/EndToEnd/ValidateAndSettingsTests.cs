namespace Collector.Worker.Tests.EndToEnd;

public sealed class ValidateAndSettingsTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async Task InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Validate_GoodWatchlist_ExitsZeroAndCreatesNoDatabase()
    {
        _cli.WriteWatchlist("accounts:\n  - bluesky: alice.example.com\n  - mastodon: Gargron@mastodon.social\n");

        var run = await _cli.RunAsync("validate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("OK, 2 accounts", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DatabasePath));
    }

    [Fact]
    public async Task Validate_BrokenWatchlist_ExitsTwoAndPrintsEveryProblemWithLineAndColumn()
    {
        _cli.WriteWatchlist("""
            schedule: every 0h
            band:
              min_followers: 50000
              max_followers: 1000
            accounts:
              - bluesky: alice.example.com
              - bluesky: Alice.Example.com
              - x: this_handle_is_far_too_long
              - myspace: tom
            """);

        var run = await _cli.RunAsync("validate");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(5, lines.Length);
        var file = _cli.WatchlistPath;
        Assert.StartsWith($"{file}:1:11: invalid schedule", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"{file}:4:18: max_followers (1000) is less than min_followers", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:7:", StringComparison.Ordinal) && l.Contains("duplicate account", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:8:", StringComparison.Ordinal) && l.Contains("invalid X handle", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:9:", StringComparison.Ordinal) && l.Contains("unknown platform", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_WhenWatchlistIsInvalid_ExitsTwoWithoutRequests()
    {
        _cli.WriteWatchlist("accounts:\n  - bluesky: bad/handle\n");

        var run = await _cli.RunAsync("collect");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(":2:", run.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.Bluesky.Requests);
    }

    [Fact]
    public async Task Status_WhenBothWatchlistAndDatabaseAreBroken_ReportsTheWatchlistFirstAndOnly()
    {
        // The two are opened side by side; what is reported keeps the order a reader expects.
        _cli.WriteWatchlist("accounts:\n  - bluesky: bad/handle\n");
        WriteNotADatabase();

        var run = await _cli.RunAsync("status");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(":2:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("database", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WhenOnlyTheDatabaseIsBroken_ExitsTwoNamingIt()
    {
        _cli.WriteWatchlist("accounts:\n  - bluesky: alice.bsky.social\n");
        WriteNotADatabase();

        var run = await _cli.RunAsync("status");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"database {_cli.DatabasePath}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("not a database", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_WhenASettingIsInvalid_ExitsTwoNamingTheSetting()
    {
        _cli.WriteWatchlist("accounts:\n  - bluesky: alice.example.com\n");
        _cli.WriteSettings(new Dictionary<string, object>
        {
            ["Collection"] = new Dictionary<string, object> { ["MaxConcurrency"] = 0 },
        });

        var run = await _cli.RunAsync("collect");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("settings:", run.Error, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrency", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_WhenSettingsFileIsMissing_ExitsTwo()
    {
        File.Delete(_cli.SettingsPath);
        _cli.WriteWatchlist("accounts:\n  - bluesky: alice.example.com\n");

        var run = await _cli.RunAsync("collect");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("settings:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandLineOption_ExitsTwo()
    {
        var run = await _cli.RunAsync("status", "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Error, StringComparison.Ordinal);
    }

    private void WriteNotADatabase()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.DatabasePath)!);
        File.WriteAllText(_cli.DatabasePath, new string('x', 4096));
    }
}
