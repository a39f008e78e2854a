using Collector.Core.Metrics;
using Collector.Core.Platforms;

namespace Collector.Core.Tests.Collection;

/// <summary>
/// A platform fake that finds every account and answers each request after a short real delay, so that requests of
/// concurrent batches overlap; it records the most requests it ever had in flight at once.
/// </summary>
internal sealed class InFlightProbeClient(int batchSize) : IPlatformClient
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(5);

    private int _inFlight;
    private int _peak;

    public string Platform => "bluesky";

    public PlatformCapabilities Capabilities { get; } = new(batchSize, batchSize, 100, false, false);

    public bool IsConfigured => true;

    public int PeakInFlight => Volatile.Read(ref _peak);

    public Task<IReadOnlyList<ProfileOutcome>> ResolveAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<ProfileOutcome>>(
            () => [.. handles.Select(h => ProfileOutcome.Found(h, new ProfileMetrics($"id:{h}", h, 20_000, 10, 100)))],
            cancellationToken);

    public Task<IReadOnlyList<ProfileOutcome>> GetProfilesAsync(IReadOnlyList<string> platformIds, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<ProfileOutcome>>(
            () => [.. platformIds.Select(id => ProfileOutcome.Found(id, new ProfileMetrics(id, id, 20_000, 10, 100)))],
            cancellationToken);

    public Task<PostsOutcome> GetRecentPostsAsync(ProfileMetrics profile, int count, CancellationToken cancellationToken) =>
        SendAsync(() => new PostsOutcome([new PostMetrics($"{profile.PlatformId}/p0", null, 100, 0, 0, 0, null)]), cancellationToken);

    private async Task<T> SendAsync<T>(Func<T> answer, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        RaisePeak(inFlight);
        try
        {
            await Task.Delay(Latency, TimeProvider.System, cancellationToken);
            return answer();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void RaisePeak(int inFlight)
    {
        var peak = Volatile.Read(ref _peak);
        while (inFlight > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, inFlight, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }
}
