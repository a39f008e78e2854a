using System.Collections.Concurrent;
using System.Globalization;
using Collector.Core.Platforms;

namespace Collector.Platforms.Http;

/// <summary>
/// Remembers, per key, what the platform last said about its rate-limit window, and holds back the next request
/// when the window is spent: a short wait is slept (on the injected clock), a long one is refused at once as
/// RateLimited with RetryAt so nothing is sent that the platform would reject. One instance serves all platforms.
/// </summary>
public sealed class RateLimitGate(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RateLimitGateState> _states = new(StringComparer.Ordinal);

    /// <summary>The current state of every key seen so far, ordered by key.</summary>
    public IReadOnlyList<RateLimitGateState> Snapshot() =>
        [.. _states.Values.OrderBy(static s => s.Key, StringComparer.Ordinal)];

    internal void Record(string key, RateLimitInfo? info, DateTimeOffset? pausedUntil)
    {
        if (info is null && pausedUntil is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        _states.AddOrUpdate(
            key,
            static (k, arg) => new RateLimitGateState(k, arg.info?.Limit, arg.info?.Remaining, arg.info?.ResetAt, arg.pausedUntil, arg.now),
            static (k, old, arg) => arg.info is null
                // A bare Retry-After (no window headers) pauses without forgetting what we knew of the window.
                ? old with { PausedUntil = arg.pausedUntil, ObservedAt = arg.now }
                : new RateLimitGateState(k, arg.info.Limit, arg.info.Remaining, arg.info.ResetAt, arg.pausedUntil, arg.now),
            (info, pausedUntil, now));
    }

    /// <summary>How long a request for <paramref name="key"/> must wait now; zero when it may go.</summary>
    internal TimeSpan WaitFor(string key, out DateTimeOffset? pausedUntil)
    {
        pausedUntil = _states.TryGetValue(key, out var state) ? state.PausedUntil : null;
        var wait = pausedUntil is { } until ? until - time.GetUtcNow() : TimeSpan.Zero;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Waits out a short pause, or throws RateLimited without waiting when the pause exceeds <paramref name="maxWait"/>.</summary>
    internal async ValueTask WaitTurnAsync(string key, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var wait = WaitFor(key, out var pausedUntil);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > maxWait)
        {
            var until = pausedUntil!.Value;
            throw new PlatformException(new PlatformError(
                PlatformErrorKind.RateLimited,
                string.Create(CultureInfo.InvariantCulture, $"{key}: rate limit spent until {until:O}; not sending"),
                until));
        }

        await Task.Delay(wait, time, cancellationToken);
    }
}
