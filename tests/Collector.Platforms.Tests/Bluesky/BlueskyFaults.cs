using System.Globalization;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.Bluesky;

/// <summary>Faults shaped like the AppView's own error answers.</summary>
internal static class BlueskyFaults
{
    public const string RateLimitBody = """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""";

    public static FakeFault TooManyRequests(long resetEpochSeconds) =>
        FakeFault.Status(429, RateLimitBody, new Dictionary<string, string>
        {
            ["ratelimit-limit"] = "3000",
            ["ratelimit-remaining"] = "0",
            ["ratelimit-reset"] = resetEpochSeconds.ToString(CultureInfo.InvariantCulture),
            ["ratelimit-policy"] = "3000;w=300",
        });

    public static FakeFault Ok(string json, bool sendContentLength = true) =>
        FakeFault.Status(200, json) with { SendContentLength = sendContentLength };
}
