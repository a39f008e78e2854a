using System.Globalization;
using System.Text;

namespace Collector.Platforms.Http;

/// <summary>
/// Builds a relative request URI whose every query value is percent-escaped (RFC 3986 unreserved characters only),
/// so a handle can never add a parameter or change the path.
/// </summary>
internal sealed class UrlBuilder(string path)
{
    private readonly StringBuilder _text = new(path);
    private bool _hasQuery = path.Contains('?', StringComparison.Ordinal);

    public UrlBuilder Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _text.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    public UrlBuilder Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public UrlBuilder AddIfPresent(string name, string? value) => value is null ? this : Add(name, value);

    /// <summary>Repeated keys (<c>?a=1&amp;a=2</c>), how XRPC, Twitch and Mastodon's <c>id[]</c> take arrays.</summary>
    public UrlBuilder AddEach(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(name, value);
        }

        return this;
    }

    /// <summary>One key with a separator-joined list (X <c>usernames=a,b</c>); each value is escaped, the separator is not.</summary>
    public UrlBuilder AddJoined(string name, IEnumerable<string> values, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(values);
        _text.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=')
            .AppendJoin(separator, values.Select(Uri.EscapeDataString));
        _hasQuery = true;
        return this;
    }

    public override string ToString() => _text.ToString();
}
