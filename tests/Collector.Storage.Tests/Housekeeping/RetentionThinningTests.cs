using System.Globalization;
using Collector.Storage.Collection;
using Collector.Storage.Housekeeping;
using Collector.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Storage.Tests.Housekeeping;

/// <summary>
/// Retention, table-driven. Snapshots are written as <c>account/DDTHH:MM</c> (a day of March 2025, UTC), in the order
/// given; "now" is 2025-03-10T12:00Z and two raw days are kept, so days before 2025-03-08 are thinned.
/// </summary>
public sealed class RetentionThinningTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("several in one old day keep the last",
        "a/01T06:00 a/01T12:00 a/01T18:00", "a/01T18:00")]
    [InlineData("several per day over several days keep the last of each day",
        "a/01T06:00 a/01T18:00 a/02T00:00 a/02T23:59 a/03T09:30 a/04T01:00 a/04T02:00 a/04T03:00",
        "a/01T18:00 a/02T23:59 a/03T09:30 a/04T03:00")]
    [InlineData("each account keeps its own last of the day",
        "a/01T06:00 b/01T07:00 a/01T08:00 b/01T09:00 c/01T01:00", "a/01T08:00 b/01T09:00 c/01T01:00")]
    [InlineData("the raw days (the cutoff day onwards) are untouched",
        "a/07T06:00 a/07T23:00 a/08T00:00 a/08T01:00 a/09T05:00 a/09T06:00 a/10T11:00",
        "a/07T23:00 a/08T00:00 a/08T01:00 a/09T05:00 a/09T06:00 a/10T11:00")]
    [InlineData("midnight starts the next day",
        "a/05T23:59 a/06T00:00 a/06T00:01", "a/05T23:59 a/06T00:01")]
    [InlineData("a late-arriving older snapshot is thinned like the rest",
        "a/03T20:00 a/03T08:00 a/03T10:00", "a/03T20:00")]
    [InlineData("one snapshot per day stays as it is",
        "a/01T06:00 a/02T06:00 a/03T06:00 b/02T07:00", "a/01T06:00 a/02T06:00 a/03T06:00 b/02T07:00")]
    public async Task Thinning_KeepsTheLastSnapshotPerAccountPerOldDay(string scenario, string written, string kept)
    {
        // Windows of 1 and 3 split days across transactions; the default takes everything in one.
        foreach (var windowSize in (int[])[1, 3, SnapshotThinning.DefaultWindowSize])
        {
            await using var database = await TempDatabase.CreateMigratedAsync();
            await WriteAsync(database, written);

            var first = await HousekeepingOn(database, windowSize).RunAsync(CancellationToken.None);
            var remaining = await RemainingAsync(database);
            var second = await HousekeepingOn(database, windowSize).RunAsync(CancellationToken.None);

            var because = $"{scenario} (window {windowSize})";
            Assert.True(Tokens(kept).SequenceEqual(remaining), $"{because}: kept {string.Join(' ', remaining)}");
            Assert.Equal(Tokens(written).Count - Tokens(kept).Count, first.SnapshotsDeleted);
            Assert.Equal(new DateTimeOffset(2025, 3, 8, 0, 0, 0, TimeSpan.Zero), first.ThinnedBefore);
            Assert.Equal(0, second.SnapshotsDeleted);
            Assert.Equal(remaining, await RemainingAsync(database));
            await AssertLatestSnapshotsAreValidAsync(database);
        }
    }

    [Fact]
    public async Task Thinning_OfEqualInstants_KeepsTheOneWrittenLast()
    {
        await using var database = await TempDatabase.CreateMigratedAsync();
        await WriteAsync(database, "a/01T06:00");
        await WriteAsync(database, "a/01T06:00", followers: 777);

        await HousekeepingOn(database, 1).RunAsync(CancellationToken.None);

        Assert.Equal(777L, await database.ScalarAsync("SELECT followers FROM snapshots"));
        await AssertLatestSnapshotsAreValidAsync(database);
    }

    [Fact]
    public async Task Housekeeping_WithoutRetention_DeletesNothing()
    {
        await using var database = await TempDatabase.CreateMigratedAsync();
        await WriteAsync(database, "a/01T06:00 a/01T07:00");

        var report = await HousekeepingOn(database, 1, RetentionPolicy.KeepEverything).RunAsync(CancellationToken.None);

        Assert.Null(report.ThinnedBefore);
        Assert.Equal(0, report.SnapshotsDeleted);
        Assert.Equal(2L, await database.CountAsync("snapshots"));
    }

    internal static DatabaseHousekeeping HousekeepingOn(TempDatabase database, int windowSize, RetentionPolicy? retention = null) =>
        new(new SqliteConnectionFactory(database.Path), retention ?? new RetentionPolicy(2), new FakeTimeProvider(Now),
            NullLogger<DatabaseHousekeeping>.Instance)
        {
            ThinningWindowSize = windowSize,
        };

    /// <summary>Each token is one batch, in order, as rounds would write them.</summary>
    internal static async Task WriteAsync(TempDatabase database, string tokens, long followers = 1000)
    {
        using var connections = new SqliteConnectionFactory(database.Path);
        var store = new SqliteCollectionStore(connections);
        foreach (var (account, at) in Tokens(tokens).Select(Parse))
        {
            var observation = new ObservationBuilder(account, at).WithCounts(followers, 1, 1).Build();
            await store.SaveBatchAsync("bluesky", [observation], [], CancellationToken.None);
        }
    }

    private static async Task<List<string>> RemainingAsync(TempDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT w.watch_key, s.collected_at
              FROM snapshots AS s JOIN watch_entries AS w ON w.account_id = s.account_id
             ORDER BY s.id
            """;
        var remaining = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
            remaining.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)}/{at:dd'T'HH:mm}"));
        }

        return remaining;
    }

    /// <summary>Every account keeps a snapshot (its latest is never thinned) and every reference still holds.</summary>
    private static async Task AssertLatestSnapshotsAreValidAsync(TempDatabase database)
    {
        Assert.Equal(0L, await database.ScalarAsync("""
            SELECT count(*) FROM accounts AS a WHERE NOT EXISTS (SELECT 1 FROM snapshots AS s WHERE s.account_id = a.id)
            """));
        Assert.Empty(await SqliteFile.ForeignKeyProblemsAsync(database.Path));
    }

    private static List<string> Tokens(string tokens) => [.. tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static (string Account, DateTimeOffset At) Parse(string token)
    {
        var slash = token.IndexOf('/', StringComparison.Ordinal);
        var at = DateTimeOffset.ParseExact(
            "2025-03-" + token[(slash + 1)..], "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return (token[..slash], at.ToUniversalTime());
    }
}
