using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collector.Benchmarks.Round;

/// <summary>What a <c>round</c> child reports on its last line of standard output.</summary>
/// <param name="StartupSeconds">Host built, settings validated, watchlist loaded and database migrated (as the CLI does).</param>
/// <param name="IdleMb">Working set after startup, before the round: the worker at rest with its watchlist loaded.</param>
/// <param name="PeakMb">Kernel high-water mark of the working set when the round ended (VmHWM).</param>
/// <param name="AfterMb">Working set right after the round, nothing forced.</param>
/// <param name="AfterGcMb">Working set after a full blocking GC once the round's results were dropped.</param>
/// <param name="RoundCpuSeconds">CPU time (user + system, all threads) the round took: steadier than wall time on a busy machine.</param>
/// <param name="HeapIdleMb">Managed heap at idle (what the GC holds live or not yet collected).</param>
/// <param name="HeapAfterGcMb">Managed heap still live after the round and a full GC.</param>
/// <param name="GcCommittedIdleMb">Memory the GC had committed at idle (live, garbage and free space it keeps).</param>
/// <param name="GcCommittedAfterGcMb">Memory the GC still had committed after the round and a full GC.</param>
/// <param name="ReleaseSeconds">From the round's end to the last memory reading (the release, and the wait for quiet).</param>
internal sealed record RoundResult(
    double StartupSeconds,
    double RoundSeconds,
    double RoundCpuSeconds,
    double IdleMb,
    double PeakMb,
    double AfterMb,
    double AfterGcMb,
    double HeapIdleMb,
    double HeapAfterGcMb,
    double GcCommittedIdleMb,
    double GcCommittedAfterGcMb,
    double ReleaseSeconds,
    IReadOnlyList<PlatformRound> Platforms)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public int Accounts => Platforms.Sum(static p => p.Accounts);

    public int Collected => Platforms.Sum(static p => p.Collected);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RoundResult Parse(string line) =>
        JsonSerializer.Deserialize<RoundResult>(line, Json) ?? throw new InvalidOperationException("empty round result");
}

/// <summary>One platform's part of a round, timed from its start to its last batch written.</summary>
internal sealed record PlatformRound(
    string Platform, int Accounts, int Collected, int Failed, int Deferred, int Skipped, double Seconds, string? FirstProblem);
