using System.Globalization;

namespace Collector.Benchmarks.Harness;

/// <summary>
/// Resident memory from <c>/proc/PID/status</c> (Linux): VmRSS is the working set now, VmHWM its high-water mark
/// since the process started, which the kernel keeps for us, so no sampling can miss a short peak.
/// </summary>
internal static class ProcessMemory
{
    public static double? CurrentMb(string pid = "self") => Read(pid, "VmRSS:");

    public static double? PeakMb(string pid = "self") => Read(pid, "VmHWM:");

    /// <summary>A byte count (a heap, an allocation, a file) in the MB the report uses.</summary>
    public static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private static double? Read(string pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // The process has exited between two samples.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
