using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.FaultInjection;

internal sealed class BlueskyRig : PlatformRig
{
    private readonly FakeBluesky _server = new();

    public override string Platform => PlatformKeys.Bluesky;

    protected override string Section => "Bluesky";

    protected override string Handle => "alice.example.com";

    public override int RequestCount => _server.Requests.Count;

    public override string IdJson => "\"did:plc:alice0000000000000000000\"";

    public override string ProfileBody(string? idJson, string followersJson) =>
        $$"""{"profiles":[{{{IdProperty("did", idJson)}}"handle":"alice.example.com","followersCount":{{followersJson}}}]}""";

    public override async Task StartAsync()
    {
        await _server.StartAsync();
        _server.AddAccount(new FakeBlueskyAccount("did:plc:alice0000000000000000000", Handle) { Followers = 2_000 });
    }

    public override void Inject(FakeFault fault, int times) => _server.InjectFault(fault, times: times);

    // Bluesky's AppView: RateLimit-* headers, reset in epoch seconds.
    public override FakeFault TooManyRequests(DateTimeOffset reset) => FakeFault.Status(
        429,
        """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""",
        new Dictionary<string, string>
        {
            ["RateLimit-Limit"] = "3000",
            ["RateLimit-Remaining"] = "0",
            ["RateLimit-Reset"] = EpochSeconds(reset),
            ["RateLimit-Policy"] = "3000;w=300",
        });

    protected override IEnumerable<KeyValuePair<string, string?>> PlatformSettings() =>
        [new("BaseUrl", _server.BaseAddress.ToString())];

    public override ValueTask DisposeAsync() => _server.DisposeAsync();
}
