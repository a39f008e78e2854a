using System.Text.Json.Serialization;

namespace Collector.Platforms.X;

/// <summary>
/// Source-generated serialization of the X DTOs. Strict on purpose: a missing id or username, or a string where a
/// count belongs, fails the read (InvalidResponse) instead of producing a snapshot of zeros.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(XModels.UsersResponse))]
[JsonSerializable(typeof(XModels.TimelineResponse))]
[JsonSerializable(typeof(XModels.ErrorBody))]
internal sealed partial class XJsonContext : JsonSerializerContext;
