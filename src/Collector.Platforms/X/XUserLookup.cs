using Collector.Core.Metrics;
using Collector.Core.Platforms;
using Collector.Platforms.Http;

namespace Collector.Platforms.X;

/// <summary>
/// The users and problems of one or more lookup answers, indexed by what was asked for (username or id), so each
/// requested key gets its own outcome whatever order X answered in.
/// </summary>
internal sealed class XUserLookup(StringComparer comparer)
{
    private readonly Dictionary<string, XModels.User> _users = new(comparer);
    private readonly Dictionary<string, XModels.ResourceProblem> _problems = new(comparer);

    public void Add(XModels.UsersResponse answer, Func<XModels.User, string> keyOf)
    {
        foreach (var user in answer.Data ?? [])
        {
            _users.TryAdd(keyOf(user), user);
        }

        foreach (var problem in answer.Errors ?? [])
        {
            // "value" echoes the requested username or id; resource_id names the same resource.
            if (problem.ValueText is { } value)
            {
                _problems.TryAdd(value, problem);
            }

            if (problem.ResourceIdText is { } resource)
            {
                _problems.TryAdd(resource, problem);
            }
        }
    }

    /// <param name="key">The key as the caller passed it (the outcome's key).</param>
    /// <param name="lookup">The username or id that was sent.</param>
    /// <param name="subject">How to name the account in messages.</param>
    public ProfileOutcome OutcomeFor(string key, string lookup, string subject)
    {
        if (_users.TryGetValue(lookup, out var user))
        {
            return ToOutcome(key, user);
        }

        return _problems.TryGetValue(lookup, out var problem)
            ? ProfileOutcome.Failed(key, XProblems.ToError(problem, subject))
            : ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.InvalidResponse, $"x: the answer did not mention {subject}"));
    }

    private static ProfileOutcome ToOutcome(string key, XModels.User user)
    {
        var metrics = user.PublicMetrics;
        if (Counts.FindImplausible(
                ("followers_count", metrics?.FollowersCount),
                ("following_count", metrics?.FollowingCount),
                ("tweet_count", metrics?.Posts)) is { } problem)
        {
            return ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.InvalidResponse, $"x: {problem} for user {user.Id}"));
        }

        // Lookup still returns a protected account's counts; only its posts are out of reach.
        var quality = user.Protected == true ? DataQuality.Protected : DataQuality.None;
        return ProfileOutcome.Found(key, new ProfileMetrics(
            user.Id, user.Username, metrics?.FollowersCount, metrics?.FollowingCount, metrics?.Posts, quality));
    }
}
