using System.Globalization;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.FaultInjection;

internal sealed class MastodonRig : PlatformRig
{
    private readonly FakeMastodon _server = new();

    public override string Platform => PlatformKeys.Mastodon;

    protected override string Section => "Mastodon";

    protected override string Handle => "alice@fosstodon.org";

    public override int RequestCount => _server.Requests.Count;

    public override string IdJson => "\"9\"";

    public override string ProfileBody(string? idJson, string followersJson) =>
        $$"""{{{IdProperty("id", idJson)}}"username":"alice","acct":"alice","followers_count":{{followersJson}}}""";

    public override async Task StartAsync()
    {
        await _server.StartAsync();
        _server.Instance("fosstodon.org").AddAccount(new FakeMastodonAccount("9", "alice") { Followers = 12_000 });
    }

    public override void Inject(FakeFault fault, int times) => _server.InjectFault(fault, times: times);

    // Mastodon: X-RateLimit-* headers per instance, reset as an ISO-8601 instant.
    public override FakeFault TooManyRequests(DateTimeOffset reset) => FakeFault.Status(
        429,
        """{"error":"Too many requests"}""",
        new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "300",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        });

    protected override IEnumerable<KeyValuePair<string, string?>> PlatformSettings() =>
        [new("BaseUrlTemplate", _server.BaseUrlTemplate)];

    public override ValueTask DisposeAsync() => _server.DisposeAsync();
}
