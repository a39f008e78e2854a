using System.ComponentModel.DataAnnotations;
using Collector.Platforms.Http;

namespace Collector.Platforms.Mastodon;

/// <summary>
/// Settings of the Mastodon client (section <c>Platforms:Mastodon</c>). Every account is read from its home instance,
/// whose root is <see cref="BaseUrlTemplate"/> with <c>{instance}</c> replaced; no credential is needed for public
/// accounts. An access token is issued by one instance and is sent to that instance only: handing it to every
/// instance on the watchlist would give it to their operators.
/// </summary>
internal sealed class MastodonOptions : PlatformHttpOptions
{
    public const string SectionName = "Platforms:Mastodon";
    public const string InstancePlaceholder = "{instance}";
    public const string DefaultBaseUrlTemplate = "https://" + InstancePlaceholder;

    /// <summary>The instance root, e.g. <c>https://{instance}</c>, or a proxy/test layout such as <c>http://127.0.0.1:8080/{instance}</c>.</summary>
    [Required]
    public string BaseUrlTemplate { get; set; } = DefaultBaseUrlTemplate;

    /// <summary>Optional bearer token, for an instance that refuses unauthenticated API reads (401).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The instance that issued <see cref="AccessToken"/> (e.g. <c>mastodon.social</c>); required with a token.</summary>
    public string? AccessTokenInstance { get; set; }

    /// <summary>The configured token, trimmed (secret files often end with a newline); null when none.</summary>
    public string? Token => string.IsNullOrWhiteSpace(AccessToken) ? null : AccessToken.Trim();

    /// <summary>Whether the token (if any) belongs to <paramref name="instance"/>.</summary>
    public bool HasTokenFor(string instance) =>
        Token is not null && string.Equals(AccessTokenInstance?.Trim(), instance, StringComparison.OrdinalIgnoreCase);

    /// <summary>The API root of <paramref name="instance"/> (a valid host name), with a trailing slash.</summary>
    public Uri InstanceRoot(string instance) =>
        ToBaseAddress(BaseUrlTemplate.Replace(InstancePlaceholder, instance, StringComparison.Ordinal));

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }

        if (string.IsNullOrEmpty(BaseUrlTemplate) || !BaseUrlTemplate.Contains(InstancePlaceholder, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{nameof(BaseUrlTemplate)} must contain {InstancePlaceholder}, where each account's instance goes (default {DefaultBaseUrlTemplate}).",
                [nameof(BaseUrlTemplate)]);
        }
        else if (!new AbsoluteHttpUrlAttribute().IsValid(BaseUrlTemplate.Replace(InstancePlaceholder, "mastodon.example", StringComparison.Ordinal)))
        {
            yield return new ValidationResult(
                $"{nameof(BaseUrlTemplate)} must give an absolute http or https URL without user info or query once {InstancePlaceholder} is replaced.",
                [nameof(BaseUrlTemplate)]);
        }

        // Messages name the setting, never its value.
        if (Token is { } token)
        {
            if (token.Any(static c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                yield return new ValidationResult($"{nameof(AccessToken)} must not contain spaces or control characters.", [nameof(AccessToken)]);
            }

            if (string.IsNullOrWhiteSpace(AccessTokenInstance))
            {
                yield return new ValidationResult(
                    $"{nameof(AccessTokenInstance)} is required with {nameof(AccessToken)}: the token is sent only to the instance that issued it.",
                    [nameof(AccessTokenInstance)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(AccessTokenInstance) && MastodonAddress.NormalizeInstance(AccessTokenInstance) is null)
        {
            yield return new ValidationResult($"{nameof(AccessTokenInstance)} must be an instance's domain name, e.g. mastodon.social.", [nameof(AccessTokenInstance)]);
        }
    }
}
