using Collector.TestKit.Builders;
using Collector.Worker.Jobs;

namespace Collector.Worker.Tests.Jobs;

public sealed class RoundMemoryTests
{
    private readonly InFlightAccounts _inFlight = new();
    private int _releases;

    private RoundMemory Memory => new(_inFlight, () => _releases++);

    [Fact]
    public void RoundEnded_WhileAnotherRoundIsCollecting_KeepsTheMemory()
    {
        using var other = _inFlight.Claim(WatchedAccountBuilder.Many("bluesky", 3));

        Memory.RoundEnded();

        Assert.Equal(0, _releases);
    }

    [Fact]
    public void RoundEnded_WhenTheLastRoundIsDone_ReleasesTheMemoryOnce()
    {
        using (_inFlight.Claim(WatchedAccountBuilder.Many("bluesky", 3)))
        {
        }

        Memory.RoundEnded();

        Assert.Equal(1, _releases);
    }
}
