using Collector.Core.Platforms;
using Collector.Platforms.YouTube;
using Collector.Storage;
using Collector.TestKit.Fakes;
using Collector.TestKit.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Platforms.Tests.YouTube;

/// <summary>
/// The real registration (<c>AddYouTube</c> with the SQLite quota ledger of <c>AddCollectorStorage</c> on a temp
/// file) pointed at a <see cref="FakeYouTube"/>. <see cref="RestartAsync"/> builds a new container on the same
/// database, as a process restart would. Client and fake share one FakeTimeProvider.
/// </summary>
internal sealed class YouTubeHarness : IAsyncDisposable
{
    public const string Key = "AIzaSyD-fake-key-0123456789abcdefghij";

    /// <summary>Saturday 2025-03-08, 12:00 in Los Angeles (PST, UTC-8): the quota day ends at 2025-03-09T08:00Z.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 8, 20, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset NextPacificMidnight = new(2025, 3, 9, 8, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _values;

    private YouTubeHarness(FakeYouTube server, TempDatabase database, FakeTimeProvider clock, Dictionary<string, string?> values)
    {
        Server = server;
        Database = database;
        Clock = clock;
        _values = values;
        Services = BuildServices(values, database.Path, clock);
    }

    public FakeYouTube Server { get; }

    public TempDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; private set; }

    public IPlatformClient Client => Services.GetServices<IPlatformClient>().Single(c => c.Platform == PlatformKeys.YouTube);

    public IQuotaLedger Ledger => Services.GetRequiredService<IQuotaLedger>();

    public static async Task<YouTubeHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Start);
        var server = new FakeYouTube(clock);
        server.ValidKeys.Add(Key);
        await server.StartAsync();
        var database = await TempDatabase.CreateMigratedAsync();

        var values = new Dictionary<string, string?>
        {
            ["Platforms:YouTube:BaseUrl"] = server.BaseUrl,
            ["Platforms:YouTube:ApiKey"] = Key,
            ["Platforms:YouTube:RetryBaseDelay"] = "00:00:00.010",
            ["Platforms:YouTube:AttemptTimeout"] = "00:05:00",
            ["Platforms:YouTube:TotalTimeout"] = "00:30:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"Platforms:YouTube:{key}"] = value;
        }

        return new YouTubeHarness(server, database, clock, values);
    }

    /// <summary>A new container on the same database file and clock: what the worker has after a restart.</summary>
    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        Services = BuildServices(_values, Database.Path, Clock);
    }

    public Task<QuotaUsage> UsageAsync(DateOnly pacificDay) => Ledger.GetAsync(PlatformKeys.YouTube, pacificDay, CancellationToken.None);

    /// <summary>The container as the worker builds it; throws OptionsValidationException like a host start would.</summary>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> values, string databasePath, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddLogging();
        services.AddCollectorStorage(databasePath);
        services.AddYouTube(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
