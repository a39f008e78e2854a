using Collector.Core.Platforms;
using Collector.TestKit.Builders;
using Collector.Worker.Jobs;

namespace Collector.Worker.Tests.Jobs;

public sealed class InFlightAccountsTests
{
    [Fact]
    public void Claim_LeavesOutAccountsAnotherRoundHolds_UntilThatRoundReleasesThem()
    {
        var inFlight = new InFlightAccounts();
        var alice = WatchedAccountBuilder.Account(PlatformKeys.Bluesky, "alice.example.com");
        var bob = WatchedAccountBuilder.Account(PlatformKeys.Bluesky, "bob.example.com");

        var first = inFlight.Claim([alice]);
        using (var second = inFlight.Claim([alice, bob]))
        {
            Assert.Equal([bob], second.Accounts);
            Assert.Equal(1, second.Busy);
            Assert.True(inFlight.IsBusy(alice));
        }

        Assert.False(inFlight.IsBusy(bob));
        first.Dispose();
        first.Dispose();
        Assert.False(inFlight.IsBusy(alice));
        using var third = inFlight.Claim([alice]);
        Assert.Equal([alice], third.Accounts);
    }

    [Fact]
    public void Claim_TellsPlatformsApart()
    {
        var inFlight = new InFlightAccounts();
        using var bluesky = inFlight.Claim([WatchedAccountBuilder.Account(PlatformKeys.Bluesky, "same")]);

        using var mastodon = inFlight.Claim([WatchedAccountBuilder.Account(PlatformKeys.Mastodon, "same")]);

        Assert.Single(mastodon.Accounts);
    }
}
