using Collector.Platforms.Tests.Harness;
using Collector.Core.Platforms;
using Collector.Platforms.Bluesky;
using Collector.Platforms.Http;
using Collector.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Platforms.Tests.Bluesky;

/// <summary>
/// The real registration (<c>AddBluesky</c>, typed client, handlers, pipeline) pointed at a <see cref="FakeBluesky"/>
/// on loopback. Back-off is shortened and attempt timeouts lengthened so tests never wait real seconds.
/// </summary>
internal sealed class BlueskyHarness : IAsyncDisposable
{
    /// <summary>A quarter past a whole second, so epoch-second resets are visibly floored.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 2, 12, 0, 0, 250, TimeSpan.Zero);

    private BlueskyHarness(FakeBluesky server, ServiceProvider services, FakeTimeProvider? clock)
    {
        Server = server;
        Services = services;
        Clock = clock;
    }

    public FakeBluesky Server { get; }

    public ServiceProvider Services { get; }

    /// <summary>Null when the harness runs on the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    public IPlatformClient Client => Services.GetServices<IPlatformClient>().Single(c => c.Platform == PlatformKeys.Bluesky);

    public RateLimitGate Gate => Services.GetRequiredService<RateLimitGate>();

    public static async Task<BlueskyHarness> StartAsync(bool fakeClock = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = fakeClock ? new FakeTimeProvider(Start) : null;
        var server = new FakeBluesky(clock);
        await server.StartAsync();

        var values = new Dictionary<string, string?>
        {
            ["Platforms:Bluesky:BaseUrl"] = server.BaseAddress.ToString(),
            ["Platforms:Bluesky:RetryBaseDelay"] = "00:00:00.010",
            ["Platforms:Bluesky:AttemptTimeout"] = "00:05:00",
            ["Platforms:Bluesky:TotalTimeout"] = "00:30:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"Platforms:Bluesky:{key}"] = value;
        }

        var services = BuildServices(values, clock);
        return new BlueskyHarness(server, services, clock);
    }

    /// <summary>The container as the worker builds it; throws OptionsValidationException like a host start would.</summary>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> values, TimeProvider? clock = null)
        => ClientContainer.Build(values, clock, static (services, configuration) => services.AddBluesky(configuration));

    public async ValueTask DisposeAsync()
    {
        await ClientContainer.DisposeAsync(Services, Clock);
        await Server.DisposeAsync();
    }
}
