using Collector.Benchmarks.Fake;
using Collector.Benchmarks.Harness;
using Collector.Core.Accounts;
using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Core.Storage;
using Collector.Storage;
using Collector.Storage.Collection;
using Collector.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Benchmarks.Scenarios;

/// <summary>
/// Snapshot writes through the Storage layer (<see cref="ICollectionStore.SaveBatchAsync"/>: account upsert, handle
/// history, snapshot with its latest-snapshot trigger, watch-entry state) against the raw prepared-insert ceiling, in
/// this process (no HTTP involved). Both write a first round untimed, so the timed round is the steady state of a
/// collector: accounts known, indexes populated.
/// </summary>
internal static class StorageScenario
{
    private const double TargetRatio = 0.70;
    private static readonly DateTimeOffset FirstRound = new(2025, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(BenchContext context, CancellationToken token)
    {
        foreach (var (batch, rows) in new[] { (100, context.Options.StorageRows), (1, Math.Max(100, context.Options.StorageRows / 10)) })
        {
            var product = new List<Timing>();
            var raw = new List<Timing>();
            for (var run = 1; run <= context.Options.Runs; run++)
            {
                Progress.Write($"storage: {rows:N0} snapshots in batches of {batch}, run {run}/{context.Options.Runs}");
                product.Add(await ProductAsync(context, rows, batch, token));
                raw.Add(Raw(context, rows, batch));
            }

            // SQLite in WAL mode with synchronous=NORMAL does not wait for the disk on commit, so writing is CPU work:
            // rows per CPU second is the figure that survives a machine busy with other work; wall time is shown too.
            var productRate = Stats.Median(product.Select(t => rows / t.Cpu.TotalSeconds));
            var rawRate = Stats.Median(raw.Select(t => rows / t.Cpu.TotalSeconds));
            var ratio = productRate / rawRate;
            context.Report.Add("storage", $"snapshot writes, {Report.Int(rows)} rows, {batch} per transaction, rows per CPU second (median of {product.Count})",
                Report.Int((long)productRate), $"raw {Report.Int((long)rawRate)}", Report.Percent(ratio),
                $"≥ {Report.Percent(TargetRatio)}", ratio >= TargetRatio);
            var productWall = Stats.Median(product.Select(t => rows / t.Wall.TotalSeconds));
            var rawWall = Stats.Median(raw.Select(t => rows / t.Wall.TotalSeconds));
            context.Report.Add("storage", "  same, rows per wall-clock second", Report.Int((long)productWall), $"raw {Report.Int((long)rawWall)}",
                Report.Percent(productWall / rawWall));
        }
    }

    private static async Task<Timing> ProductAsync(BenchContext context, int rows, int batch, CancellationToken token)
    {
        var path = context.Workspace.NewPath("storage-product.db");
        using var connections = new SqliteConnectionFactory(path);
        await new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(token);
        var store = new SqliteCollectionStore(connections);

        await WriteRoundAsync(store, Observations(rows, batch, FirstRound, known: null), token);

        // As in a collection round: the round's entries are read before its requests go out, and handed over with the
        // observations (AccountObservation.Known), so the write need not read them again. That read is not timed here.
        var known = await store.GetTrackedAccountsAsync(
            PlatformKeys.X, [.. Enumerable.Range(0, rows).Select(Synthetic.XHandle)], token);
        var second = Observations(rows, batch, FirstRound.AddHours(6), known);
        var watch = Timing.Start();
        await WriteRoundAsync(store, second, token);
        var timing = watch.Stop();

        var stored = await new Collector.Storage.Status.SqliteStatusReader(connections).GetSnapshotsAsync(1, null, token);
        context.Report.Check(stored.Count == 2 && stored[1].Followers == Synthetic.Followers(0), "storage: account 1 should have its two snapshots");
        File.Delete(path);
        return timing;
    }

    private static async Task WriteRoundAsync(SqliteCollectionStore store, List<List<AccountObservation>> batches, CancellationToken token)
    {
        foreach (var observations in batches)
        {
            await store.SaveBatchAsync(PlatformKeys.X, observations, [], token);
        }
    }

    /// <summary>Built before the clock starts: the figure is the writes, not the making of the records.</summary>
    private static List<List<AccountObservation>> Observations(
        int rows, int batch, DateTimeOffset at, IReadOnlyDictionary<string, TrackedAccount>? known) =>
        [.. Enumerable.Range(0, rows).Chunk(batch).Select(chunk => chunk.Select(n => new AccountObservation(
            Synthetic.XHandle(n),
            at,
            new ProfileMetrics(Synthetic.XId(n), Synthetic.XHandle(n), Synthetic.Followers(n), Synthetic.Following(n), Synthetic.Posts(n)),
            Engagement: null,
            DataQuality.None) { Known = known?.GetValueOrDefault(Synthetic.XHandle(n)) }).ToList())];

    private static Timing Raw(BenchContext context, int rows, int batch)
    {
        var path = context.Workspace.NewPath("storage-raw.db");
        Timing elapsed;
        using (var writer = new RawSnapshotWriter(path))
        {
            var first = FirstRound.ToUnixTimeMilliseconds();
            for (var n = 0; n < rows; n += batch)
            {
                writer.WriteBatch(n, Math.Min(batch, rows - n), first);
            }

            var watch = Timing.Start();
            for (var n = 0; n < rows; n += batch)
            {
                writer.WriteBatch(n, Math.Min(batch, rows - n), first + 21_600_000);
            }

            elapsed = watch.Stop();
        }

        File.Delete(path);
        return elapsed;
    }
}
