namespace Collector.TestKit.Fakes;

/// <summary>How <see cref="FakeBluesky"/> answers getAuthorFeed for a taken-down actor.</summary>
public enum TakedownFeedAnswer
{
    /// <summary>400 <c>InvalidRequest</c> "Profile not found": what the current AppView code does.</summary>
    ProfileNotFound,

    /// <summary>400 <c>AccountTakedown</c> "Account has been suspended": what getProfile says for the same account.</summary>
    AccountTakedown,
}
