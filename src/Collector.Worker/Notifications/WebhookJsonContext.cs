using System.Text.Json.Serialization;
using Collector.Worker.Output;

namespace Collector.Worker.Notifications;

/// <summary>Source-generated JSON for webhook bodies: camelCase, nulls written (receivers see every field).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UtcInstantConverter)])]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(SlackPayload))]
[JsonSerializable(typeof(DiscordPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
