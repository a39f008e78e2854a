namespace Collector.Core.Watchlist;

/// <summary>
/// Bluesky accounts: a handle (a domain name, atproto.com/specs/handle) or a DID (did:plc or did:web).
/// </summary>
internal static class BlueskyHandle
{
    private const string PlcPrefix = "did:plc:";
    private const string WebPrefix = "did:web:";
    private const int PlcIdentifierLength = 24;

    /// <summary>
    /// TLDs Bluesky refuses at registration (reserved or not publicly resolvable), per the
    /// DISALLOWED_TLDS list of the @atproto/syntax package; such a handle can never be looked up.
    /// </summary>
    private static readonly string[] DisallowedTlds = ["local", "arpa", "invalid", "localhost", "internal", "example", "alt", "onion"];

    public static string? Check(string written)
    {
        var handle = HandleText.WithoutAt(written);
        if (handle.StartsWith("did:", StringComparison.OrdinalIgnoreCase))
        {
            return CheckDid(handle);
        }

        if (DomainName.Check(handle) is { } problem)
        {
            return $"{problem}; a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)";
        }

        var tld = handle[(handle.LastIndexOf('.') + 1)..];
        return DisallowedTlds.Contains(tld, StringComparer.OrdinalIgnoreCase)
            ? $"'.{DisplayText.Of(tld)}' is a reserved top-level domain that Bluesky does not allow in handles"
            : null;
    }

    public static string Normalize(string written) => HandleText.WithoutAt(written).ToLowerInvariant();

    private static string? CheckDid(string did)
    {
        if (did.StartsWith(PlcPrefix, StringComparison.Ordinal))
        {
            var id = did[PlcPrefix.Length..];
            return id.Length == PlcIdentifierLength && CharacterSets.FirstOutside(id, CharacterSets.PlcBase32) < 0
                ? null
                : $"a did:plc identifier is 'did:plc:' followed by {PlcIdentifierLength} characters of a-z and 2-7 (lowercase)";
        }

        if (did.StartsWith(WebPrefix, StringComparison.Ordinal))
        {
            // did:web with a port needs a percent-encoded ':' (did:web:host%3A8080); such hosts are
            // development setups, not public accounts, so only plain domain names are accepted.
            return DomainName.Check(did[WebPrefix.Length..]) is { } problem ? $"did:web needs a domain name: {problem}" : null;
        }

        return "Bluesky accounts use did:plc:… or did:web:… (lowercase); other DID methods are not supported";
    }
}
