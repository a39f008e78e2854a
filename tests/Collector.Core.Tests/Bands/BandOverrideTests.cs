using Collector.Core.Bands;
using Collector.Core.Notifications;
using Collector.Core.Tests.Analytics;
using Collector.Core.Tests.Watchlist;

namespace Collector.Core.Tests.Bands;

/// <summary>The band each account is evaluated against comes from the watchlist: account over platform over global.</summary>
public sealed class BandOverrideTests
{
    private const string Yaml = """
        band: { min_followers: 10000, max_followers: 100000, confirm_snapshots: 1 }
        platforms:
          mastodon: { band: { min_followers: 5000 } }
        accounts:
          - bluesky: global.example.com
          - mastodon: platform@example.social
          - mastodon: account@example.social
            band: { min_followers: 20000, confirm_snapshots: 2 }
        """;

    [Theory]
    [InlineData("global.example.com", new[] { "entered@2" })]
    [InlineData("platform@example.social", new[] { "entered@1" })]
    [InlineData("account@example.social", new[] { "entered@4" })]
    public void Evaluate_UsesTheBandResolvedForTheAccount(string handle, string[] expected)
    {
        var account = Assert.Single(Watchlists.Valid(Yaml).Accounts, a => a.Handle == handle);
        var series = Snapshots.Series(4_000, 7_000, 12_000, 21_000, 22_000);

        var crossings = BandEvaluator.Evaluate(series, account.Band).Crossings;

        Assert.Equal(expected, crossings.Select(c => $"{c.Kind}@{series.ToList().FindIndex(s => s.CollectedAt == c.At)}"));
        Assert.All(crossings, c => Assert.Equal(EventKinds.Entered, c.Kind));
    }

    [Fact]
    public void Watchlist_MergesAPartialAccountBandFieldByField()
    {
        var account = Assert.Single(Watchlists.Valid(Yaml).Accounts, a => a.Handle == "account@example.social");

        Assert.Equal(new BandSettings(20_000, 100_000, 0, 2), account.Band);
    }
}
