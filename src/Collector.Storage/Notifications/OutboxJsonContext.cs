using System.Text.Json.Serialization;
using Collector.Core.Notifications;

namespace Collector.Storage.Notifications;

/// <summary>The stored form of an outbox payload (source-generated: no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NotificationEvent))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
