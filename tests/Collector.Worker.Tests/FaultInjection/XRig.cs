using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.FaultInjection;

internal sealed class XRig : PlatformRig
{
    private readonly FakeX _server = new();
    private readonly FakeXAccount _account = FakeXAccount.Numbered(1);

    public override string Platform => PlatformKeys.X;

    protected override string Section => "X";

    protected override string Handle => _account.Username;

    public override int RequestCount => _server.Requests.Count;

    public override string IdJson => $"\"{_account.Id}\"";

    public override string ProfileBody(string? idJson, string followersJson) =>
        $$$"""{"data":[{{{{IdProperty("id", idJson)}}}"username":"{{{_account.Username}}}","public_metrics":{"followers_count":{{{followersJson}}}}}]}""";

    public override async Task StartAsync()
    {
        await _server.StartAsync();
        _server.AddAccount(_account);
    }

    public override void Inject(FakeFault fault, int times) => _server.InjectFault(fault, times: times);

    // X API v2: x-rate-limit-* headers, reset in epoch seconds.
    public override FakeFault TooManyRequests(DateTimeOffset reset) => FakeFault.Status(
        429,
        """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""",
        new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "300",
            ["x-rate-limit-remaining"] = "0",
            ["x-rate-limit-reset"] = EpochSeconds(reset),
        });

    protected override IEnumerable<KeyValuePair<string, string?>> PlatformSettings() =>
        [new("BaseUrl", _server.BaseAddress.ToString()), new("BearerToken", FakeX.DefaultBearerToken)];

    public override ValueTask DisposeAsync() => _server.DisposeAsync();
}
