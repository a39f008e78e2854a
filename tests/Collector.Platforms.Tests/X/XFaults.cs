using System.Globalization;
using Collector.TestKit.Fakes;

namespace Collector.Platforms.Tests.X;

/// <summary>Faults shaped like X's own error answers (platform-apis.md §1 "Errors").</summary>
internal static class XFaults
{
    public const string TooManyRequestsBody = """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""";

    public const string UsageCapBody =
        """{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}""";

    public static FakeFault TooManyRequests(long resetEpochSeconds, string body = TooManyRequestsBody, string contentType = "application/json; charset=utf-8") =>
        FakeFault.Status(429, body, RateLimitHeaders(900, 0, resetEpochSeconds)) with { ContentType = contentType };

    public static IReadOnlyDictionary<string, string> RateLimitHeaders(long limit, long remaining, long resetEpochSeconds) =>
        new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["x-rate-limit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
            ["x-rate-limit-reset"] = resetEpochSeconds.ToString(CultureInfo.InvariantCulture),
        };

    public static FakeFault Ok(string json) => FakeFault.Status(200, json);
}
