using System.Text.Json.Serialization;

namespace Collector.Platforms.YouTube;

/// <summary>
/// Source-generated serialization of the YouTube DTOs. Counts arrive as strings, so numbers may be read from strings;
/// anything that is not a whole number in range still fails the read (InvalidResponse) instead of becoming a 0.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(YouTubeModels.ChannelListResponse))]
[JsonSerializable(typeof(YouTubeModels.PlaylistItemListResponse))]
[JsonSerializable(typeof(YouTubeModels.VideoListResponse))]
[JsonSerializable(typeof(YouTubeModels.ErrorResponse))]
internal sealed partial class YouTubeJsonContext : JsonSerializerContext;
