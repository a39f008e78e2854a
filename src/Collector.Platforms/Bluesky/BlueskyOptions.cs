using System.ComponentModel.DataAnnotations;
using Collector.Platforms.Http;

namespace Collector.Platforms.Bluesky;

/// <summary>Settings of the Bluesky client (section <c>Platforms:Bluesky</c>). No credential: the public AppView is open.</summary>
internal sealed class BlueskyOptions : PlatformHttpOptions
{
    public const string SectionName = "Platforms:Bluesky";

    /// <summary>The cached public AppView, which Bluesky asks public-web readers to use (bsky-docs "Rate Limits").</summary>
    public const string DefaultBaseUrl = "https://public.api.bsky.app";

    [Required]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = DefaultBaseUrl;
}
