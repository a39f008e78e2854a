using System.ComponentModel.DataAnnotations;

namespace Collector.Worker.Web;

/// <summary>Section <c>Http</c>: where <c>run</c> serves <c>/healthz</c> and <c>/metrics</c>.</summary>
internal sealed class HttpEndpointOptions : IValidatableObject
{
    public const string Section = "Http";

    /// <summary>
    /// Semicolon-separated listen URLs. Loopback by default: metrics and health are for the local agent or the
    /// container runtime, not for the internet. Empty turns the endpoint off.
    /// </summary>
    public string? Urls { get; set; } = "http://127.0.0.1:9464";

    public IReadOnlyList<string> Parsed() =>
        (Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var url in Parsed())
        {
            // Kestrel also accepts "*" and "+" as hosts, which Uri does not; they mean "every address".
            var probe = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
            {
                yield return new ValidationResult($"Http:Urls: '{url}' is not an http://HOST:PORT listen address", [nameof(Urls)]);
            }
        }
    }
}
