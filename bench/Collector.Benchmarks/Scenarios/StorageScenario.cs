using System.Diagnostics;
using Collector.Benchmarks.Fake;
using Collector.Benchmarks.Harness;
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
            var product = new List<double>();
            var raw = new List<double>();
            for (var run = 1; run <= context.Options.Runs; run++)
            {
                Progress.Write($"storage: {rows:N0} snapshots in batches of {batch}, run {run}/{context.Options.Runs}");
                product.Add(rows / (await ProductAsync(context, rows, batch, token)).TotalSeconds);
                raw.Add(rows / Raw(context, rows, batch).TotalSeconds);
            }

            var productRate = Stats.Median(product);
            var rawRate = Stats.Median(raw);
            var ratio = productRate / rawRate;
            context.Report.Add("storage", $"snapshot writes, {Report.Int(rows)} rows, {batch} per transaction (median of {product.Count})",
                $"{Report.Int((long)productRate)} rows/s", $"raw {Report.Int((long)rawRate)} rows/s", Report.Percent(ratio),
                $"≥ {Report.Percent(TargetRatio)}", ratio >= TargetRatio);
        }
    }

    private static async Task<TimeSpan> ProductAsync(BenchContext context, int rows, int batch, CancellationToken token)
    {
        var path = context.Workspace.NewPath("storage-product.db");
        var connections = new SqliteConnectionFactory(path);
        await new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(token);
        var store = new SqliteCollectionStore(connections);

        await WriteRoundAsync(store, Observations(rows, batch, FirstRound), token);
        var second = Observations(rows, batch, FirstRound.AddHours(6));
        var watch = Stopwatch.StartNew();
        await WriteRoundAsync(store, second, token);
        watch.Stop();

        var stored = await new Collector.Storage.Status.SqliteStatusReader(connections).GetSnapshotsAsync(1, null, token);
        context.Report.Check(stored.Count == 2 && stored[1].Followers == Synthetic.Followers(0), "storage: account 1 should have its two snapshots");
        File.Delete(path);
        return watch.Elapsed;
    }

    private static async Task WriteRoundAsync(SqliteCollectionStore store, List<List<AccountObservation>> batches, CancellationToken token)
    {
        foreach (var observations in batches)
        {
            await store.SaveBatchAsync(PlatformKeys.X, observations, [], token);
        }
    }

    /// <summary>Built before the clock starts: the figure is the writes, not the making of the records.</summary>
    private static List<List<AccountObservation>> Observations(int rows, int batch, DateTimeOffset at) =>
        [.. Enumerable.Range(0, rows).Chunk(batch).Select(chunk => chunk.Select(n => new AccountObservation(
            Synthetic.XHandle(n),
            at,
            new ProfileMetrics(Synthetic.XId(n), Synthetic.XHandle(n), Synthetic.Followers(n), Synthetic.Following(n), Synthetic.Posts(n)),
            Engagement: null,
            DataQuality.None)).ToList())];

    private static TimeSpan Raw(BenchContext context, int rows, int batch)
    {
        var path = context.Workspace.NewPath("storage-raw.db");
        TimeSpan elapsed;
        using (var writer = new RawSnapshotWriter(path))
        {
            var first = FirstRound.ToUnixTimeMilliseconds();
            for (var n = 0; n < rows; n += batch)
            {
                writer.WriteBatch(n, Math.Min(batch, rows - n), first);
            }

            var watch = Stopwatch.StartNew();
            for (var n = 0; n < rows; n += batch)
            {
                writer.WriteBatch(n, Math.Min(batch, rows - n), first + 21_600_000);
            }

            elapsed = watch.Elapsed;
        }

        File.Delete(path);
        return elapsed;
    }
}
