using Collector.TestKit.Builders;
using Collector.Worker.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Worker.Tests.Jobs;

public sealed class RoundMemoryTests : IDisposable
{
    private readonly InFlightAccounts _inFlight = new();
    private readonly FakeTimeProvider _time = new();
    private readonly RoundMemory _memory;
    private int _releases;

    public RoundMemoryTests() => _memory = new RoundMemory(_inFlight, _time, () => _releases++);

    public void Dispose() => _memory.Dispose();

    [Fact]
    public void RoundEnded_WhileAnotherRoundIsCollecting_KeepsTheMemory()
    {
        using var other = _inFlight.Claim(WatchedAccountBuilder.Many("bluesky", 3));

        _memory.RoundEnded();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, _releases);
    }

    [Fact]
    public void RoundEnded_WhenTheLastRoundIsDone_ReleasesOnceAfterTheRoundHasUnwound()
    {
        using (_inFlight.Claim(WatchedAccountBuilder.Many("bluesky", 3)))
        {
        }

        _memory.RoundEnded();
        Assert.Equal(0, _releases); // not from the round's own call, whose frames still hold its objects

        _time.Advance(RoundMemory.SettleDelay);
        Assert.Equal(1, _releases);

        // Once more when the round's threads have been retired, then nothing until the next round.
        _time.Advance(RoundMemory.QuietDelay);
        Assert.Equal(2, _releases);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, _releases);
    }

    [Fact]
    public void RoundEnded_WhenARoundStartsBetweenTheReleases_SkipsTheQuietOneUntilThatRoundEnds()
    {
        _memory.RoundEnded();
        _time.Advance(RoundMemory.SettleDelay);
        Assert.Equal(1, _releases);

        using (_inFlight.Claim(WatchedAccountBuilder.Many("x", 2)))
        {
            _time.Advance(RoundMemory.QuietDelay);
            Assert.Equal(1, _releases);
        }

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, _releases);

        _memory.RoundEnded();
        _time.Advance(RoundMemory.SettleDelay);
        _time.Advance(RoundMemory.QuietDelay);
        Assert.Equal(3, _releases);
    }

    [Fact]
    public void RoundEnded_WhenARoundStartsBeforeTheRelease_KeepsTheMemoryUntilThatRoundEnds()
    {
        _memory.RoundEnded();
        using (_inFlight.Claim(WatchedAccountBuilder.Many("mastodon", 2)))
        {
            _time.Advance(RoundMemory.SettleDelay);
            Assert.Equal(0, _releases);
        }

        _memory.RoundEnded();
        _time.Advance(RoundMemory.SettleDelay);

        Assert.Equal(1, _releases);
    }

    [Fact]
    public void RoundEnded_ByRoundsEndingOneAfterAnother_ReleasesOnceAfterTheLast()
    {
        _memory.RoundEnded();
        _time.Advance(RoundMemory.SettleDelay / 2);
        _memory.RoundEnded();
        _time.Advance(RoundMemory.SettleDelay / 2);

        Assert.Equal(0, _releases);

        _time.Advance(RoundMemory.SettleDelay / 2);
        Assert.Equal(1, _releases);
    }
}
