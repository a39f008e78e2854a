namespace Collector.Core.Tests.Watchlist;

/// <summary>Each invalid watchlist yields exactly the listed problems, at the exact line and column.</summary>
public sealed class WatchlistLoaderErrorTests
{
    private const string Accounts = "accounts: []\n";

    [Theory]
    // Unknown and duplicate keys
    [InlineData("shedule: every 6h\n" + Accounts, "1:1: unknown key 'shedule' at the top level (did you mean 'schedule'?)")]
    [InlineData("colour: red\n" + Accounts, "1:1: unknown key 'colour' at the top level; allowed keys: schedule, engagement_posts, band, platforms, accounts")]
    [InlineData("schedule: every 6h\nschedule: every 1h\n" + Accounts, "2:1: duplicate key 'schedule' at the top level (first at line 1)")]
    [InlineData("band:\n  min_follower: 5\n" + Accounts, "2:3: unknown key 'min_follower' in band (did you mean 'min_followers'?)")]
    [InlineData("accounts:\n  - x: jack\n    colour: red\n", "3:5: unknown key 'colour' in account; besides the platform key, allowed keys are tags, schedule, engagement_posts, band, note")]
    [InlineData("accounts:\n  - x: jack\n    tagz: [a]\n", "3:5: unknown key 'tagz' in account (did you mean 'tags'?)")]
    [InlineData("accounts:\n  - x: jack\n    note: a\n    note: b\n", "4:5: duplicate key 'note' in account (first at line 3)")]
    // Platforms
    [InlineData("accounts:\n  - twitter: jack\n", "2:5: unknown platform 'twitter' in account (Twitter is 'x'); known platforms: bluesky, mastodon, x, youtube")]
    [InlineData("accounts:\n  - instagram: jack\n", "2:5: unknown platform 'instagram' in account; known platforms: bluesky, mastodon, x, youtube")]
    [InlineData("accounts:\n  - blusky: jay.bsky.team\n", "2:5: unknown key 'blusky' in account (did you mean 'bluesky'?)")]
    [InlineData("platforms:\n  tiktok: {}\n" + Accounts, "2:3: unknown platform 'tiktok' in platforms; known platforms: bluesky, mastodon, x, youtube")]
    [InlineData("platforms:\n  x: { tags: [a] }\n" + Accounts, "2:8: unknown key 'tags' in platforms.x; allowed keys: schedule, engagement_posts, band")]
    [InlineData("platforms: [x]\n" + Accounts, "1:12: platforms must be a mapping of keys to values, e.g. { youtube: { schedule: every 24h } }; got a list")]
    // Account shape
    [InlineData("accounts:\n  - bluesky: a.bsky.social\n    x: jack\n", "3:5: an account has exactly one platform key; this one has 'bluesky' and 'x' (make each account its own '- ' item)")]
    [InlineData("accounts:\n  - tags: [a]\n", "2:5: the account has no platform key; start it with one of bluesky, mastodon, x, youtube, e.g. '- bluesky: alice.bsky.social'")]
    [InlineData("accounts:\n  - jay.bsky.team\n", "2:5: an account must be a mapping with a platform key, e.g. '- bluesky: alice.bsky.social'; got 'jay.bsky.team'")]
    [InlineData("accounts:\n  - bluesky:jay.bsky.team\n", "2:5: an account must be a mapping; put a space after the colon: 'bluesky: jay.bsky.team'")]
    [InlineData("accounts:\n  x: jack\n", "2:3: accounts must be a list, e.g. '- bluesky: alice.bsky.social' on the next line; got a mapping")]
    [InlineData("accounts:\n  - x:\n", "2:7: the x handle has no value")]
    [InlineData("accounts:\n  - x: [jack]\n", "2:8: the x handle must be a single value (text); got a list")]
    [InlineData("accounts:\n  - x: jack\n    tags: dev\n", "3:11: tags must be a list, e.g. [dev, news]; got 'dev'")]
    [InlineData("accounts:\n  - x: jack\n    tags: [dev, '']\n", "3:17: a tag is empty")]
    // Duplicate accounts (normalized: case, leading '@')
    [InlineData("accounts:\n  - x: XDevelopers\n  - x: xdevelopers\n", "3:8: duplicate account x:xdevelopers; it is already listed at line 2")]
    [InlineData("accounts:\n  - x: jack\n  - bluesky: a.bsky.social\n  - x: '@JACK'\n", "4:8: duplicate account x:jack; it is already listed at line 2")]
    [InlineData("accounts:\n  - bluesky: Jay.Bsky.Team\n  - bluesky: '@jay.bsky.team'\n", "3:14: duplicate account bluesky:jay.bsky.team; it is already listed at line 2")]
    [InlineData("accounts:\n  - mastodon: Gargron@mastodon.social\n  - mastodon: '@gargron@Mastodon.Social'\n", "3:15: duplicate account mastodon:gargron@mastodon.social; it is already listed at line 2")]
    [InlineData("accounts:\n  - youtube: '@GoogleDevelopers'\n  - youtube: '@googledevelopers'\n", "3:14: duplicate account youtube:@googledevelopers; it is already listed at line 2")]
    // Malformed handles are reported at the handle (the full table is in HandleRulesTests)
    [InlineData("accounts:\n  - x: https://x.com/jack\n", "2:8: invalid X handle 'https://x.com/jack': this looks like a URL; write the handle only, not a profile link")]
    [InlineData("accounts:\n  - mastodon: Gargron\n", "2:15: invalid Mastodon handle 'Gargron': a Mastodon handle is user@instance, e.g. Gargron@mastodon.social")]
    [InlineData("accounts:\n  - youtube: GoogleDevelopers\n", "2:14: invalid YouTube handle 'GoogleDevelopers': a YouTube account is an @handle (quote it in YAML: \"@name\") or a channel id (UC…)")]
    [InlineData("accounts:\n  - bluesky: \"jay.bsky.team\\u0007\"\n", "2:14: invalid Bluesky handle 'jay.bsky.teamU+0007': the handle contains a control character (U+0007)")]
    // Schedules
    [InlineData("schedule: every 0h\n" + Accounts, "1:11: invalid schedule 'every 0h': the number must be at least 1 (the shortest interval is 1 minute)")]
    [InlineData("schedule: every -1h\n" + Accounts, "1:11: invalid schedule 'every -1h': the number must be at least 1 (the shortest interval is 1 minute)")]
    [InlineData("schedule: every 5s\n" + Accounts, "1:11: invalid schedule 'every 5s': seconds are not supported; the shortest interval is 1 minute (every 1m)")]
    [InlineData("schedule: every 6 hours\n" + Accounts, "1:11: invalid schedule 'every 6 hours': unknown unit 'hours'; use m (minutes), h (hours) or d (days)")]
    [InlineData("schedule: every day\n" + Accounts, "1:11: invalid schedule 'every day'; expected 'every <N>(m|h|d)', e.g. 'every 6h' or 'every 30m'")]
    [InlineData("schedule: every 366d\n" + Accounts, "1:11: invalid schedule 'every 366d': the longest interval is 365d")]
    [InlineData("schedule: every 99999999999999999999m\n" + Accounts, "1:11: invalid schedule 'every 99999999999999999999m': the longest interval is 365d")]
    [InlineData("schedule: 0 */6 * * *\n" + Accounts, "1:11: invalid cron expression '0 */6 * * *': a Quartz cron expression has 6 or 7 fields (seconds first), not 5 as in Unix cron; for '0 */6 * * *' write '0 0 */6 * * ?'")]
    [InlineData("schedule: 0 0 6 * * *\n" + Accounts, "1:11: invalid cron expression '0 0 6 * * *': exactly one of day-of-month (4th field) and day-of-week (6th field) must be '?', e.g. '0 0 6 * * ?'")]
    [InlineData("schedule:\n" + Accounts, "1:10: schedule has no value")]
    [InlineData("platforms:\n  youtube: { schedule: every 0m }\n" + Accounts, "2:24: invalid schedule 'every 0m': the number must be at least 1 (the shortest interval is 1 minute)")]
    [InlineData("accounts:\n  - x: jack\n    schedule: hourly\n", "3:15: invalid cron expression 'hourly': a Quartz cron expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]); got 1")]
    // min_followers > max_followers, reported where the conflicting value is written
    [InlineData("band:\n  min_followers: 200000\n" + Accounts, "2:18: min_followers (200000) is greater than max_followers (100000, the default)")]
    [InlineData("band:\n  min_followers: 50000\n  max_followers: 20000\n" + Accounts, "3:18: max_followers (20000) is less than min_followers (50000, set at line 2)")]
    [InlineData("band:\n  max_followers: 20000\n  min_followers: 50000\n" + Accounts, "3:18: min_followers (50000) is greater than max_followers (20000, set at line 2)")]
    [InlineData("band:\n  max_followers: 50000\nplatforms:\n  x: { band: { min_followers: 60000 } }\n" + Accounts, "4:31: min_followers (60000) is greater than max_followers (50000, set at line 2)")]
    [InlineData("accounts:\n  - x: jack\n    band: { max_followers: 5000 }\n", "3:28: max_followers (5000) is less than min_followers (10000, the default)")]
    // Engagement rate written as a percentage
    [InlineData("band:\n  min_engagement_rate: 2\n" + Accounts, "2:24: min_engagement_rate must be a fraction between 0 and 1; got 2 (2 would mean 200 %); use 0.02 for 2 %")]
    [InlineData("band:\n  min_engagement_rate: 1.5\n" + Accounts, "2:24: min_engagement_rate must be a fraction between 0 and 1; got 1.5 (1.5 would mean 150 %); use 0.015 for 1.5 %")]
    [InlineData("band:\n  min_engagement_rate: 2%\n" + Accounts, "2:24: min_engagement_rate is a fraction, not a percentage: use 0.02 for 2 %")]
    [InlineData("band:\n  min_engagement_rate: 250\n" + Accounts, "2:24: min_engagement_rate must be a fraction between 0 and 1; got 250")]
    [InlineData("band:\n  min_engagement_rate: -0.01\n" + Accounts, "2:24: min_engagement_rate must not be negative; got -0.01")]
    [InlineData("band:\n  min_engagement_rate: .nan\n" + Accounts, "2:24: min_engagement_rate must be a number; got '.nan'")]
    // Wrong types and ranges
    [InlineData("engagement_posts: twelve\n" + Accounts, "1:19: engagement_posts must be a whole number; got 'twelve'")]
    [InlineData("engagement_posts: \"12\"\n" + Accounts, "1:19: engagement_posts must be a whole number, not a quoted string ('12'); remove the quotes")]
    [InlineData("engagement_posts: 12.5\n" + Accounts, "1:19: engagement_posts must be a whole number; got '12.5'")]
    [InlineData("engagement_posts: 101\n" + Accounts, "1:19: engagement_posts must be between 0 and 100; got 101")]
    [InlineData("engagement_posts: -1\n" + Accounts, "1:19: engagement_posts must not be negative; got -1")]
    [InlineData("engagement_posts: [12]\n" + Accounts, "1:19: engagement_posts must be a whole number; got a list")]
    [InlineData("band:\n  min_followers: -5\n" + Accounts, "2:18: min_followers must not be negative; got -5")]
    [InlineData("band:\n  min_followers: 10_000\n" + Accounts, "2:18: min_followers must be a whole number; got '10_000' (write 10000, without separators)")]
    [InlineData("band:\n  max_followers: 99999999999999999999\n" + Accounts, "2:18: max_followers is too large; got 99999999999999999999")]
    [InlineData("band:\n  confirm_snapshots: 0\n" + Accounts, "2:22: confirm_snapshots must be at least 1; got 0")]
    [InlineData("band: 5\n" + Accounts, "1:7: band must be a mapping of keys to values, e.g. { min_followers: 10000 }; got '5'")]
    [InlineData("accounts:\n  - x: jack\n    note: [a]\n", "3:11: note must be a single value (text); got a list")]
    [InlineData("accounts:\n  - x: no-dashes\n    band: { max_followers: 5 }\n", "2:8: invalid X handle 'no-dashes': '-' is not allowed; an X handle has only letters, digits and '_'", "3:28: max_followers (5) is less than min_followers (10000, the default)")]
    // Document level
    [InlineData("", "1:1: the watchlist is empty; it needs at least an 'accounts:' list")]
    [InlineData("# nothing here yet\n", "1:1: the watchlist is empty; it needs at least an 'accounts:' list")]
    [InlineData("schedule: every 6h\n", "1:1: the watchlist has no 'accounts:' list (write 'accounts: []' to watch nothing)")]
    [InlineData("- x: jack\n", "1:1: the watchlist must be a mapping with keys such as schedule, band, platforms and accounts; got a list")]
    [InlineData(Accounts + "---\n" + Accounts, "2:1: only one YAML document is allowed in a watchlist; remove this '---' and what follows, or merge it into the first document")]
    [InlineData("accounts: *people\n", "1:11: unknown alias '*people' (an anchor '&people' must be defined, and complete, before it is used; quote values that start with '*')")]
    [InlineData("? [a, b]\n: 1\n" + Accounts, "1:3: keys must be plain words; got a list at the top level")]
    public void Parse_InvalidWatchlist_ReportsExactlyTheseProblems(string yaml, params string[] expected)
    {
        var result = Watchlists.Parse(yaml);

        Assert.Null(result.Document);
        Assert.False(result.IsValid);
        Assert.Equal(expected.Select(e => $"{Watchlists.FileName}:{e}"), result.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("accounts:\n  - youtube: @GoogleDevelopers\n", 2, 14, "Quote values that start with '@', e.g. \"@GoogleDevelopers\".")]
    [InlineData("schedule: */5 * * * * ?\n" + Accounts, 1, 15, "Quote values that start with '*'")]
    [InlineData("accounts:\n  - x: 'jack\n", 2, 8, "found unexpected end of stream")]
    [InlineData("accounts:\n\t- x: jack\n", 1, 1, "tab")]
    [InlineData("accounts: [x: jack\nschedule: every 6h\n", 1, 11, "the parser could not continue")]
    public void Parse_YamlSyntaxError_ReportsOneProblemAtTheParserPosition(string yaml, int line, int column, string fragment)
    {
        var problem = Assert.Single(Watchlists.Parse(yaml).Problems);

        Assert.Equal((Watchlists.FileName, line, column), (problem.File, problem.Line, problem.Column));
        Assert.StartsWith("YAML syntax error: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedInput_IsRefusedAtTheDepthLimit()
    {
        // 100,000 levels would keep YamlDotNet busy for minutes; the limit stops it at level 33.
        var yaml = "accounts: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var problem = Assert.Single(Watchlists.Parse(yaml).Problems);

        Assert.Equal("watchlist.yaml:1:42: YAML nesting is deeper than 32 levels; a watchlist needs no more than 5", problem.ToString());
    }

    [Fact]
    public void Parse_CronValidatorRejects_ReportsItsMessageAtTheSchedule()
    {
        var result = Watchlists.Parse("accounts:\n  - x: jack\n    schedule: 0 0 6 * * ?\n", _ => "no such luck");

        Assert.Equal(
            [$"{Watchlists.FileName}:3:15: invalid cron expression '0 0 6 * * ?': no such luck"],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAllInFileOrder()
    {
        var problems = Watchlists.Problems("""
            schedule: every 0h
            engagement_posts: twelve
            band:
              min_followers: 200000
              min_engagement_rate: 3
            colour: red
            accounts:
              - x: jack
                shedule: every 1h
              - bluesky: not a handle
                tags: dev
              - x: JACK
              - instagram: someone
                band: { min_followers: -1 }
              - mastodon: Gargron@mastodon.social
                band: { max_followers: 10 }
            """);

        Assert.Equal(
            [
                "watchlist.yaml:1:11: invalid schedule 'every 0h': the number must be at least 1 (the shortest interval is 1 minute)",
                "watchlist.yaml:2:19: engagement_posts must be a whole number; got 'twelve'",
                "watchlist.yaml:4:18: min_followers (200000) is greater than max_followers (100000, the default)",
                "watchlist.yaml:5:24: min_engagement_rate must be a fraction between 0 and 1; got 3 (3 would mean 300 %); use 0.03 for 3 %",
                "watchlist.yaml:6:1: unknown key 'colour' at the top level; allowed keys: schedule, engagement_posts, band, platforms, accounts",
                "watchlist.yaml:9:5: unknown key 'shedule' in account (did you mean 'schedule'?)",
                "watchlist.yaml:10:14: invalid Bluesky handle 'not a handle': the handle contains whitespace (U+0020)",
                "watchlist.yaml:11:11: tags must be a list, e.g. [dev, news]; got 'dev'",
                "watchlist.yaml:12:8: duplicate account x:jack; it is already listed at line 8",
                "watchlist.yaml:13:5: unknown platform 'instagram' in account; known platforms: bluesky, mastodon, x, youtube",
                "watchlist.yaml:14:28: min_followers must not be negative; got -1",
                "watchlist.yaml:16:28: max_followers (10) is less than min_followers (200000, set at line 4)",
            ],
            problems);
    }
}
