using System.Text.Json;
using Collector.Core.Platforms;
using Collector.Platforms.Http;

namespace Collector.Platforms.X;

/// <summary>
/// Reads X error answers (platform-apis.md §1 "Errors"): Problem JSON, the v1.1 <c>errors[]</c> shape, or plain text.
/// A 429 is a rate limit whatever its body, except a usage cap, which is a spent quota. A 401 gets a message that
/// says what to fix; X's own body ("Unauthorized") does not.
/// </summary>
internal sealed class XErrorBodyReader : IPlatformErrorBodyReader
{
    private const string UsageCapped = "usage-capped";
    private const string CreditsDepleted = "credits-depleted";

    public PlatformErrorBody? Read(int statusCode, ReadOnlySpan<byte> body)
    {
        var problem = Parse(body);
        var code = XProblems.TypeName(problem?.Type) is { } name && name != "about:blank" ? name : problem?.Title;
        var message = problem?.Detail ?? (problem?.Errors is [var first, ..] ? first.Message : null);
        return statusCode switch
        {
            429 when IsUsageCap(problem) => new PlatformErrorBody(
                "UsageCapExceeded",
                $"usage cap exceeded ({problem!.Period ?? "?"}, {problem.Scope ?? "?"}): no reads until the cap resets or is raised in the X developer console",
                PlatformErrorKind.QuotaExceeded),
            429 => new PlatformErrorBody(code ?? "Too Many Requests", message, PlatformErrorKind.RateLimited),
            401 => new PlatformErrorBody(
                "Unauthorized", "X refused the bearer token; check Platforms:X:BearerToken", PlatformErrorKind.Unauthorized),

            // Not in X's docs; third-party code shows 402 credits-depleted when pay-per-use credits run out (UNSURE).
            402 => new PlatformErrorBody(
                code ?? CreditsDepleted, "X API credits are spent; top them up in the X developer console", PlatformErrorKind.QuotaExceeded),
            _ when code is null && message is null => null,
            _ => new PlatformErrorBody(code, message),
        };
    }

    private static bool IsUsageCap(XModels.ErrorBody? problem) =>
        problem is not null
        && (string.Equals(problem.Title, "UsageCapExceeded", StringComparison.OrdinalIgnoreCase)
            || string.Equals(XProblems.TypeName(problem.Type), UsageCapped, StringComparison.OrdinalIgnoreCase));

    private static XModels.ErrorBody? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, XJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            // "Rate limit exceeded" as text/plain (recorded 2020), an HTML proxy page, an empty body.
            return null;
        }
    }
}
