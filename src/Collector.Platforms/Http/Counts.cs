using System.Globalization;

namespace Collector.Platforms.Http;

/// <summary>
/// Plausibility of public counters. A negative count or one above ten billion (more than there are people) is a
/// broken response, and must not become a snapshot that skews history and band crossings.
/// </summary>
internal static class Counts
{
    public const long Max = 10_000_000_000;

    public static bool IsPlausible(long? value) => value is null or (>= 0 and <= Max);

    /// <summary>Describes the first implausible counter, or returns null when all are plausible (or absent).</summary>
    public static string? FindImplausible(params ReadOnlySpan<(string Name, long? Value)> counters)
    {
        foreach (var (name, value) in counters)
        {
            if (!IsPlausible(value))
            {
                return string.Create(CultureInfo.InvariantCulture, $"implausible {name} {value}");
            }
        }

        return null;
    }
}
