namespace Collector.TestKit.Fakes;

/// <summary>A video in a channel's uploads. Null likes or comments are left out of the statistics, as when hidden or disabled.</summary>
public sealed record FakeYouTubeVideo(string Id, DateTimeOffset PublishedAt)
{
    public long Views { get; init; } = 425_203;

    public long? Likes { get; init; } = 15_085;

    public long? Comments { get; init; } = 261;

    /// <summary>Private or deleted: still listed in the uploads playlist, left out of videos.list.</summary>
    public bool Private { get; init; }
}
