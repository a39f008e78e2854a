namespace Collector.TestKit.Fakes;

/// <summary>
/// A fixed-window request counter on the fake's clock, as platforms keep per client: each request takes one unit;
/// past the limit the request is refused until the window resets. Fakes turn it into their header dialect.
/// </summary>
public sealed class FakeRateLimitWindow(TimeProvider clock, int limit, TimeSpan window)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _windowStart;
    private int _used;

    public int Limit { get; private set; } = limit;

    public TimeSpan Window { get; private set; } = window;

    /// <summary>Changes the limit and window and starts a fresh window with the next request.</summary>
    public void Configure(int newLimit, TimeSpan newWindow)
    {
        lock (_lock)
        {
            Limit = newLimit;
            Window = newWindow;
            _windowStart = null;
            _used = 0;
        }
    }

    public Take TakeOne()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_windowStart is not { } start || now >= start + Window)
            {
                _windowStart = start = now;
                _used = 0;
            }

            _used++;
            return new Take(_used <= Limit, Limit, Math.Max(0, Limit - _used), start + Window);
        }
    }

    public sealed record Take(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt);
}
