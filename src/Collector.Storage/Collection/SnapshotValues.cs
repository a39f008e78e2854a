using Collector.Core.Metrics;
using Collector.Core.Storage;

namespace Collector.Storage.Collection;

/// <summary>Binds an observation's snapshot columns to whichever of them a statement has.</summary>
internal static class SnapshotValues
{
    public static void Bind(PreparedStatement statement, long at, AccountObservation observation)
    {
        var profile = observation.Profile;

        // The profile's caveats (hidden, rounded followers) hold for the observation whether or not the caller merged them.
        var quality = observation.Quality | profile.Quality;
        statement.Set("$at", at)
            .Set("$followers", profile.Followers)
            .Set("$following", profile.Following)
            .Set("$posts", profile.Posts)
            .Set("$quality_flags", (long)quality);

        if (observation.Engagement is { } engagement)
        {
            statement.Set("$posts_sampled", engagement.PostsSampled)
                .Set("$avg_likes", engagement.AvgLikes)
                .Set("$avg_replies", engagement.AvgReplies)
                .Set("$avg_reposts", engagement.AvgReposts)
                .Set("$avg_quotes", engagement.AvgQuotes)
                .Set("$avg_views", engagement.AvgViews)
                .Set("$engagement_rate", engagement.EngagementRate)
                .Set("$er_formula", EngagementSummary.Formula);
        }
        else if (statement.Has("$posts_sampled"))
        {
            statement.Set("$posts_sampled", 0)
                .Set("$avg_likes", null)
                .Set("$avg_replies", null)
                .Set("$avg_reposts", null)
                .Set("$avg_quotes", null)
                .Set("$avg_views", null)
                .Set("$engagement_rate", null)
                .Set("$er_formula", null);
        }
    }
}
