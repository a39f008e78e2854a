using System.ComponentModel.DataAnnotations;
using Collector.Platforms.Http;

namespace Collector.Platforms.YouTube;

/// <summary>
/// Settings of the YouTube client (section <c>Platforms:YouTube</c>). Without <see cref="ApiKey"/> the platform is
/// not configured and its accounts are skipped. The key travels in the <c>X-Goog-Api-Key</c> header, never in a URL.
/// </summary>
internal sealed class YouTubeOptions : PlatformHttpOptions
{
    public const string SectionName = "Platforms:YouTube";
    public const string DefaultBaseUrl = "https://www.googleapis.com/youtube/v3";

    /// <summary>Google's default allocation for a project (platform-apis.md §4 "Quota").</summary>
    public const int DefaultDailyQuotaUnits = 10_000;

    [Required]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? ApiKey { get; set; }

    /// <summary>
    /// Units this collector may spend per Pacific day. Lower it when the Google project's quota is shared with other
    /// applications; requests stop before it is spent and resume after midnight Pacific.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int DailyQuotaUnits { get; set; } = DefaultDailyQuotaUnits;

    /// <summary>The configured key, trimmed (secret files often end with a newline); null when none.</summary>
    public string? Key => string.IsNullOrWhiteSpace(ApiKey) ? null : ApiKey.Trim();

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }

        // The message names the setting, never its value.
        if (Key is { } key && key.Any(static c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            yield return new ValidationResult($"{nameof(ApiKey)} must not contain spaces or control characters.", [nameof(ApiKey)]);
        }
    }
}
