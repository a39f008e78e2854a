using Collector.Platforms.Tests.Harness;
using Collector.Core.Platforms;
using Collector.Platforms.Http;
using Collector.Platforms.X;
using Collector.TestKit.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Platforms.Tests.X;

/// <summary>
/// The real registration (<c>AddX</c>, typed client, handlers, pipeline) pointed at a <see cref="FakeX"/> on loopback
/// with the fake's token. Back-off is shortened and attempt timeouts lengthened so tests never wait real seconds.
/// </summary>
internal sealed class XHarness : IAsyncDisposable
{
    /// <summary>A quarter past a whole second, so epoch-second resets are visibly floored.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, 250, TimeSpan.Zero);

    private XHarness(FakeX server, ServiceProvider services, FakeTimeProvider? clock)
    {
        Server = server;
        Services = services;
        Clock = clock;
    }

    public FakeX Server { get; }

    public ServiceProvider Services { get; }

    /// <summary>Null when the harness runs on the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    public IPlatformClient Client => Services.GetServices<IPlatformClient>().Single(c => c.Platform == PlatformKeys.X);

    public RateLimitGate Gate => Services.GetRequiredService<RateLimitGate>();

    /// <param name="settings">Keys under <c>Platforms:X</c>; a null value removes the harness default (e.g. the token).</param>
    public static async Task<XHarness> StartAsync(bool fakeClock = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = fakeClock ? new FakeTimeProvider(Start) : null;
        var server = new FakeX(clock);
        await server.StartAsync();

        var values = new Dictionary<string, string?>
        {
            ["BaseUrl"] = server.BaseAddress.ToString(),
            ["BearerToken"] = server.BearerToken,
            ["RetryBaseDelay"] = "00:00:00.010",
            ["AttemptTimeout"] = "00:05:00",
            ["TotalTimeout"] = "00:30:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = BuildServices(values.ToDictionary(p => $"{XOptions.SectionName}:{p.Key}", p => p.Value), clock);
        return new XHarness(server, services, clock);
    }

    /// <summary>The container as the worker builds it; throws OptionsValidationException like a host start would.</summary>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> values, TimeProvider? clock = null)
        => ClientContainer.Build(values, clock, static (services, configuration) => services.AddX(configuration));

    public async ValueTask DisposeAsync()
    {
        await ClientContainer.DisposeAsync(Services, Clock);
        await Server.DisposeAsync();
    }
}
