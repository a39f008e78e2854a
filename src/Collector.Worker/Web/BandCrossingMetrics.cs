using Collector.Core.Analytics;
using Collector.Core.Notifications;

namespace Collector.Worker.Web;

/// <summary>Counts stored band crossings in <c>collector_band_crossings</c> (spikes are not crossings).</summary>
internal sealed class BandCrossingMetrics(CollectorMetrics metrics) : IAccountEventObserver
{
    public void Stored(string platform, string kind)
    {
        if (kind is EventKinds.Entered or EventKinds.Left)
        {
            metrics.BandCrossing(platform, kind);
        }
    }
}
