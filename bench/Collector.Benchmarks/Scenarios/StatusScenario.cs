using System.Diagnostics;
using System.Text.Json;
using Collector.Benchmarks.Harness;
using Collector.Core.Watchlist;
using Collector.Core.Watchlist.Cache;
using Collector.Storage;
using Collector.Storage.Status;
using Collector.Worker.Cli;
using Collector.Worker.Output;
using Collector.Worker.Settings;
using Collector.Worker.Watchlists;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Collector.Benchmarks.Scenarios;

/// <summary>
/// Read side: <c>status --json</c> over the throughput accounts with their history grown to N snapshots each
/// (100,000 × 20 = 2,000,000), as a fresh <c>collector</c> process (what an operator waits for) and in this process
/// once warm (the command's own cost, without runtime start-up and JIT); then one account's history.
/// </summary>
internal static class StatusScenario
{
    private const double StatusTargetSeconds = 1;
    private const double HistoryTargetMs = 50;

    public static async Task RunAsync(BenchContext context, CancellationToken token)
    {
        var (template, watchlist) = await context.ThroughputTemplateAsync(token);
        var database = context.Workspace.CopyDatabase(template);
        var perAccount = context.Options.SnapshotsPerAccount;
        Progress.Write($"status: growing the history to {perAccount} snapshots per account");
        var (accounts, snapshots) = Grow(database, perAccount);
        context.Report.Check(snapshots == accounts * perAccount, $"status: {snapshots} snapshots for {accounts} accounts, expected {perAccount} each");
        var size = ProcessMemory.Mb(new FileInfo(database).Length);
        context.Report.Add("status", "database", $"{Report.Int(accounts)} accounts, {Report.Int(snapshots)} snapshots, {Report.Num(size, 0)} MB");

        // The steady state: the watchlist is unchanged since the worker (or the previous command) last validated it,
        // so its cache beside the database is current. The breakdown below times the parse that fills it.
        context.Report.Check(Source(database, watchlist).Load().IsValid, "the generated watchlist should be valid");
        var args = new[] { "status", "--json", "--db", database, "--watchlist", watchlist };

        // The shipped form (ReadyToRun, as the image and the systemd install publish it) has a database copy of its own:
        // the watchlist cache is keyed by the build that validated it. Its first run fills that cache, untimed. The first
        // run of each form also records its startup profile (StartupProfile), which the timed runs replay.
        Progress.Write("status: publishing collector as it ships (ReadyToRun)");
        var published = await ChildProcess.PublishAsync(context.Workspace.NewPath("published"), token);
        var shippedDatabase = context.Workspace.CopyDatabase(database);
        string[] shippedArgs = ["status", "--json", "--db", shippedDatabase, "--watchlist", watchlist];
        await FreshAsync(context, published(context.Workspace.Root, shippedArgs), accounts, token);
        await FreshAsync(context, ChildProcess.Collector(context.Workspace.Root, args), accounts, token);

        // Run by run, one form then the other, so both see the same moments of a busy machine.
        var (cold, shipped) = (new List<double>(), new List<double>());
        for (var run = 1; run <= context.Options.Runs; run++)
        {
            Progress.Write($"status: `collector status --json` process {run}/{context.Options.Runs}");
            cold.Add(await FreshAsync(context, ChildProcess.Collector(context.Workspace.Root, args), accounts, token));
            shipped.Add(await FreshAsync(context, published(context.Workspace.Root, shippedArgs), accounts, token));
        }

        var warm = new List<double>();
        for (var run = 0; run <= context.Options.Runs; run++)
        {
            // The rows go to a stream as they do to the process's standard output (the fresh runs above check them);
            // capturing 111 MB of JSON in a string would time the harness, not the command.
            var watch = Stopwatch.StartNew();
            var exit = await CollectorCli.RunAsync(args, new CliConsole(TextWriter.Null, new StringWriter(), Interactive: false) { OutStream = Stream.Null }, token);
            watch.Stop();
            context.Report.Check(exit == 0, $"in-process status exited with {exit}");
            if (run > 0)
            {
                warm.Add(watch.Elapsed.TotalSeconds);
            }
        }

        var coldMedian = Stats.Median(cold);
        var shippedMedian = Stats.Median(shipped);
        var warmMedian = Stats.Median(warm);
        context.Report.Add("status", $"`collector status --json`, fresh process, as shipped (ReadyToRun publish; median of {shipped.Count})",
            $"{Report.Num(shippedMedian)} s", target: $"< {StatusTargetSeconds} s", met: shippedMedian < StatusTargetSeconds);
        context.Report.Add("status", $"  same, the build output (`dotnet run`, `dotnet build`; median of {cold.Count})", $"{Report.Num(coldMedian)} s",
            target: $"< {StatusTargetSeconds} s", met: coldMedian < StatusTargetSeconds);
        context.Report.Add("status", $"  same command in a warm process (median of {warm.Count})", $"{Report.Num(warmMedian)} s",
            target: $"< {StatusTargetSeconds} s", met: warmMedian < StatusTargetSeconds);
        await BreakdownAsync(context, database, watchlist, token);
        await HistoryAsync(context, database, watchlist, perAccount, token);
    }

