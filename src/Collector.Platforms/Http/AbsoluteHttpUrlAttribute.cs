using System.ComponentModel.DataAnnotations;

namespace Collector.Platforms.Http;

/// <summary>
/// An absolute http or https URL without user info or query: credentials belong in their own settings, never in a
/// URL that ends up in logs and error messages.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
internal sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    public AbsoluteHttpUrlAttribute()
        : base("{0} must be an absolute http or https URL without user info or query.")
    {
    }

    public override bool IsValid(object? value) =>
        value switch
        {
            null => true,
            string text => Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && uri.UserInfo.Length == 0
                && uri.Query.Length == 0
                && uri.Fragment.Length == 0,
            _ => false,
        };
}
