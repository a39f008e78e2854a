using System.Text.Json.Serialization;

namespace Collector.Platforms.Bluesky;

/// <summary>
/// Source-generated serialization of the Bluesky DTOs. Strict on purpose: a missing required field, a null where
/// the lexicon forbids one, or a string where a count belongs fails the read (InvalidResponse) instead of
/// producing a snapshot of zeros.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(BlueskyModels.ProfilesResponse))]
[JsonSerializable(typeof(BlueskyModels.AuthorFeedResponse))]
[JsonSerializable(typeof(BlueskyModels.XrpcError))]
internal sealed partial class BlueskyJsonContext : JsonSerializerContext;
