using System.Globalization;
using System.Runtime.InteropServices;

namespace Collector.Benchmarks.Harness;

/// <summary>What the figures depend on: cores, CPU model, memory, runtime, and how busy the machine was.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = First("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = First("/proc/meminfo", "MemTotal")?.Split(':', 2)[1].Trim() ?? "unknown";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {memory} RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? First(string path, string prefix) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
}