    /// <summary>
    /// The parts of the command, timed alone: reading the watchlist (parsed without the cache, parsed and stored in
    /// it, and read back from it as every command does while the file is unchanged), the status query with the kept
    /// growth points, and the rows built (growth summarized) and written as JSON.
    /// </summary>
    private static async Task BreakdownAsync(BenchContext context, string database, string watchlist, CancellationToken token)
    {
        var parse = new List<double>();
        var store = new List<double>();
        var hit = new List<double>();
        var query = new List<double>();
        var written = new List<double>();
        var (stateReads, stateBytes, queryBytes) = (new List<double>(), new List<double>(), new List<double>());
        var source = Source(database, watchlist);
        var reader = new SqliteStatusReader(new SqliteConnectionFactory(database));
        for (var run = 0; run <= context.Options.Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var result = WatchlistLoader.Load(watchlist, QuartzCron.Validate);
            var parsed = watch.Elapsed.TotalSeconds;
            context.Report.Check(result.IsValid, "the generated watchlist should be valid");
            File.Delete(source.CachePath);
            watch.Restart();
            source.Load(out var stored);
            var storedIn = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var document = source.Load(out var hitOutcome).Document!;
            var hitIn = watch.Elapsed.TotalSeconds;
            context.Report.Check((stored, hitOutcome) == (WatchlistCacheOutcome.Stored, WatchlistCacheOutcome.Hit),
                $"the watchlist cache should be stored, then hit; it was {stored}, then {hitOutcome}");
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            var states = await reader.GetStatesAsync(token);
            var statesIn = watch.Elapsed.TotalSeconds;
            var statesAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            context.Report.Check(states.Count == document.Accounts.Count, $"{states.Count} entry states for {document.Accounts.Count} accounts");
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            var records = await reader.GetStatusAsync(token);
            var queried = watch.Elapsed.TotalSeconds;
            var recordsAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            watch.Restart();
            using (var json = await StatusJsonDocument.ReadAsync(reader, new StatusRows(document, [], DateTimeOffset.UnixEpoch), token))
            {
                await json.WriteAsync(Stream.Null, token);
            }

            if (run > 0)
            {
                (parse, store, hit) = ([.. parse, parsed], [.. store, storedIn], [.. hit, hitIn]);
                (query, written) = ([.. query, queried], [.. written, watch.Elapsed.TotalSeconds]);
                (stateReads, stateBytes, queryBytes) = ([.. stateReads, statesIn], [.. stateBytes, ProcessMemory.Mb(statesAllocated)], [.. queryBytes, ProcessMemory.Mb(recordsAllocated)]);
            }
        }

        context.Report.Add("status", "  of which: loading the watchlist from its cache (file unchanged; its entries are built with the rows)", $"{Report.Num(Stats.Median(hit))} s");
        context.Report.Add("status", "  (after an edit: parsing, validating and storing it in the cache)", $"{Report.Num(Stats.Median(store))} s");
        context.Report.Add("status", "  (parsing and validating alone, WatchlistLoader.Load)", $"{Report.Num(Stats.Median(parse))} s");
        context.Report.Add("status", "  the status query alone, every record held (IStatusReader.GetStatusAsync, as the table reads it)", $"{Report.Num(Stats.Median(query))} s",
            $"{Report.Num(Stats.Median(queryBytes), 0)} MB allocated");
        context.Report.Add("status", "  of which: the records read, each row built and formatted as its record arrives, then printed to a null stream (StatusJsonDocument)", $"{Report.Num(Stats.Median(written))} s");
        context.Report.Add("status", "the state read of a scheduled round and of /healthz (IStatusReader.GetStatesAsync)", $"{Report.Num(Stats.Median(stateReads))} s",
            $"{Report.Num(Stats.Median(stateBytes), 0)} MB allocated");
    }

    /// <summary>One fresh <c>status --json</c> writing to a file, checked after it exits; its wall time in seconds.</summary>
    private static async Task<double> FreshAsync(BenchContext context, ProcessStartInfo command, long accounts, CancellationToken token)
    {
        var output = Path.Combine(context.Workspace.Root, "status.json");
        var child = await ChildProcess.RunAsync(ChildProcess.WithStdoutTo(command, output), token);
        context.Report.Check(child.ExitCode == 0, $"status exited with {child.ExitCode}: {child.StderrTail}");
        var printed = Rows(await File.ReadAllTextAsync(output, token));
        context.Report.Check(printed == accounts, $"status --json printed {printed} rows, expected {accounts}");
        File.Delete(output);
        return child.Elapsed.TotalSeconds;
    }

