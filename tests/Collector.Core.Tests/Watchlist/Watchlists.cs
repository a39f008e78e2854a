using Collector.Core.Watchlist;

namespace Collector.Core.Tests.Watchlist;

/// <summary>Test data and shortcuts for watchlist tests.</summary>
internal static class Watchlists
{
    public const string FileName = "watchlist.yaml";

    /// <summary>The example of SPEC "The watchlist", verbatim.</summary>
    public const string SpecExample = """
        schedule: every 6h            # "every <N>(m|h|d)" or a Quartz cron expression
        engagement_posts: 12          # recent original posts used for engagement rate; 0 = profile only
        band:                         # the micro-influencer band
          min_followers: 10000
          max_followers: 100000
          min_engagement_rate: 0      # fraction; 0.02 = 2 %
          confirm_snapshots: 2        # consecutive snapshots a new tier must hold before a crossing is flagged
        platforms:                    # optional per-platform overrides of schedule, engagement_posts, band
          youtube: { schedule: every 24h }
        accounts:
          - bluesky: jay.bsky.team
          - mastodon: Gargron@mastodon.social
          - x: XDevelopers
            tags: [dev]
          - youtube: "@GoogleDevelopers"
            schedule: every 12h

        """;

    public static WatchlistLoadResult Parse(string yaml, Func<string, string?>? cronValidator = null) =>
        WatchlistLoader.Parse(yaml, FileName, cronValidator);

    /// <summary>Every problem as printed: <c>FILE:LINE:COL: message</c>.</summary>
    public static IReadOnlyList<string> Problems(string yaml) => [.. Parse(yaml).Problems.Select(p => p.ToString())];

    public static WatchlistDocument Valid(string yaml)
    {
        var result = Parse(yaml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Document!;
    }

    /// <summary>A valid watchlist with one account per line given, e.g. "x: XDevelopers".</summary>
    public static string WithAccounts(params string[] accounts) =>
        "accounts:\n" + string.Concat(accounts.Select(a => $"  - {a}\n"));
}
