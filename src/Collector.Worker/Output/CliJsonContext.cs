using System.Text.Json.Serialization;

namespace Collector.Worker.Output;

/// <summary>Source-generated JSON for command output: camelCase, nulls written (consumers expect every field).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UtcInstantConverter)])]
[JsonSerializable(typeof(IReadOnlyList<StatusRow>))]
[JsonSerializable(typeof(IReadOnlyList<FlagRow>))]
[JsonSerializable(typeof(HistoryView))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
