using Collector.Core.Watchlist.Cache;
using Collector.Worker.Settings;
using Collector.Worker.Watchlists;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Tests.Run;

public sealed class WatchlistSourceTests : IDisposable
{
    private const string Watchlist = """
        schedule: "0 0 */6 * * ?"
        accounts:
          - bluesky: alice.example.com
          - x: XDevelopers
            schedule: "0 15 3 ? * MON-FRI"

        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("collector-watchlist-source-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_ValidWatchlist_IsCachedBesideTheDatabaseAndReadFromThereNextTime()
    {
        var database = Path.Combine(_directory.FullName, "data", "collector.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var source = Source(Write(Watchlist), database);

        var first = source.Load(out var firstOutcome);
        var second = source.Load(out var secondOutcome);

        Assert.Equal(database + ".watchlist-cache", source.CachePath);
        Assert.True(File.Exists(source.CachePath));
        Assert.Equal((WatchlistCacheOutcome.Stored, WatchlistCacheOutcome.Hit), (firstOutcome, secondOutcome));
        Assert.Equal(first.Document!.Accounts, second.Document!.Accounts);
    }

    [Fact]
    public void Load_CronQuartzRejects_IsReportedAndNotCached()
    {
        // Structurally a cron expression; only Quartz knows there is no hour 25.
        var database = Path.Combine(_directory.FullName, "collector.db");
        var source = Source(Write(Watchlist.Replace("0 15 3 ?", "0 15 25 ?", StringComparison.Ordinal)), database);

        var first = source.Load(out var outcome);
        var second = source.Load();

        Assert.Equal(WatchlistCacheOutcome.Invalid, outcome);
        var problem = Assert.Single(first.Problems);
        Assert.Equal(5, problem.Line);
        Assert.Equal(first.Problems, second.Problems);
        Assert.False(File.Exists(source.CachePath));
    }

    [Fact]
    public void Load_DatabaseDirectoryDoesNotExistYet_StillLoads()
    {
        var source = Source(Write(Watchlist), Path.Combine(_directory.FullName, "absent", "collector.db"));

        var result = source.Load(out var outcome);

        Assert.True(result.IsValid);
        Assert.Equal(WatchlistCacheOutcome.NotStored, outcome);
        Assert.False(Directory.Exists(Path.Combine(_directory.FullName, "absent")));
    }

    private static WatchlistSource Source(string watchlist, string database) => new(
        Options.Create(new WatchlistOptions { Path = watchlist }),
        Options.Create(new StorageOptions { Path = database }));

    private string Write(string text)
    {
        var path = Path.Combine(_directory.FullName, "watchlist.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
