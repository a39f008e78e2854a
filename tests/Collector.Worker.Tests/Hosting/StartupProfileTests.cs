using Collector.Worker.Cli;
using Collector.Worker.Hosting;
using Collector.Worker.Tests.X;

namespace Collector.Worker.Tests.Hosting;

public sealed class StartupProfileTests
{
    [Fact]
    public void Verbs_AreTheCommandsOfTheCli()
    {
        var cli = CollectorCli.Create(new CliConsole(new StringWriter(), new StringWriter(), Interactive: false));

        Assert.Equal(cli.Subcommands.Select(static c => c.Name).Order(), StartupProfile.Verbs.Order());
    }

    [Theory]
    [InlineData("status --json", "status.jitprofile")]
    [InlineData("--db data/c.db --verbose history bluesky:a.bsky.social", "history.jitprofile")]
    [InlineData("run", "run.jitprofile")]
    [InlineData("", "run.jitprofile")]
    [InlineData("--settings s.json", "run.jitprofile")]
    [InlineData("--version", null)]
    [InlineData("status --help", null)]
    public void FileName_IsTheVerbsProfile_AndNoneForHelpOrVersion(string args, string? expected)
    {
        Assert.Equal(expected, StartupProfile.FileName(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("/var/cache/collector", "/x", "/home/op", "/var/cache/collector")]
    [InlineData("/var/cache/collector:/var/cache/other", null, null, "/var/cache/collector")]
    [InlineData(null, "/x", "/home/op", "/x/collector")]
    [InlineData(null, "relative/cache", "/home/op", "/home/op/.cache/collector")]
    [InlineData(null, null, "/home/op", "/home/op/.cache/collector")]
    [InlineData("", "", "", null)]
    [InlineData(null, null, null, null)]
    public void Directory_IsSystemdsCacheDirectory_ThenXdg_ThenHome(string? systemd, string? xdg, string? home, string? expected)
    {
        var environment = new Dictionary<string, string?> { ["CACHE_DIRECTORY"] = systemd, ["XDG_CACHE_HOME"] = xdg, ["HOME"] = home };

        Assert.Equal(expected, StartupProfile.DirectoryFrom(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task ACommand_LeavesItsProfileInTheCacheDirectory_EvenWhenItFails()
    {
        var directory = Directory.CreateTempSubdirectory("collector-jit-").FullName;
        try
        {
            var cache = Path.Combine(directory, "cache");
            var run = await CollectorProcess.RunAsync(
                directory,
                new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache },
                "validate",
                "--watchlist",
                Path.Combine(directory, "missing.yaml"));

            Assert.Equal(ExitCodes.UsageOrConfiguration, run.ExitCode);
            Assert.True(new FileInfo(Path.Combine(cache, "collector", "validate.jitprofile")).Length > 0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
