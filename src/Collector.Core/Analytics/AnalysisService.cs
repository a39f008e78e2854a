using System.Globalization;
using Collector.Core.Bands;
using Collector.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace Collector.Core.Analytics;

/// <summary>
/// Runs after each committed batch: for every account observed, evaluates the snapshots not evaluated before (band
/// crossings, follower spikes) from its saved state, and stores the state, the new events and their outbox rows in
/// one transaction. Deterministic event keys and the saved cursor make a repeat of the same snapshots a no-op.
/// </summary>
public sealed partial class AnalysisService(
    IAnalysisStore store,
    NotificationRouting routing,
    SpikeSettings spikes,
    ILogger<AnalysisService> logger,
    IAccountEventObserver? observer = null) : IBatchAnalyzer
{
    /// <summary>
    /// Events older than this before the batch are stored (flags lists them) but not notified: they come from history
    /// evaluated for the first time (an upgraded database), and a burst of stale alerts would be noise, not news.
    /// </summary>
    public static TimeSpan NotificationHorizon { get; } = TimeSpan.FromDays(1);

    public async Task AnalyzeAsync(string platform, IReadOnlyList<CommittedObservation> observations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0)
        {
            return;
        }

        try
        {
            // Several watch keys can point at one account (a handle and its DID): the first one's band is used.
            var bands = new Dictionary<string, BandSettings>(StringComparer.Ordinal);
            foreach (var observed in observations)
            {
                bands.TryAdd(observed.Observation.Profile.PlatformId, observed.Band);
            }

            var earliest = observations.Min(static o => o.Observation.CollectedAt);
            var inputs = await store.LoadAsync(platform, bands.Keys, earliest - spikes.LookBack, cancellationToken);
            var updates = inputs
                .Select(input => Analyze(platform, input, bands[input.PlatformId], earliest - NotificationHorizon))
                .OfType<AnalysisUpdate>()
                .ToList();
            if (updates.Count == 0)
            {
                return;
            }

            await store.SaveAsync(updates, cancellationToken);
            foreach (var accountEvent in updates.SelectMany(static u => u.Events))
            {
                LogEvent(platform, accountEvent.AccountId, accountEvent.Kind, accountEvent.Followers);
                observer?.Stored(platform, accountEvent.Kind);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The snapshots are committed; the next batch with these accounts resumes from the saved cursor.
            LogAnalysisFailed(ex, platform, observations.Count);
        }
    }

    /// <summary>The pure part: state, crossings and spikes of one account's new snapshots; null when none is new.</summary>
    /// <param name="notifyFrom">Events before this are stored without notifications.</param>
    internal AnalysisUpdate? Analyze(string platform, AnalysisInput input, BandSettings band, DateTimeOffset notifyFrom)
    {
        var fresh = input.Snapshots.Where(s => s.Id > input.Cursor).ToList();
        if (fresh.Count == 0)
        {
            return null;
        }

        var step = BandEvaluator.Advance(input.State, [.. fresh.Select(static s => s.Snapshot)], band);
        var events = new List<AccountEvent>();
        foreach (var crossing in step.Crossings)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{input.AccountId}:{crossing.Kind}:{crossing.At.ToUnixTimeMilliseconds()}");
            events.Add(new AccountEvent(
                input.AccountId, crossing.Kind, key, crossing.At, crossing.From, crossing.To, crossing.Followers, crossing.EngagementRate, band, null));
        }

        var days = fresh.Where(static s => s.Snapshot.Followers is not null)
            .Select(static s => DateOnly.FromDateTime(s.Snapshot.CollectedAt.UtcDateTime));
        var history = input.Snapshots.Select(static s => s.Snapshot).ToList();
        foreach (var spike in SpikeDetector.Detect(history, days, spikes))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{input.AccountId}:{EventKinds.Spike}:{spike.Day:yyyy-MM-dd}");
            var engagement = history.LastOrDefault(s => s.CollectedAt == spike.At)?.EngagementRate;
            events.Add(new AccountEvent(
                input.AccountId, EventKinds.Spike, key, spike.At, null, null, spike.Followers, engagement, band, spike));
        }

        var notifications = events
            .Where(e => e.At >= notifyFrom)
            .SelectMany(e => routing.EntriesFor(AccountEventNotification.From(e, platform, input.Handle, input.PlatformId)))
            .ToList();
        return new AnalysisUpdate(input.AccountId, input.Cursor, fresh.Max(static s => s.Id), step.State, events, notifications)
        {
            GrowthPoints = input.GrowthPoints,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} account {AccountId}: {Kind} ({Followers} followers)")]
    private partial void LogEvent(string platform, long accountId, string kind, long? followers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Band and spike analysis of a {Platform} batch of {Count} snapshots failed; it resumes with the next batch")]
    private partial void LogAnalysisFailed(Exception exception, string platform, int count);
}
