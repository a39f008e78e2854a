namespace Collector.Core.Metrics;

/// <summary>Caveats attached to an observation, stored with each snapshot so analysts can judge it.</summary>
[Flags]
public enum DataQuality
{
    None = 0,

    /// <summary>The platform hides the follower count (YouTube hiddenSubscriberCount); followers are unknown, not 0.</summary>
    FollowersHidden = 1,

    /// <summary>The platform rounds the follower count (YouTube: 3 significant figures).</summary>
    FollowersRounded = 2,

    /// <summary>Counts may be local to the queried instance (Mastodon).</summary>
    InstanceLocal = 4,

    /// <summary>The account's posts are not public, so engagement could not be measured.</summary>
    Protected = 8,

    /// <summary>Some posts had no like/comment count (hidden likes, disabled comments).</summary>
    PartialPostCounts = 16,
}
