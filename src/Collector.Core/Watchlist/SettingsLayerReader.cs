namespace Collector.Core.Watchlist;

/// <summary>Reads the overridable settings (schedule, engagement_posts, band) of one level.</summary>
internal sealed class SettingsLayerReader(ScalarReader scalars, Func<string, string?>? cronValidator)
{
    /// <summary>Recent posts used for engagement rate; 0 means profile only (SPEC).</summary>
    public const int MaxEngagementPosts = 100;

    private readonly BandReader _band = new(scalars);

    /// <param name="context">Appended to band messages, e.g. " of platform youtube".</param>
    public SettingsLayer Read(Dictionary<string, SourceNode.Entry> entries, string context)
    {
        var schedule = entries.TryGetValue(WatchlistKeys.Schedule, out var scheduleEntry)
            ? ReadSchedule(scheduleEntry.Value)
            : null;
        var posts = entries.TryGetValue(WatchlistKeys.EngagementPosts, out var postsEntry)
            && scalars.ReadWholeNumber(postsEntry.Value, WatchlistKeys.EngagementPosts, 0, MaxEngagementPosts) is { } count
                ? new Setting<int>((int)count, postsEntry.Value.Start)
                : null;
        var band = entries.TryGetValue(WatchlistKeys.Band, out var bandEntry)
            ? _band.Read(bandEntry.Value, context)
            : BandLayer.Empty;
        return schedule is null && posts is null && ReferenceEquals(band, BandLayer.Empty)
            ? SettingsLayer.Empty
            : new SettingsLayer(schedule, posts, band);
    }

    private Setting<Schedule>? ReadSchedule(SourceNode node)
    {
        if (scalars.ReadText(node, WatchlistKeys.Schedule) is not { } text)
        {
            return null;
        }

        if (ScheduleParser.TryParse(text, cronValidator, out var schedule, out var error))
        {
            return new Setting<Schedule>(schedule, node.Start);
        }

        scalars.Problems.Add(node, error);
        return null;
    }
}
