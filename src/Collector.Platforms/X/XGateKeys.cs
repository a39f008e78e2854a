using Collector.Core.Platforms;

namespace Collector.Platforms.X;

/// <summary>
/// Rate-limit gate keys per endpoint. X counts its limits per endpoint (platform-apis.md §1 "Rate limits": 300
/// user lookups and 10,000 timeline reads per 15 minutes per app) and its headers describe the endpoint answered,
/// so a spent timeline window must not hold back profile lookups, nor the other way round.
/// </summary>
internal static class XGateKeys
{
    /// <summary><c>x:api.x.com/2/users/by</c>, <c>x:api.x.com/2/users</c>, <c>x:api.x.com/2/users/:id/tweets</c>.</summary>
    public static string For(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return PlatformKeys.X;
        }

        // Every user shares the timeline endpoint's window: the id after "users" is a parameter, not part of the
        // endpoint (the "2" of the API version is not an id).
        var segments = uri.AbsolutePath.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i - 1] == "users" && segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit))
            {
                segments[i] = ":id";
            }
        }

        return $"{PlatformKeys.X}:{uri.Authority}{string.Join('/', segments)}";
    }
}
