using Collector.Platforms.Bluesky;
using Collector.Platforms.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Platforms.Tests.Http;

/// <summary>The sockets under every platform client: how long their connections live and idle.</summary>
public sealed class ConnectionPoolTests
{
    [Fact]
    public void PrimaryHandler_ClosesIdleConnectionsAfter20Seconds_AndRenewsEveryConnectionAfter5Minutes()
    {
        var values = new Dictionary<string, string?> { ["Platforms:Bluesky:BaseUrl"] = "http://127.0.0.1:1/" };
        using var provider = ClientContainer.Build(values, clock: null, static (services, configuration) => services.AddBluesky(configuration));

        using var chain = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(BlueskyClient.HttpProfile.Name);
        HttpMessageHandler handler = chain;
        while (handler is DelegatingHandler outer)
        {
            handler = outer.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.Equal(TimeSpan.FromSeconds(20), sockets.PooledConnectionIdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), sockets.PooledConnectionLifetime);
    }
}
