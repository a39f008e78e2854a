using Microsoft.Extensions.Time.Testing;

namespace Collector.Platforms.Tests;

/// <summary>Moves a FakeTimeProvider forward while real loopback I/O runs, so waits cost no real seconds.</summary>
internal static class ClockDriver
{
    private static readonly TimeSpan RealPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="step"/> (with a short real pause between steps) until the
    /// task completes or <paramref name="stopWhen"/> holds, then awaits the task without moving the clock further.
    /// </summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan step, Func<bool>? stopWhen = null, int maxSteps = 2000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted && !(stopWhen?.Invoke() ?? false); i++)
        {
            await Task.Delay(RealPause, TimeProvider.System);
            clock.Advance(step);
        }

        return await task.WaitAsync(RealLimit, TimeProvider.System);
    }
}
