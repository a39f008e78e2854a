using System.Globalization;
using System.Text.Json;
using Collector.Benchmarks.Fake;
using Collector.Worker.Watchlists;
using Microsoft.Data.Sqlite;

namespace Collector.Benchmarks.Harness;

/// <summary>
/// A fresh temporary directory (random name) holding every file of a benchmark run: settings pointing the product at
/// the fake server, generated watchlists and databases. Deleted on dispose unless asked to keep it.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private readonly bool _keep;
    private int _files;

    public Workspace(bool keep)
    {
        _keep = keep;
        Root = Directory.CreateTempSubdirectory("collector-bench-").FullName;
    }

    public string Root { get; }

    /// <summary>A new, unused path in the workspace.</summary>
    public string NewPath(string name) =>
        Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref _files):D3}-{name}"));

    /// <summary>Settings for the real product: every platform at the fake server, credentials it accepts, quotas out of the way.</summary>
    public string WriteSettings(Uri server, int maxConcurrency)
    {
        var path = NewPath("settings.json");
        var root = server.AbsoluteUri;
        var settings = new Dictionary<string, object>
        {
            ["Collection"] = new Dictionary<string, object> { ["MaxConcurrency"] = maxConcurrency },
            ["Platforms"] = new Dictionary<string, object>
            {
                ["Bluesky"] = new Dictionary<string, object> { ["BaseUrl"] = root },
                ["X"] = new Dictionary<string, object> { ["BaseUrl"] = root, ["BearerToken"] = XApi.BearerToken },
                ["Mastodon"] = new Dictionary<string, object> { ["BaseUrlTemplate"] = root + "{instance}" },
                ["YouTube"] = new Dictionary<string, object>
                {
                    ["BaseUrl"] = root + "youtube/v3",
                    ["ApiKey"] = YouTubeApi.ApiKey,

                    // The real daily quota (10,000 units) would stop a 25,000-channel resolve round; the benchmark
                    // measures speed, and the quota ledger's writes still happen for every request.
                    ["DailyQuotaUnits"] = 1_000_000_000,
                },
            },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    /// <summary>
    /// Copies a database after folding its write-ahead log into the main file, so the copy is complete and every copy
    /// starts from the same state.
    /// </summary>
    public string CopyDatabase(string source)
    {
        Checkpoint(source);
        var copy = NewPath("copy.db");
        File.Copy(source, copy);

        // The data directory as a restarted worker finds it: the watchlist cache beside the database comes along,
        // so start-up and idle memory are measured as they are while the watchlist is unchanged.
        var cache = source + WatchlistSource.CacheSuffix;
        if (File.Exists(cache))
        {
            File.Copy(cache, copy + WatchlistSource.CacheSuffix);
        }

        return copy;
    }

    public static void Checkpoint(string database)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (!_keep)
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
