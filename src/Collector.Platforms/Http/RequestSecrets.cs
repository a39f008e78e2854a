using System.Net.Http.Headers;
using System.Text;

namespace Collector.Platforms.Http;

/// <summary>
/// The credentials a request carries (its bearer token, any header named like a key or token, on the request or
/// as a default header of the client), and their removal from an error body: a server may echo them back, and error
/// text is logged and stored. Done on the whole body before it is read or clipped, so no part of a secret survives.
/// </summary>
internal static class RequestSecrets
{
    private const string Replacement = "[redacted]";

    public static IReadOnlyList<string> Of(HttpRequestMessage request, HttpRequestHeaders defaults)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(defaults);
        var secrets = new List<string>();
        Collect(request.Headers, secrets);
        Collect(defaults, secrets);
        return secrets;
    }

    public static byte[] Redact(byte[] body, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(secrets);
        if (body.Length == 0 || secrets.Count == 0)
        {
            return body;
        }

        var text = Encoding.UTF8.GetString(body);
        var redacted = text;
        foreach (var secret in secrets)
        {
            redacted = redacted.Replace(secret, Replacement, StringComparison.Ordinal);
        }

        return ReferenceEquals(redacted, text) || redacted == text ? body : Encoding.UTF8.GetBytes(redacted);
    }

    private static void Collect(HttpRequestHeaders headers, List<string> secrets)
    {
        if (headers.Authorization?.Parameter is { Length: > 0 } credential)
        {
            secrets.Add(credential);
        }

        foreach (var (name, values) in headers)
        {
            if (name.Contains("key", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase))
            {
                secrets.AddRange(values.Where(static v => v.Length > 0));
            }
        }
    }
}
