using System.Globalization;

namespace Collector.Benchmarks.Harness;

/// <summary>
/// Command-line options of the harness. The defaults are the sizes of issue 8's targets; <c>--quick</c> shrinks every
/// size to a smoke test that checks correctness only (CI runs it after the tests).
/// </summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    public int Runs { get; init; } = 3;

    public bool Keep { get; init; }

    public bool Micro { get; init; }

    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Accounts per platform for request efficiency (target: 10,000).</summary>
    public int EfficiencyPerPlatform { get; init; } = 10_000;

    /// <summary>Accounts in the throughput and memory round, split evenly over the platforms (target: 100,000).</summary>
    public int ThroughputAccounts { get; init; } = 100_000;

    public int LatencyMs { get; init; } = 50;

    /// <summary>Accounts per platform in the added-latency round; Mastodon's one request per account sets its length.</summary>
    public int LatencyPerPlatform { get; init; } = 5_000;

    public int LatencyConcurrency { get; init; } = 16;

    /// <summary>Concurrency of every other round: the product's default <c>Collection:MaxConcurrency</c>.</summary>
    public int Concurrency { get; init; } = 4;

    public int StorageRows { get; init; } = 100_000;

    /// <summary>Snapshots per account in the status database (100,000 accounts × 20 = 2,000,000).</summary>
    public int SnapshotsPerAccount { get; init; } = 20;

    public bool Includes(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick")
            ? new BenchOptions
            {
                Quick = true,
                Runs = 1,
                EfficiencyPerPlatform = 120,
                ThroughputAccounts = 800,
                LatencyMs = 20,
                LatencyPerPlatform = 40,
                LatencyConcurrency = 4,
                StorageRows = 2_000,
                SnapshotsPerAccount = 3,
            }
            : new BenchOptions();

        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options,
                "--keep" => options with { Keep = true },
                "--micro" => options with { Micro = true },
                "--runs" => options with { Runs = NextInt() },
                "--only" => options with { Only = Next().Split(',').ToHashSet(StringComparer.Ordinal) },
                "--efficiency-per-platform" => options with { EfficiencyPerPlatform = NextInt() },
                "--throughput-accounts" => options with { ThroughputAccounts = NextInt() },
                "--latency-ms" => options with { LatencyMs = NextInt() },
                "--latency-per-platform" => options with { LatencyPerPlatform = NextInt() },
                "--latency-concurrency" => options with { LatencyConcurrency = NextInt() },
                "--concurrency" => options with { Concurrency = NextInt() },
                "--storage-rows" => options with { StorageRows = NextInt() },
                "--snapshots-per-account" => options with { SnapshotsPerAccount = NextInt() },
                var unknown => throw new ArgumentException($"unknown option {unknown}; see docs/benchmarks.md"),
            };
        }

        return options;
    }
}
