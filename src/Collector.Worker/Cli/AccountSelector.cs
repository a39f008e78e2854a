using Collector.Core.Platforms;
using Collector.Core.Watchlist;

namespace Collector.Worker.Cli;

/// <summary>
/// Picks the accounts a command works on from <c>--platform</c> and <c>--account P:HANDLE</c>. An account that is
/// not in the watchlist may still be named: it is collected with its platform's defaults (a one-off look).
/// </summary>
internal static class AccountSelector
{
    public static (IReadOnlyList<WatchedAccount> Accounts, IReadOnlyList<string> Problems) Select(
        WatchlistDocument watchlist, string? platform, IReadOnlyList<string> accountArgs)
    {
        var problems = new List<string>();
        if (platform is not null && !PlatformKeys.IsKnown(platform))
        {
            problems.Add($"--platform: unknown platform '{platform}' (known: {string.Join(", ", PlatformKeys.All)})");
        }

        if (accountArgs.Count == 0)
        {
            return ([.. watchlist.Accounts.Where(a => platform is null || a.Platform == platform)], problems);
        }

        var selected = new List<WatchedAccount>();
        foreach (var arg in accountArgs)
        {
            if (Parse(watchlist, arg, out var error) is { } account)
            {
                if (platform is null || account.Platform == platform)
                {
                    selected.Add(account);
                }
            }
            else
            {
                problems.Add(error!);
            }
        }

        return (selected.DistinctBy(static a => (a.Platform, a.Key)).ToList(), problems);
    }

    /// <summary>Parses <c>P:HANDLE</c> into the watchlist entry, or an ad-hoc entry with the platform's defaults.</summary>
    public static WatchedAccount? Parse(WatchlistDocument watchlist, string arg, out string? error)
    {
        var colon = arg.IndexOf(':', StringComparison.Ordinal);
        var platform = colon > 0 ? arg[..colon] : string.Empty;
        var handle = colon > 0 ? arg[(colon + 1)..] : string.Empty;
        if (!PlatformKeys.IsKnown(platform) || handle.Length == 0)
        {
            error = $"--account {arg}: expected PLATFORM:HANDLE with PLATFORM one of {string.Join(", ", PlatformKeys.All)}";
            return null;
        }

        if (HandleRules.Validate(platform, handle) is { } invalid)
        {
            error = $"--account {arg}: {invalid}";
            return null;
        }

        var key = HandleRules.Normalize(platform, handle);
        error = null;
        var known = watchlist.Find(platform, key);
        if (known is not null)
        {
            return known;
        }

        var defaults = watchlist.Platforms[platform];
        return new WatchedAccount(platform, handle, key, [], defaults.Schedule, defaults.EngagementPosts, defaults.Band, null, 0, 0);
    }
}
