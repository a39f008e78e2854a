using Collector.Core.Bands;
using Collector.Core.Watchlist;

namespace Collector.Core.Tests.Watchlist;

public sealed class WatchlistLoaderValidTests
{
    [Fact]
    public void Parse_SpecExample_ResolvesAccountsWithPlatformAndAccountOverrides()
    {
        var document = Watchlists.Valid(Watchlists.SpecExample);

        Assert.Equal(Watchlists.FileName, document.Path);
        Assert.Equal(new PlatformDefaults(new Schedule.Every(TimeSpan.FromHours(6)), 12, BandSettings.Default), document.Global);
        Assert.Equal(new Schedule.Every(TimeSpan.FromHours(24)), document.Platforms["youtube"].Schedule);
        Assert.Equal(document.Global, document.Platforms["bluesky"]);
        Assert.Equal(["bluesky", "mastodon", "x", "youtube"], document.Platforms.Keys.Order());

        var accounts = document.Accounts;
        Assert.Equal(
            [
                ("bluesky", "jay.bsky.team", "jay.bsky.team", 11),
                ("mastodon", "Gargron@mastodon.social", "gargron@mastodon.social", 12),
                ("x", "XDevelopers", "xdevelopers", 13),
                ("youtube", "@GoogleDevelopers", "@googledevelopers", 15),
            ],
            accounts.Select(a => (a.Platform, a.Handle, a.Key, a.Line)));
        Assert.All(accounts, a => Assert.Equal(5, a.Column));
        Assert.Equal(["dev"], accounts[2].Tags);
        Assert.Empty(accounts[0].Tags);
        Assert.Equal("every 6h", accounts[0].Schedule.Text);
        // Account over platform: the platform says 24h, the account 12h.
        Assert.Equal(new Schedule.Every(TimeSpan.FromHours(12)), accounts[3].Schedule);
        Assert.All(accounts, a => Assert.Equal(BandSettings.Default, a.Band));
        Assert.All(accounts, a => Assert.Equal(12, a.EngagementPosts));
        Assert.Equal("youtube:@GoogleDevelopers", accounts[3].Display);
    }

    [Fact]
    public void Parse_OnlyAccounts_UsesSpecDefaults()
    {
        var document = Watchlists.Valid(Watchlists.WithAccounts("x: XDevelopers"));

        var account = Assert.Single(document.Accounts);
        Assert.Equal(new Schedule.Every(TimeSpan.FromHours(6)), account.Schedule);
        Assert.Equal(12, account.EngagementPosts);
        Assert.Equal(new BandSettings(10_000, 100_000, 0, 2), account.Band);
        Assert.Null(account.Note);
    }

    [Fact]
    public void Parse_BandOverridesAtEachLevel_MergeFieldByField()
    {
        var document = Watchlists.Valid("""
            band:
              min_followers: 5000
              confirm_snapshots: 3
            platforms:
              x:
                engagement_posts: 20
                band: { max_followers: 50000 }
            accounts:
              - x: XDevelopers
                band:
                  min_engagement_rate: 0.025
              - x: jack
              - bluesky: jay.bsky.team
                engagement_posts: 0
            """);

        Assert.Equal(new BandSettings(5000, 100_000, 0, 3), document.Global.Band);
        Assert.Equal(new PlatformDefaults(new Schedule.Every(TimeSpan.FromHours(6)), 20, new BandSettings(5000, 50_000, 0, 3)), document.Platforms["x"]);
        Assert.Equal(new BandSettings(5000, 50_000, 0.025, 3), document.Accounts[0].Band);
        Assert.Equal(20, document.Accounts[0].EngagementPosts);
        Assert.Equal(new BandSettings(5000, 50_000, 0, 3), document.Accounts[1].Band);
        Assert.Equal(new BandSettings(5000, 100_000, 0, 3), document.Accounts[2].Band);
        Assert.Equal(0, document.Accounts[2].EngagementPosts);
    }

    [Fact]
    public void Parse_AccountOptions_AreRead()
    {
        var document = Watchlists.Valid("""
            accounts:
              - mastodon: '@Gargron@mastodon.social'
                tags: [founder, "fediverse", founder]
                note: |
                  Mastodon's founder.
                schedule: 0 30 */4 * * ?
            """);

        var account = Assert.Single(document.Accounts);
        Assert.Equal("gargron@mastodon.social", account.Key);
        Assert.Equal(["founder", "fediverse"], account.Tags);
        Assert.Equal("Mastodon's founder.\n", account.Note);
        Assert.Equal(new Schedule.Cron("0 30 */4 * * ?"), account.Schedule);
    }

    [Theory]
    [InlineData("every 1m", 1)]
    [InlineData("every 90m", 90)]
    [InlineData("every 6h", 360)]
    [InlineData("Every 2D", 2880)]
    [InlineData("every  15 m", 15)]
    public void Parse_IntervalSchedules_AreResolved(string schedule, int minutes)
    {
        var document = Watchlists.Valid($"schedule: {schedule}\naccounts: []\n");

        Assert.Equal(new Schedule.Every(TimeSpan.FromMinutes(minutes)), document.Global.Schedule);
    }

    [Fact]
    public void Parse_EmptyAccountListAndEmptyContainers_AreValid()
    {
        var document = Watchlists.Valid("band:\nplatforms:\naccounts: []\n");

        Assert.Empty(document.Accounts);
        Assert.Equal(BandSettings.Default, document.Global.Band);
    }

    [Fact]
    public void Parse_AnchorsAndAliases_AreResolved()
    {
        var document = Watchlists.Valid("""
            platforms:
              x: { band: &strict { min_engagement_rate: 0.05 } }
              bluesky: { band: *strict }
            accounts: []
            """);

        Assert.Equal(0.05, document.Platforms["x"].Band.MinEngagementRate);
        Assert.Equal(0.05, document.Platforms["bluesky"].Band.MinEngagementRate);
    }

    [Fact]
    public void Parse_CrlfLineEndingsAndByteOrderMark_AreAccepted()
    {
        var document = Watchlists.Valid("\uFEFFaccounts:\r\n  - x: XDevelopers\r\n");

        Assert.Equal("XDevelopers", Assert.Single(document.Accounts).Handle);
    }

    [Fact]
    public void Parse_SameChannelIdInDifferentCase_IsNotADuplicate()
    {
        // YouTube channel ids are case-sensitive: these are two different channels.
        var document = Watchlists.Valid(Watchlists.WithAccounts(
            "youtube: UC_x5XG1OV2P6uZZ5FSM9Ttw",
            "youtube: UC_X5XG1OV2P6UZZ5FSM9TTW"));

        Assert.Equal(2, document.Accounts.Count);
    }

    [Fact]
    public void Parse_CronSchedule_UsesTheGivenValidator()
    {
        var seen = new List<string>();
        var result = Watchlists.Parse("schedule: '0  0 6 * * ?'\naccounts: []\n", expression =>
        {
            seen.Add(expression);
            return null;
        });

        Assert.True(result.IsValid);
        Assert.Equal(["0 0 6 * * ?"], seen);
        Assert.Equal(new Schedule.Cron("0 0 6 * * ?"), result.Document!.Global.Schedule);
    }
}
