using Collector.Core.Watchlist;

namespace Collector.Core.Tests.Watchlist;

public sealed class HandleRulesTests
{
    private static readonly string Long253 = string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61);
    private static readonly string Long254 = "a" + Long253;

    public static TheoryData<string, string, string> ValidHandles => new()
    {
        // platform, handle, normalized key
        { "bluesky", "jay.bsky.team", "jay.bsky.team" },
        { "bluesky", "@Jay.Bsky.Team", "jay.bsky.team" },
        { "bluesky", "4chan.org", "4chan.org" },
        { "bluesky", "xn--bcher-kva.example.com", "xn--bcher-kva.example.com" },
        { "bluesky", "a-b.c-d.test", "a-b.c-d.test" },
        { "bluesky", Long253, Long253 },
        { "bluesky", "did:plc:z72i7hdynmk6r22z27h6tvur", "did:plc:z72i7hdynmk6r22z27h6tvur" },
        { "bluesky", "did:web:Example.COM", "did:web:example.com" },
        { "mastodon", "Gargron@mastodon.social", "gargron@mastodon.social" },
        { "mastodon", "@Gargron@mastodon.social", "gargron@mastodon.social" },
        { "mastodon", "first.last@pleroma.example.org", "first.last@pleroma.example.org" },
        { "mastodon", "a-b_c@x.y", "a-b_c@x.y" },
        { "mastodon", "_@m.example", "_@m.example" },
        { "x", "XDevelopers", "xdevelopers" },
        { "x", "@jack", "jack" },
        { "x", "a", "a" },
        { "x", "A_b_12345678901", "a_b_12345678901" },
        { "x", "12345", "12345" },
        { "youtube", "@GoogleDevelopers", "@googledevelopers" },
        { "youtube", "@abc", "@abc" },
        { "youtube", "@a.b-c_d", "@a.b-c_d" },
        { "youtube", "@" + new string('z', 30), "@" + new string('z', 30) },
        { "youtube", "UC_x5XG1OV2P6uZZ5FSM9Ttw", "UC_x5XG1OV2P6uZZ5FSM9Ttw" },
        { "youtube", "UC-abcdefghijklmnopqrstu", "UC-abcdefghijklmnopqrstu" },
    };

    public static TheoryData<string, string, string> InvalidHandles => new()
    {
        // platform, handle, the reason (after "invalid <Platform> handle '<handle>': ")
        { "bluesky", "", "the handle is empty" },
        { "bluesky", "jay.bsky.team/profile", "'/' is not allowed in a handle (write the handle, not a link)" },
        { "bluesky", "jay.bsky.team?x=1", "'?' is not allowed in a handle (write the handle, not a link)" },
        { "bluesky", "jay.bsky.team#top", "'#' is not allowed in a handle (write the handle, not a link)" },
        { "bluesky", "jay..bsky.team", "'..' is not allowed in a handle" },
        { "bluesky", "jay bsky.team", "the handle contains whitespace (U+0020)" },
        { "bluesky", "jay.bsky.team\n", "the handle contains whitespace (U+000A)" },
        { "bluesky", "jay.bsky.te\u0007am", "the handle contains a control character (U+0007)" },
        { "bluesky", "jay.bsky.tea\u007Fm", "the handle contains a control character (U+007F)" },
        { "bluesky", "jäy.bsky.team", "the handle contains a non-ASCII character (U+00E4); handles are ASCII" },
        { "bluesky", "https://bsky.app/profile/jay.bsky.team", "this looks like a URL; write the handle only, not a profile link" },
        { "bluesky", "jay", "'jay' is not a domain name (it needs at least one dot, e.g. example.com); a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", "jay.bsky.team.", "a domain name cannot start or end with '.'; a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", "-jay.bsky.team", "a part of a domain name cannot start or end with '-' ('-jay'); a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", "jay.bsky.123", "the last part of a domain name cannot start with a digit ('123'); a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", "jay_b.bsky.team", "'_' is not allowed in a domain name (letters, digits, '-' and '.' only); a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", "jay%2F.bsky.team", "'%' is not allowed in a domain name (letters, digits, '-' and '.' only); a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", new string('a', 64) + ".test", $"each part of a domain name is at most 63 characters; '{new string('a', 60)}…' has 64; a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", Long254, "a domain name is at most 253 characters; this one has 254; a Bluesky handle is a domain name such as alice.bsky.social, or a DID (did:plc:…)" },
        { "bluesky", "jay.local", "'.local' is a reserved top-level domain that Bluesky does not allow in handles" },
        { "bluesky", "did:plc:z72i7hdynmk6r22z27h6tvu", "a did:plc identifier is 'did:plc:' followed by 24 characters of a-z and 2-7 (lowercase)" },
        { "bluesky", "did:plc:Z72I7HDYNMK6R22Z27H6TVUR", "a did:plc identifier is 'did:plc:' followed by 24 characters of a-z and 2-7 (lowercase)" },
        { "bluesky", "did:plc:z72i7hdynmk6r22z27h6tv01", "a did:plc identifier is 'did:plc:' followed by 24 characters of a-z and 2-7 (lowercase)" },
        { "bluesky", "did:web:localhost%3A8080", "did:web needs a domain name: 'localhost%3A8080' is not a domain name (it needs at least one dot, e.g. example.com)" },
        { "bluesky", "did:key:z6Mkabc", "Bluesky accounts use did:plc:… or did:web:… (lowercase); other DID methods are not supported" },
        { "mastodon", "Gargron", "a Mastodon handle is user@instance, e.g. Gargron@mastodon.social" },
        { "mastodon", "a@b@mastodon.social", "a Mastodon handle is user@instance, e.g. Gargron@mastodon.social" },
        { "mastodon", "@mastodon.social", "a Mastodon handle is user@instance, e.g. Gargron@mastodon.social" },
        { "mastodon", "@@mastodon.social", "the user name before '@' is empty" },
        { "mastodon", "Gargron@mastodon.social/about", "'/' is not allowed in a handle (write the handle, not a link)" },
        { "mastodon", "Gargron@mastodon.social:443", "the instance must be a domain name: ':' is not allowed in a domain name (letters, digits, '-' and '.' only)" },
        { "mastodon", "Gargron@localhost", "the instance must be a domain name: 'localhost' is not a domain name (it needs at least one dot, e.g. example.com)" },
        { "mastodon", "Gar+gron@mastodon.social", "'+' is not allowed in a user name (letters, digits, '_', and '.' or '-' inside)" },
        { "mastodon", ".gargron@mastodon.social", "a user name cannot start or end with '.' or '-'" },
        { "mastodon", "gargron-@mastodon.social", "a user name cannot start or end with '.' or '-'" },
        { "mastodon", "Gargron@mastodon..social", "'..' is not allowed in a handle" },
        { "mastodon", "Gargron@mastodon.social\t", "the handle contains whitespace (U+0009)" },
        { "mastodon", "Gargron@mastodon.sociał", "the handle contains a non-ASCII character (U+0142); handles are ASCII" },
        { "mastodon", new string('g', 65) + "@mastodon.social", "the user name is at most 64 characters; this one has 65" },
        { "x", "@", "the handle is empty" },
        { "x", "jack_dorsey_1234", "an X handle is at most 15 characters; this one has 16" },
        { "x", "jack-dorsey", "'-' is not allowed; an X handle has only letters, digits and '_'" },
        { "x", "jack.dorsey", "'.' is not allowed; an X handle has only letters, digits and '_'" },
        { "x", "@@jack", "'@' is not allowed; an X handle has only letters, digits and '_'" },
        { "x", "jack/status/1", "'/' is not allowed in a handle (write the handle, not a link)" },
        { "x", "jack?lang=en", "'?' is not allowed in a handle (write the handle, not a link)" },
        { "x", "#jack", "'#' is not allowed in a handle (write the handle, not a link)" },
        { "x", "../jack", "'/' is not allowed in a handle (write the handle, not a link)" },
        { "x", "ja ck", "the handle contains whitespace (U+0020)" },
        { "x", "jack\u0000", "the handle contains a control character (U+0000)" },
        { "x", "jack\u200B", "the handle contains a non-ASCII character (U+200B); handles are ASCII" },
        { "x", "jаck", "the handle contains a non-ASCII character (U+0430); handles are ASCII" },
        { "x", "jack%20", "'%' is not allowed; an X handle has only letters, digits and '_'" },
        { "youtube", "GoogleDevelopers", "a YouTube account is an @handle (quote it in YAML: \"@name\") or a channel id (UC…)" },
        { "youtube", "@ab", "a YouTube handle has 3 to 30 characters after '@'; this one has 2" },
        { "youtube", "@" + new string('z', 31), "a YouTube handle has 3 to 30 characters after '@'; this one has 31" },
        { "youtube", "@google..dev", "'..' is not allowed in a handle" },
        { "youtube", "@google+dev", "'+' is not allowed; a YouTube handle has only letters, digits, '_', '-' and '.'" },
        { "youtube", "@googledevelopers/videos", "'/' is not allowed in a handle (write the handle, not a link)" },
        { "youtube", "@Gööglé", "the handle contains a non-ASCII character (U+00F6); handles are ASCII" },
        { "youtube", "UC_x5XG1OV2P6uZZ5FSM9Tt", "a channel id is 'UC' followed by 22 letters, digits, '_' or '-'" },
        { "youtube", "UC_x5XG1OV2P6uZZ5FSM9Ttw1", "a channel id is 'UC' followed by 22 letters, digits, '_' or '-'" },
        { "youtube", "UC_x5XG1OV2P6uZZ5FSM9Tt=", "a channel id is 'UC' followed by 22 letters, digits, '_' or '-'" },
        { "youtube", "https://www.youtube.com/@GoogleDevelopers", "this looks like a URL; write the handle only, not a profile link" },
    };

    [Theory]
    [MemberData(nameof(ValidHandles))]
    public void Validate_ValidHandle_ReturnsNullAndNormalizes(string platform, string handle, string key)
    {
        Assert.Null(HandleRules.Validate(platform, handle));
        Assert.Equal(key, HandleRules.Normalize(platform, handle));
    }

    [Theory]
    [MemberData(nameof(InvalidHandles))]
    public void Validate_InvalidHandle_ExplainsWhy(string platform, string handle, string reason)
    {
        var error = HandleRules.Validate(platform, handle);

        Assert.NotNull(error);
        Assert.EndsWith($" handle '{DisplayText.Of(handle)}': {reason}", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HandleRules.Normalize(platform, handle));
    }

    [Fact]
    public void Validate_UnknownPlatform_ListsTheKnownOnes()
    {
        Assert.Equal("unknown platform 'tiktok'; known platforms: bluesky, mastodon, x, youtube", HandleRules.Validate("tiktok", "someone"));
    }

    [Theory]
    [InlineData("bluesky", "Bluesky")]
    [InlineData("mastodon", "Mastodon")]
    [InlineData("x", "X")]
    [InlineData("youtube", "YouTube")]
    public void Validate_InvalidHandle_NamesThePlatform(string platform, string name)
    {
        Assert.StartsWith($"invalid {name} handle 'a/b': ", HandleRules.Validate(platform, "a/b"), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryValidHandle_IsSafeInAUrl()
    {
        // The point of the rules: a valid handle survives URL escaping unchanged.
        foreach (var row in ValidHandles)
        {
            var (platform, handle) = ((string)row[0], (string)row[1]);
            var key = HandleRules.Normalize(platform, handle);
            Assert.Equal(key, Uri.EscapeDataString(key).Replace("%40", "@", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal));
        }
    }
}
