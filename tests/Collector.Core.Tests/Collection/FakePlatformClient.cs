using Collector.Core.Metrics;
using Collector.Core.Platforms;

namespace Collector.Core.Tests.Collection;

/// <summary>A hand-written platform fake: accounts by handle, scripted failures, and a log of calls.</summary>
internal sealed class FakePlatformClient(string platform = "bluesky", int batchSize = 25) : IPlatformClient
{
    private readonly Dictionary<string, ProfileMetrics> _byHandle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<PostMetrics>> _posts = new(StringComparer.Ordinal);

    public string Platform => platform;

    public PlatformCapabilities Capabilities { get; } = new(batchSize, batchSize, 100, false, false);

    public bool IsConfigured { get; set; } = true;

    public List<IReadOnlyList<string>> ResolveCalls { get; } = [];

    public List<IReadOnlyList<string>> ProfileCalls { get; } = [];

    public List<string> PostCalls { get; } = [];

    /// <summary>Thrown by every profile request from the Nth one (1-based) on.</summary>
    public (int FromCall, PlatformError Error)? FailProfilesFrom { get; set; }

    /// <summary>Thrown by a profile request that asks for one of these keys.</summary>
    public Dictionary<string, PlatformError> ProfileErrors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PlatformError> PostErrors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PlatformError> PostOutcomeErrors { get; } = new(StringComparer.Ordinal);

    public void Add(string handle, long followers, params long[] likesPerPost)
    {
        var id = $"id:{handle}";
        _byHandle[handle] = new ProfileMetrics(id, handle, followers, 10, 100);
        _posts[id] = [.. likesPerPost.Select((likes, i) => new PostMetrics($"{id}/p{i}", null, likes, 0, 0, 0, null))];
    }

    public Task<IReadOnlyList<ProfileOutcome>> ResolveAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken)
    {
        lock (ResolveCalls)
        {
            ResolveCalls.Add(handles);
        }

        return Answer(handles, key => _byHandle.GetValueOrDefault(key));
    }

    public Task<IReadOnlyList<ProfileOutcome>> GetProfilesAsync(IReadOnlyList<string> platformIds, CancellationToken cancellationToken)
    {
        lock (ProfileCalls)
        {
            ProfileCalls.Add(platformIds);
        }

        return Answer(platformIds, key => _byHandle.Values.FirstOrDefault(p => p.PlatformId == key));
    }

    public Task<PostsOutcome> GetRecentPostsAsync(ProfileMetrics profile, int count, CancellationToken cancellationToken)
    {
        lock (PostCalls)
        {
            PostCalls.Add(profile.PlatformId);
        }

        if (PostErrors.TryGetValue(profile.PlatformId, out var error))
        {
            throw new PlatformException(error);
        }

        if (PostOutcomeErrors.TryGetValue(profile.PlatformId, out var outcomeError))
        {
            return Task.FromResult(new PostsOutcome([], outcomeError));
        }

        var posts = _posts.GetValueOrDefault(profile.PlatformId) ?? [];
        return Task.FromResult(new PostsOutcome([.. posts.Take(count)]));
    }

    private Task<IReadOnlyList<ProfileOutcome>> Answer(IReadOnlyList<string> keys, Func<string, ProfileMetrics?> find)
    {
        int calls;
        lock (ProfileCalls)
        {
            calls = ResolveCalls.Count + ProfileCalls.Count;
        }

        if (FailProfilesFrom is { } fail && calls >= fail.FromCall)
        {
            throw new PlatformException(fail.Error);
        }

        if (keys.FirstOrDefault(ProfileErrors.ContainsKey) is { } failing)
        {
            throw new PlatformException(ProfileErrors[failing]);
        }

        IReadOnlyList<ProfileOutcome> outcomes =
        [
            .. keys.Select(key => find(key) is { } profile
                ? ProfileOutcome.Found(key, profile)
                : ProfileOutcome.Failed(key, new PlatformError(PlatformErrorKind.NotFound, $"{key} not found"))),
        ];
        return Task.FromResult(outcomes);
    }
}