    /// <summary>The watchlist as the commands load it: through the cache beside <paramref name="database"/>.</summary>
    private static WatchlistSource Source(string database, string watchlist) => new(
        Options.Create(new WatchlistOptions { Path = watchlist }),
        Options.Create(new StorageOptions { Path = database }));

    /// <summary>
    /// One account's <c>history --json</c>: as a fresh process, warm in this process, and the snapshot read alone
    /// (<see cref="Core.Storage.IStatusReader.GetSnapshotsAsync"/>) for accounts spread over the table. The floor of
    /// any fresh process is shown beside it: <c>collector --version</c> (runtime start-up, no work).
    /// </summary>
    private static async Task HistoryAsync(BenchContext context, string database, string watchlist, int perAccount, CancellationToken token)
    {
        var platform = context.Platforms[0];
        var account = $"{platform}:{WatchlistFile.Entry(platform, 1).Trim('"')}";
        var args = new[] { "history", account, "--json", "--db", database, "--watchlist", watchlist };
        var cold = new List<double>();
        var floor = new List<double>();
        var warm = new List<double>();
        for (var run = 0; run <= context.Options.Runs; run++)
        {
            var child = await ChildProcess.RunAsync(ChildProcess.Collector(context.Workspace.Root, args), token);
            context.Report.Check(child.ExitCode == 0 && child.Stdout.Contains("\"snapshots\"", StringComparison.Ordinal),
                $"history exited with {child.ExitCode}: {child.StderrTail}");
            var version = await ChildProcess.RunAsync(ChildProcess.Collector(context.Workspace.Root, "--version"), token);
            var output = new StringWriter();
            var watch = Stopwatch.StartNew();
            var exit = await CollectorCli.RunAsync(args, new CliConsole(output, new StringWriter(), Interactive: false), token);
            watch.Stop();
            context.Report.Check(exit == 0, $"in-process history exited with {exit}");
            if (run > 0)
            {
                cold.Add(child.Elapsed.TotalMilliseconds);
                floor.Add(version.Elapsed.TotalMilliseconds);
                warm.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var reader = new SqliteStatusReader(new SqliteConnectionFactory(database));
        var reads = new List<double>();
        foreach (var id in Ids(database))
        {
            var watch = Stopwatch.StartNew();
            var snapshots = await reader.GetSnapshotsAsync(id, null, token);
            reads.Add(watch.Elapsed.TotalMilliseconds);
            context.Report.Check(snapshots.Count == perAccount, $"history of account {id}: {snapshots.Count} snapshots, expected {perAccount}");
        }

        var warmMedian = Stats.Median(warm);
        var readMedian = Stats.Median(reads.Skip(1));
        context.Report.Add("history", $"`collector history {account} --json`, fresh process (median of {cold.Count})",
            $"{Report.Num(Stats.Median(cold), 0)} ms", $"`collector --version` {Report.Num(Stats.Median(floor), 0)} ms");
        context.Report.Add("history", $"  same command in a warm process (median of {warm.Count})", $"{Report.Num(warmMedian, 1)} ms",
            target: $"< {HistoryTargetMs} ms", met: warmMedian < HistoryTargetMs);
        context.Report.Add("history", $"  of which: the snapshot read, IStatusReader.GetSnapshotsAsync (median of {reads.Count - 1} accounts)",
            $"{Report.Num(readMedian)} ms", $"first call {Report.Num(reads[0])} ms", target: $"< {HistoryTargetMs} ms", met: readMedian < HistoryTargetMs);
    }

    /// <summary>Adds older snapshots to every account (collected every 6 h before its current one), in one statement.</summary>
    private static (long Accounts, long Snapshots) Grow(string database, int perAccount)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using (var grow = connection.CreateCommand())
        {
            grow.CommandText = """
                PRAGMA synchronous = NORMAL;
                WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $extra)
                INSERT INTO snapshots (account_id, collected_at, followers, following, posts, posts_sampled, quality_flags)
                SELECT s.account_id, s.collected_at - k.i * 21600000, max(s.followers - k.i * 7, 0), s.following, s.posts, 0, 0
                  FROM k CROSS JOIN snapshots AS s
                 ORDER BY k.i DESC, s.account_id;
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            grow.Parameters.AddWithValue("$extra", perAccount - 1);
            grow.ExecuteNonQuery();
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM snapshots);";
        using var reader = count.ExecuteReader();
        reader.Read();
        var result = (reader.GetInt64(0), reader.GetInt64(1));
        return result;
    }

    private static List<long> Ids(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM accounts WHERE id % max(1, (SELECT count(*) FROM accounts) / 50) = 0 LIMIT 51;";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Rows of a <c>status --json</c> answer; -1 when it is not a JSON array.</summary>
    private static int Rows(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}
