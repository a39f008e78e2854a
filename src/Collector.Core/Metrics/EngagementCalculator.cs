namespace Collector.Core.Metrics;

/// <summary>Turns sampled posts into per-post averages and an engagement rate (SPEC "Engagement rate and the band").</summary>
public static class EngagementCalculator
{
    public static EngagementSummary Summarize(IReadOnlyList<PostMetrics> posts, long? followers)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0)
        {
            return EngagementSummary.None;
        }

        var likes = Average(posts, static p => p.Likes);
        var replies = Average(posts, static p => p.Replies);
        var reposts = Average(posts, static p => p.Reposts);
        var quotes = Average(posts, static p => p.Quotes);
        var views = Average(posts, static p => p.Views);

        double? rate = null;
        if (followers is > 0)
        {
            // Missing counters count as zero interactions: a platform without quotes (YouTube) adds nothing.
            var perPost = (likes ?? 0) + (replies ?? 0) + (reposts ?? 0) + (quotes ?? 0);
            rate = perPost / followers.Value;
        }

        return new EngagementSummary(posts.Count, likes, replies, reposts, quotes, views, rate);
    }

    /// <summary>Mean over the posts that report the counter; null when none does.</summary>
    private static double? Average(IReadOnlyList<PostMetrics> posts, Func<PostMetrics, long?> counter)
    {
        long sum = 0;
        var n = 0;
        foreach (var post in posts)
        {
            if (counter(post) is { } value)
            {
                sum += value;
                n++;
            }
        }

        return n == 0 ? null : (double)sum / n;
    }
}
