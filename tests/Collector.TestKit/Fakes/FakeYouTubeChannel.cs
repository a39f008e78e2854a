using System.Globalization;

namespace Collector.TestKit.Fakes;

/// <summary>A channel the fake YouTube knows. Its uploads playlist id is the channel id with <c>UC</c> replaced by <c>UU</c>.</summary>
public sealed record FakeYouTubeChannel(string Id, string Handle)
{
    public string Title { get; init; } = "Google Developers";

    public long Subscribers { get; init; } = 713;

    /// <summary><c>hiddenSubscriberCount: true</c>; see <see cref="FakeYouTube.HiddenSubscriberCount"/> for how the count is then sent.</summary>
    public bool HiddenSubscribers { get; init; }

    public long Views { get; init; } = 129_292;

    public long Videos { get; init; } = 55;

    public string UploadsPlaylistId => "UU" + Id[2..];

    /// <summary>A valid channel id (<c>UC</c> + 22 characters) and handle made from <paramref name="seed"/>.</summary>
    public static FakeYouTubeChannel Numbered(int seed) =>
        new(string.Create(CultureInfo.InvariantCulture, $"UC{seed:D6}_x5XG1OV2P6uZZ5F"), string.Create(CultureInfo.InvariantCulture, $"@channel{seed}"));
}
