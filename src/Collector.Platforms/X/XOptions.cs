using System.ComponentModel.DataAnnotations;
using Collector.Platforms.Http;

namespace Collector.Platforms.X;

/// <summary>
/// Settings of the X client (section <c>Platforms:X</c>). Without a bearer token the platform is "not configured".
/// Validation messages name the setting, never its value: the token must not reach logs or command output.
/// </summary>
internal sealed class XOptions : PlatformHttpOptions
{
    public const string SectionName = "Platforms:X";

    /// <summary>The host of the OpenAPI <c>servers</c> entry; <c>https://api.twitter.com</c> serves the same <c>/2/...</c>.</summary>
    public const string DefaultBaseUrl = "https://api.x.com";

    [Required]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>OAuth 2.0 App-Only bearer token (developer console → the app's "Keys and tokens").</summary>
    public string? BearerToken { get; set; }

    /// <summary>The token as sent, or null when none is set. A secret file's trailing newline is not part of it.</summary>
    public string? Token => string.IsNullOrWhiteSpace(BearerToken) ? null : BearerToken.Trim();

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }

        if (Token is not { } token)
        {
            yield break;
        }

        // X tokens are URL-encoded visible ASCII; anything else is a paste accident, and would break the header.
        if (!token.All(static c => c is > ' ' and < '\x7f'))
        {
            yield return new ValidationResult(
                $"{nameof(BearerToken)} must be visible ASCII without spaces (the value is not shown).", [nameof(BearerToken)]);
        }

        if (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            yield return new ValidationResult(
                $"{nameof(BaseUrl)} must use https when a {nameof(BearerToken)} is set (plain http only for loopback), so the token never travels in clear text.",
                [nameof(BaseUrl)]);
        }
    }
}
