namespace Collector.TestKit.Fakes;

/// <summary>How <see cref="FakeYouTube"/> sends <c>subscriberCount</c> when it is hidden (platform-apis.md: UNSURE).</summary>
public enum HiddenSubscriberCountStyle
{
    /// <summary>Left out of <c>statistics</c>.</summary>
    Omitted,

    /// <summary>Sent as <c>"0"</c>.</summary>
    Zero,
}
