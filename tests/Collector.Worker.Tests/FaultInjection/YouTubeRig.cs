using System.Globalization;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.FaultInjection;

internal sealed class YouTubeRig : PlatformRig
{
    private const string Key = "AIzaSy-fault-key";
    private readonly FakeYouTube _server = new();
    private readonly FakeYouTubeChannel _channel = FakeYouTubeChannel.Numbered(1);

    public override string Platform => PlatformKeys.YouTube;

    protected override string Section => "YouTube";

    protected override string Handle => _channel.Handle;

    public override int RequestCount => _server.Requests.Count;

    public override string IdJson => $"\"{_channel.Id}\"";

    // YouTube sends counts as JSON strings ("subscriberCount": "713"), so a number is sent the way Google spells it.
    public override string ProfileBody(string? idJson, string followersJson)
    {
        var followers = followersJson.StartsWith('{') ? followersJson : $"\"{followersJson}\"";
        return $$$"""{"items":[{{{{IdProperty("id", idJson)}}}"snippet":{"customUrl":"{{{_channel.Handle}}}"},"statistics":{"subscriberCount":{{{followers}}}}}]}""";
    }

    public override async Task StartAsync()
    {
        await _server.StartAsync();
        _server.ValidKeys.Add(Key);
        _server.AddChannel(_channel);
    }

    public override void Inject(FakeFault fault, int times) => _server.InjectFault(fault, times: times);

    // Google sends no window headers; a 429 carries at most Retry-After, here as an HTTP date.
    public override FakeFault TooManyRequests(DateTimeOffset reset) => FakeFault.Status(
        429,
        """{"error":{"code":429,"message":"Too many requests","errors":[{"reason":"rateLimitExceeded"}]}}""",
        new Dictionary<string, string> { ["Retry-After"] = reset.UtcDateTime.ToString("R", CultureInfo.InvariantCulture) });

    protected override IEnumerable<KeyValuePair<string, string?>> PlatformSettings() =>
        [new("BaseUrl", _server.BaseUrl), new("ApiKey", Key)];

    public override ValueTask DisposeAsync() => _server.DisposeAsync();
}
