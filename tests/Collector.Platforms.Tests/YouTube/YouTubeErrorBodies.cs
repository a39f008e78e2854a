namespace Collector.Platforms.Tests.YouTube;

/// <summary>Google error envelopes for faults (platform-apis.md §4 "Errors").</summary>
internal static class YouTubeErrorBodies
{
    public const string BackendError = """
        {"error":{"code":503,"message":"The service is currently unavailable.","errors":[{"message":"The service is currently unavailable.","domain":"global","reason":"backendError"}]}}
        """;

    public const string RateLimitExceeded = """
        {"error":{"code":403,"message":"The request cannot be completed because you have exceeded your rate limit.","errors":[{"message":"The request cannot be completed because you have exceeded your rate limit.","domain":"youtube.quota","reason":"rateLimitExceeded"}]}}
        """;

    public const string UserRateLimitExceeded = """
        {"error":{"code":403,"message":"User Rate Limit Exceeded","errors":[{"message":"User Rate Limit Exceeded","domain":"usageLimits","reason":"userRateLimitExceeded"}]}}
        """;
}
