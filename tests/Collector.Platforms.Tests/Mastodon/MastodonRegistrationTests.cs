using Collector.Core.Platforms;
using Collector.Platforms.Mastodon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collector.Platforms.Tests.Mastodon;

public sealed class MastodonRegistrationTests
{
    [Fact]
    public void AddMastodon_RegistersOnePlatformClient_WithOneAccountPerRequest()
    {
        using var services = MastodonHarness.BuildServices(new Dictionary<string, string?>());

        var client = Assert.Single(services.GetServices<IPlatformClient>());

        Assert.Equal(PlatformKeys.Mastodon, client.Platform);
        Assert.True(client.IsConfigured);
        Assert.Equal(new PlatformCapabilities(1, 1, 40, HasViews: false, NeedsCredential: false), client.Capabilities);
    }

    [Fact]
    public void WithoutSettings_EachInstanceIsReachedOverHttpsAtItsOwnHost()
    {
        using var services = MastodonHarness.BuildServices(new Dictionary<string, string?>());

        var options = services.GetRequiredService<IOptions<MastodonOptions>>().Value;

        Assert.Equal(new Uri("https://mastodon.social/"), options.InstanceRoot("mastodon.social"));
        Assert.Null(options.Token);
    }

    [Theory]
    [InlineData("BaseUrlTemplate", "https://mastodon.social")]
    [InlineData("BaseUrlTemplate", "ftp://{instance}")]
    [InlineData("BaseUrlTemplate", "https://{instance}/?key=1")]
    [InlineData("BaseUrlTemplate", "")]
    [InlineData("AccessToken", "abc")]
    [InlineData("AccessTokenInstance", "not a domain")]
    [InlineData("MaxRetries", "50")]
    public void InvalidSettings_FailAtStart(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => MastodonHarness.BuildServices(new Dictionary<string, string?> { [$"Platforms:Mastodon:{key}"] = value }));

        Assert.Contains(key == "AccessToken" ? "AccessTokenInstance" : key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenWithWhitespaceInside_FailsAtStart_WithoutShowingIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() => MastodonHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Platforms:Mastodon:AccessToken"] = "secret part-two",
            ["Platforms:Mastodon:AccessTokenInstance"] = "mastodon.social",
        }));

        Assert.Contains("AccessToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
