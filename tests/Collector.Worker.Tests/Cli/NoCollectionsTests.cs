using System.Runtime;
using Collector.Worker.Cli;

namespace Collector.Worker.Tests.Cli;

/// <summary>The region belongs to the whole process, so these run alone.</summary>
[CollectionDefinition(nameof(NoCollectionsTests), DisableParallelization = true)]
public sealed class NoCollectionsRunAlone;

[Collection(nameof(NoCollectionsTests))]
public sealed class NoCollectionsTests
{
    [Fact]
    public void For_EntersARegionUntilDisposed_AndOneInsideItChangesNothing()
    {
        using (NoCollections.For(16L << 20))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            using (NoCollections.For(16L << 20))
            {
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            }

            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Dispose_AfterTheBurstOutgrewItsBudget_EndsQuietly()
    {
        var kept = new List<byte[]>();
        var collections = GC.CollectionCount(0);
        using (NoCollections.For(1L << 20))
        {
            for (var i = 0; i < 64; i++)
            {
                kept.Add(new byte[64 * 1024]);
            }
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(GC.CollectionCount(0) > collections);
        Assert.Equal(64, kept.Count);
    }

    [Fact]
    public void For_ABudgetAboveTheMaximum_IsClampedAndStillHonoured()
    {
        using (NoCollections.For(long.MaxValue))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
    }
}
