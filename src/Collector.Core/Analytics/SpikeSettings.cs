using System.ComponentModel.DataAnnotations;

namespace Collector.Core.Analytics;

/// <summary>
/// Settings of follower-spike detection (section <c>Analytics:Spikes</c>): a day's gain is a spike when it exceeds
/// the mean of the account's previous daily gains by more than <see cref="Sigmas"/> standard deviations.
/// </summary>
public sealed class SpikeSettings
{
    public const string Section = "Analytics:Spikes";

    /// <summary>Days of daily gains before the checked day that form the baseline.</summary>
    [Range(3, 365)]
    public int WindowDays { get; set; } = 14;

    /// <summary>Daily gains the baseline needs before anything is judged (less history: no verdict).</summary>
    [Range(2, 365)]
    public int MinHistoryDays { get; set; } = 7;

    /// <summary>k in mean + k·σ.</summary>
    [Range(1.0, 100.0)]
    public double Sigmas { get; set; } = 3;

    /// <summary>
    /// Floor of σ as a fraction of the follower count: a perfectly steady account (σ = 0) would otherwise flag
    /// every wobble. 0.001 means a 10,000-follower account needs about 30 followers above its usual gain.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSigmaFraction { get; set; } = 0.001;

    /// <summary>How far back snapshots are needed to judge a day: the window plus the day before it.</summary>
    public TimeSpan LookBack => TimeSpan.FromDays(WindowDays + 2);
}
