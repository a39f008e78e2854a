using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Collector.Platforms.Tests.Harness;

/// <summary>
/// The container a platform client lives in, built as the worker builds it (validated on build, options validated
/// like a host start would), and its disposal, shared by every platform's test harness.
/// </summary>
internal static class ClientContainer
{
    /// <summary>Registers the clock (when given) and whatever <paramref name="register"/> adds, then validates.</summary>
    public static ServiceProvider Build(
        IReadOnlyDictionary<string, string?> values,
        TimeProvider? clock,
        Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        register(services, configuration);
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

    /// <summary>
    /// A failed assertion can leave a request waiting on the fake clock, and Polly's pipeline disposal waits for
    /// pending executions by polling that same clock: keep time moving so a failing test fails instead of hanging.
    /// </summary>
    public static async Task DisposeAsync(ServiceProvider services, FakeTimeProvider? clock)
    {
        var disposing = services.DisposeAsync().AsTask();
        for (var i = 0; i < 900 && clock is not null && !disposing.IsCompleted; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await disposing;
    }
}
