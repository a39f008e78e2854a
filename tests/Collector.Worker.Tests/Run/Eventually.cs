using Microsoft.Extensions.Time.Testing;

namespace Collector.Worker.Tests.Run;

/// <summary>
/// Waits for something the worker does on its own threads (a round, a reload). The deadline is generous and only
/// means "something is broken"; a passing test returns as soon as the condition holds.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, FakeTimeProvider? drive = null, TimeSpan? step = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > Deadline)
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(Pause, TimeProvider.System);

            // Debounce and poll timers run on the fake clock: keep it moving while waiting for them.
            drive?.Advance(step ?? TimeSpan.FromMilliseconds(200));
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, FakeTimeProvider? drive = null, TimeSpan? step = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, drive, step);
}
