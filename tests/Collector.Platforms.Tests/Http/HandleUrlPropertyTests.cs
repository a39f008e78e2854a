using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collector.Core.Platforms;
using Collector.Core.Watchlist;
using Collector.Platforms.Bluesky;
using Collector.Platforms.Http;
using Collector.Platforms.Mastodon;

namespace Collector.Platforms.Tests.Http;

/// <summary>
/// Issue 7: "no handle ever reaches a URL unescaped". Hostile handles (carrying <c>/ ? # .. &amp; = %</c>, spaces,
/// control and non-ASCII characters) go through the real watchlist loader; every rejection has a line and column,
/// and every accepted handle, put into the request URL the way its client builds it, stays inside one
/// percent-escaped query value: the path, the other parameters and the fragment are untouched.
/// </summary>
public sealed partial class HandleUrlPropertyTests
{
    private static readonly Uri Root = new("https://api.example/base/");

    private static readonly string[] Hostile =
        ["/", "?", "#", "..", "../", " ", "\t", "\n", "\u0000", "\u0007", "\u001B", "&", "=", "%2F", "+", ";", "é", "а", "\u200B", "\uFEFF", "@", ":"];

    private static readonly (string Platform, string Handle)[] Bases =
    [
        (PlatformKeys.Bluesky, "alice.bsky.social"),
        (PlatformKeys.Bluesky, "did:plc:z72i7hdynmk6r22z27h6tvur"),
        (PlatformKeys.X, "alice_01"),
        (PlatformKeys.Mastodon, "alice@mastodon.social"),
        (PlatformKeys.YouTube, "@alice"),
    ];

    [Fact]
    public void HostileHandles_AreRejectedWithAPosition_OrStayInsideOneEscapedQueryValue()
    {
        var random = new Random(20261126);
        var (accepted, rejected) = (0, 0);
        foreach (var (platform, handle) in Candidates(random))
        {
            var result = WatchlistLoader.Parse($"accounts:\n  - {platform}: {JsonSerializer.Serialize(handle)}\n", "hostile.yaml");
            if (result.Document is not { } document)
            {
                rejected++;
                Assert.All(result.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1, $"{p} for {JsonSerializer.Serialize(handle)}"));
                continue;
            }

            accepted++;
            var account = Assert.Single(document.Accounts);
            AssertEscapedInItsUrl(platform, account.Key);
        }

        // Both outcomes must occur, or the candidates are not exercising the rules.
        Assert.True(accepted > 50 && rejected > 500, $"{accepted} accepted, {rejected} rejected");
    }

    [Fact]
    public void TheProperty_CatchesAHandleBuiltIntoAUrlWithoutEscaping()
    {
        // The check itself must be able to fail: the same handle concatenated raw breaks out of its value.
        var raw = "2/users/by?usernames=" + "a&admin=1" + "&user.fields=x";
        Assert.ThrowsAny<Exception>(() => AssertSingleEscapedValue(raw, "2/users/by", "usernames", "a&admin=1"));
    }

    private static IEnumerable<(string Platform, string Handle)> Candidates(Random random)
    {
        foreach (var (platform, handle) in Bases)
        {
            yield return (platform, handle);
            foreach (var piece in Hostile)
            {
                yield return (platform, piece + handle);
                yield return (platform, handle + piece);
                yield return (platform, handle.Insert(handle.Length / 2, piece));
            }
        }

        // Random handles from the same pieces and letters, shaped like each platform's handles.
        const string Letters = "abcxyz019_-.";
        for (var i = 0; i < 2000; i++)
        {
            var (platform, handle) = Bases[random.Next(Bases.Length)];
            var builder = new StringBuilder(handle);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var piece = random.Next(3) == 0 ? Hostile[random.Next(Hostile.Length)] : Letters[random.Next(Letters.Length)].ToString();
                builder.Insert(random.Next(builder.Length + 1), piece);
            }

            yield return (platform, builder.ToString());
        }
    }

    /// <summary>The first request each client sends for a new handle, built the way the client builds it.</summary>
    private static void AssertEscapedInItsUrl(string platform, string key)
    {
        switch (platform)
        {
            case PlatformKeys.Bluesky:
                var actor = BlueskyActor.Normalize(key);
                AssertSingleEscapedValue(new UrlBuilder("xrpc/app.bsky.actor.getProfiles").AddEach("actors", [actor]).ToString(), "xrpc/app.bsky.actor.getProfiles", "actors", actor);
                break;
            case PlatformKeys.X:
                AssertSingleEscapedValue(new UrlBuilder("2/users/by").AddJoined("usernames", [key]).ToString(), "2/users/by", "usernames", key);
                break;
            case PlatformKeys.Mastodon:
                // The instance becomes the host: it must be a plain DNS name, with nothing that could add a path.
                var address = MastodonAddress.Parse(key);
                Assert.True(address is not null, $"accepted {key} but the client cannot address it");
                Assert.Equal(UriHostNameType.Dns, Uri.CheckHostName(address.Instance));
                AssertSingleEscapedValue(new UrlBuilder("api/v1/accounts/lookup").Add("acct", address.Local).ToString(), "api/v1/accounts/lookup", "acct", address.Local);
                break;
            case PlatformKeys.YouTube:
                AssertSingleEscapedValue(new UrlBuilder("channels").Add("part", "id").Add("forHandle", key.Trim()).ToString(), "channels", "forHandle", key.Trim(), expectedParameters: 2);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(platform), platform, null);
        }
    }

    private static void AssertSingleEscapedValue(string relative, string path, string name, string value, int expectedParameters = 1)
    {
        var uri = new Uri(Root, relative);
        Assert.Equal(Root.AbsolutePath + path, uri.AbsolutePath);
        Assert.Equal(string.Empty, uri.Fragment);
        var parameters = uri.Query.TrimStart('?').Split('&');
        Assert.Equal(expectedParameters, parameters.Length);
        var ours = Assert.Single(parameters, p => p.StartsWith(name + "=", StringComparison.Ordinal));
        var raw = ours[(name.Length + 1)..];
        Assert.Matches(Unreserved(), raw);
        Assert.Equal(value, Uri.UnescapeDataString(raw));
    }

    [GeneratedRegex("^(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*$")]
    private static partial Regex Unreserved();
}
