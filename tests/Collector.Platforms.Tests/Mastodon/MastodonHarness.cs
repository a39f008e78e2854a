using Collector.Platforms.Tests.Harness;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Collector.Platforms.Mastodon;
using Collector.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Platforms.Tests.Mastodon;

/// <summary>
/// The real registration (<c>AddMastodon</c>, typed client, handlers, pipeline) pointed at a <see cref="FakeMastodon"/>
/// serving two instances under path prefixes. Back-off is shortened so tests never wait real seconds.
/// </summary>
internal sealed class MastodonHarness : IAsyncDisposable
{
    public const string Social = "mastodon.social";
    public const string Fosstodon = "fosstodon.org";

    public static readonly DateTimeOffset Start = new(2025, 3, 2, 12, 0, 0, 250, TimeSpan.Zero);

    private MastodonHarness(FakeMastodon server, ServiceProvider services, FakeTimeProvider? clock)
    {
        Server = server;
        Services = services;
        Clock = clock;
    }

    public FakeMastodon Server { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider? Clock { get; }

    public FakeMastodonInstance SocialInstance => Server.Instance(Social);

    public FakeMastodonInstance FosstodonInstance => Server.Instance(Fosstodon);

    public IPlatformClient Client => Services.GetServices<IPlatformClient>().Single(c => c.Platform == PlatformKeys.Mastodon);

    public RateLimitGate Gate => Services.GetRequiredService<RateLimitGate>();

    public static async Task<MastodonHarness> StartAsync(bool fakeClock = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = fakeClock ? new FakeTimeProvider(Start) : null;
        var server = new FakeMastodon(clock);
        await server.StartAsync();
        server.Instance(Social);
        server.Instance(Fosstodon);

        var values = new Dictionary<string, string?>
        {
            ["Platforms:Mastodon:BaseUrlTemplate"] = server.BaseUrlTemplate,
            ["Platforms:Mastodon:RetryBaseDelay"] = "00:00:00.010",
            ["Platforms:Mastodon:AttemptTimeout"] = "00:05:00",
            ["Platforms:Mastodon:TotalTimeout"] = "00:30:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"Platforms:Mastodon:{key}"] = value;
        }

        return new MastodonHarness(server, BuildServices(values, clock), clock);
    }

    /// <summary>The container as the worker builds it; throws OptionsValidationException like a host start would.</summary>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> values, TimeProvider? clock = null)
        => ClientContainer.Build(values, clock, static (services, configuration) => services.AddMastodon(configuration));

    public async ValueTask DisposeAsync()
    {
        await ClientContainer.DisposeAsync(Services, Clock);
        await Server.DisposeAsync();
    }
}
