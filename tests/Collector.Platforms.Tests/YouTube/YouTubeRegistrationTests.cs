using Collector.Core.Platforms;
using Collector.TestKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Tests.YouTube;

public sealed class YouTubeRegistrationTests
{
    [Fact]
    public async Task AddYouTube_RegistersOnePlatformClient_With50IdsPerProfileRequest()
    {
        await using var database = TempDatabase.CreateEmpty();
        using var services = YouTubeHarness.BuildServices(new Dictionary<string, string?> { ["Platforms:YouTube:ApiKey"] = "k" }, database.Path);

        var client = Assert.Single(services.GetServices<IPlatformClient>());

        Assert.Equal(PlatformKeys.YouTube, client.Platform);
        Assert.True(client.IsConfigured);
        Assert.Equal(new PlatformCapabilities(1, 50, 50, HasViews: true, NeedsCredential: true), client.Capabilities);
    }

    [Fact]
    public async Task WithoutSettings_TheClientTargetsGoogle_AndIsNotConfigured()
    {
        await using var database = TempDatabase.CreateEmpty();
        using var services = YouTubeHarness.BuildServices(new Dictionary<string, string?>(), database.Path);

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformKeys.YouTube);

        Assert.Equal(new Uri("https://www.googleapis.com/youtube/v3/"), http.BaseAddress);
        Assert.False(services.GetRequiredService<IPlatformClient>().IsConfigured);
    }

    [Theory]
    [InlineData("BaseUrl", "https://www.googleapis.com/youtube/v3?key=abc")]
    [InlineData("BaseUrl", "www.googleapis.com")]
    [InlineData("DailyQuotaUnits", "0")]
    [InlineData("MaxRetries", "50")]
    public async Task InvalidSettings_FailAtStart(string key, string value)
    {
        await using var database = TempDatabase.CreateEmpty();

        var error = Assert.Throws<OptionsValidationException>(
            () => YouTubeHarness.BuildServices(new Dictionary<string, string?> { [$"Platforms:YouTube:{key}"] = value }, database.Path));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyWithSpacesInside_FailsAtStart_WithoutShowingIt()
    {
        await using var database = TempDatabase.CreateEmpty();

        var error = Assert.Throws<OptionsValidationException>(
            () => YouTubeHarness.BuildServices(new Dictionary<string, string?> { ["Platforms:YouTube:ApiKey"] = "AIza secret" }, database.Path));

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
