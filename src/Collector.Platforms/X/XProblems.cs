using Collector.Core.Platforms;
using Collector.Platforms.Http;

namespace Collector.Platforms.X;

/// <summary>
/// Turns the per-resource problems X puts in <c>errors[]</c> of an HTTP 200 into per-account errors
/// (platform-apis.md §1 "Errors"). Type URIs are matched on their last segment: older bodies use
/// <c>https://api.twitter.com/2/problems/…</c>, newer docs <c>https://api.x.com/2/problems/…</c>.
/// </summary>
internal static class XProblems
{
    public const string ResourceNotFound = "resource-not-found";
    public const string NotAuthorizedForResource = "not-authorized-for-resource";

    /// <summary>The last path segment of a problem type URI (<c>…/problems/usage-capped</c> → <c>usage-capped</c>).</summary>
    public static string? TypeName(string? type) =>
        string.IsNullOrEmpty(type) ? null : type[(type.LastIndexOf('/') + 1)..];

    public static PlatformErrorKind KindOf(XModels.ResourceProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return TypeName(problem.Type) switch
        {
            // A suspended user comes as resource-not-found too; only the title (and detail) tell it apart.
            ResourceNotFound when IsSuspension(problem) => PlatformErrorKind.Suspended,
            ResourceNotFound => PlatformErrorKind.NotFound,

            // What an app-only token gets for a protected account's timeline.
            NotAuthorizedForResource => PlatformErrorKind.Protected,
            _ => PlatformErrorKind.InvalidResponse,
        };
    }

    /// <param name="subject">How to name the account in the message (<c>@name</c> or <c>user 123</c>).</param>
    public static PlatformError ToError(XModels.ResourceProblem problem, string subject)
    {
        var kind = KindOf(problem);
        var text = kind switch
        {
            PlatformErrorKind.NotFound => $"x: no such user {subject}",
            PlatformErrorKind.Suspended => $"x: {subject} is suspended",
            PlatformErrorKind.Protected => $"x: {subject} is protected; its posts are not public",
            _ => $"x: {subject}: {problem.Title ?? problem.Type ?? "unknown problem"}",
        };
        var detail = problem.Detail;
        return new PlatformError(kind, SafeText.Clip(string.IsNullOrWhiteSpace(detail) ? text : $"{text} ({detail})"));
    }

    private static bool IsSuspension(XModels.ResourceProblem problem) =>
        string.Equals(problem.Title, "Forbidden", StringComparison.OrdinalIgnoreCase)
        || (problem.Detail?.Contains("suspended", StringComparison.OrdinalIgnoreCase) ?? false);
}
