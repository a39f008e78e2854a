using System.ComponentModel.DataAnnotations;

namespace Collector.Platforms.Http;

/// <summary>
/// Resilience and safety settings every platform client shares. Each platform's options class derives from it, so
/// the settings live under that platform's own section (e.g. <c>Platforms:Bluesky:MaxRetries</c>).
/// </summary>
internal abstract class PlatformHttpOptions : IValidatableObject
{
    /// <summary>Retries after the first attempt for transient failures (5xx, 408, 429, network, attempt timeout).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off step; later ones grow exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait honoured inside one request when the platform asks for one (Retry-After, an exhausted
    /// rate-limit window). A longer wait is not slept: the request fails as RateLimited with RetryAt, so the
    /// caller defers the round instead of holding a worker for an hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxServerWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one attempt (and of reading its body).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of a whole request, retries and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A larger response body is refused as InvalidResponse instead of being read into memory.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Attempts within <see cref="BreakerSamplingDuration"/> before the breaker may open. Polly's default (100 in
    /// 30 s) never trips for a poller that sends a few requests per round, so the default here is small.
    /// </summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open breaker fails requests fast before letting one probe through.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Optional URL or mailbox appended to the User-Agent so platform operators can reach this instance's owner.</summary>
    [MaxLength(200)]
    public string? Contact { get; set; }

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A retry that honours a server wait must still fit in the total budget, or the wait is cut short mid-sleep.
        if (TotalTimeout < AttemptTimeout + MaxServerWait)
        {
            yield return new ValidationResult(
                $"{nameof(TotalTimeout)} ({TotalTimeout}) must be at least {nameof(AttemptTimeout)} + {nameof(MaxServerWait)} ({AttemptTimeout + MaxServerWait}).",
                [nameof(TotalTimeout)]);
        }

        if (Contact is { } contact && contact.Any(char.IsControl))
        {
            yield return new ValidationResult($"{nameof(Contact)} must not contain control characters.", [nameof(Contact)]);
        }
    }

    /// <summary>A base address that keeps a configured path prefix when relative request URIs are resolved against it.</summary>
    public static Uri ToBaseAddress(string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
    }
}
