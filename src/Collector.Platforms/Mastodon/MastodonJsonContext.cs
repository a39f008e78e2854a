using System.Text.Json.Serialization;

namespace Collector.Platforms.Mastodon;

/// <summary>
/// Source-generated serialization of the Mastodon DTOs (snake_case on the wire). Strict like Bluesky's: a missing id,
/// or a string where a count belongs, fails the read as InvalidResponse instead of becoming a snapshot.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(MastodonModels.Account))]
[JsonSerializable(typeof(IReadOnlyList<MastodonModels.Status>))]
[JsonSerializable(typeof(MastodonModels.ErrorEntity))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;
