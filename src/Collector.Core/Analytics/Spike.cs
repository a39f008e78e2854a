namespace Collector.Core.Analytics;

/// <summary>A day whose follower gain was far outside the account's own recent variation.</summary>
/// <param name="Day">The UTC day of the jump.</param>
/// <param name="At">The snapshot that showed it.</param>
/// <param name="Change">Followers gained since the previous day's last snapshot.</param>
/// <param name="Expected">The mean daily gain of the baseline window.</param>
/// <param name="Threshold">Expected + k·σ: the gain above which a day is a spike.</param>
public sealed record Spike(DateOnly Day, DateTimeOffset At, long Followers, long Change, double Expected, double Threshold);
