using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Collector.Worker.Notifications;

/// <summary>
/// The identity a webhook is stored under in the outbox: a hash of its URL and format. Stable across restarts and
/// reordering of the list, and it reveals nothing usable (webhook URLs carry a long random token), unlike the URL.
/// </summary>
internal static class WebhookIdentity
{
    public static string Of(Uri url, string format)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{url.AbsoluteUri}\n{format}"));
        return "wh-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public static bool TryParseUrl(string? text, [NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
