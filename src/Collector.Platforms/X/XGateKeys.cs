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

        // Every user shares the timeline endpoint's window: the id is a parameter, not part of the endpoint.
        var segments = uri.AbsolutePath.Split('/').Select(static s => s.Length > 0 && s.All(char.IsAsciiDigit) ? ":id" : s);
        return $"{PlatformKeys.X}:{uri.Authority}{string.Join('/', segments)}";
    }
}
