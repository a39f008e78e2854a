using System.Net.Http.Headers;
using System.Reflection;

namespace Collector.Platforms.Http;

/// <summary>The User-Agent every platform request carries: <c>collector/&lt;version&gt;</c>, plus an optional contact.</summary>
internal static class ProductUserAgent
{
    public const string Product = "collector";

    /// <summary>The assembly's informational version without the source-revision suffix (<c>0.1.0+abc123</c> → <c>0.1.0</c>).</summary>
    public static string Version { get; } = ReadVersion();

    public static void Apply(HttpRequestHeaders headers, string? contact)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.UserAgent.Clear();
        headers.UserAgent.Add(new ProductInfoHeaderValue(Product, Version));
        if (!string.IsNullOrWhiteSpace(contact))
        {
            // A comment must be parenthesised and may not contain unbalanced parentheses.
            var clean = contact.Replace('(', '[').Replace(')', ']').Trim();
            headers.UserAgent.Add(new ProductInfoHeaderValue($"(+{clean})"));
        }
    }

    private static string ReadVersion()
    {
        var assembly = typeof(ProductUserAgent).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational?.Split('+', 2)[0];
        return string.IsNullOrWhiteSpace(version) ? assembly.GetName().Version?.ToString(3) ?? "0.0.0" : version;
    }
}
